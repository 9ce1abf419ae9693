/** Typed calls to the vendor API, authorized by the invitation token kept in this tab. */
import { vendorToken } from '../session';
import type { Template } from './domain';
import type { DetectedFields, FieldMappingBody } from './field-mapping';
import { ApiError, createHttp, problemFrom } from './http';
import type {
  Answers,
  AssessmentStatus,
  NewSample,
  ReviewComment,
  SampleInfo,
  SampleUpload,
} from './types';

const http = createHttp(vendorToken);

/** What the vendor sees of the assessment they were invited to. */
export interface VendorAssessment {
  assessment: {
    id: string;
    status: AssessmentStatus;
    vendor: { name: string; contactEmail: string };
    dataset: { name: string; description?: string; intendedUse: string };
    dueAt: string;
    submittedAt: string | null;
    decidedAt?: string | null;
  };
  /** The organization that invited the vendor, and its contact. */
  buyer?: { name: string; contactEmail: string };
  template: Template;
  answers: Answers;
  version: number;
  samples: SampleInfo[];
  comments: ReviewComment[];
  /** The named contact whose own link opened the questionnaire, with their section ids. */
  you?: { name: string; email: string; sections: string[] } | null;
}

/** `GET /api/vendor/assessment`. */
export const getVendorAssessment = () => http<VendorAssessment>('GET', '/api/vendor/assessment');

/** `PUT /api/vendor/answers`: saves a draft; 409 when `version` is stale. */
export const saveAnswers = (answers: Record<string, unknown>, version: number) =>
  http<{ answers: Answers; version: number }>('PUT', '/api/vendor/answers', { answers, version });

/** `PATCH /api/vendor/answers`: stores every valid answer; `errors` lists the refused ones. */
export const mergeAnswers = (answers: Record<string, unknown>, version: number) =>
  http<{
    answers: Answers;
    version: number;
    saved: string[];
    errors: { path: string; message: string }[];
  }>('PATCH', '/api/vendor/answers', { answers, version });

/** `DELETE /api/vendor/samples/{id}`: removes a sample while the questionnaire is open. */
export const deleteSample = (sampleId: string) =>
  http<void>('DELETE', `/api/vendor/samples/${encodeURIComponent(sampleId)}`);

/** `POST /api/vendor/samples` → where to PUT the file. */
export const createSample = (body: NewSample) =>
  http<SampleUpload>('POST', '/api/vendor/samples', body);

/** `GET /api/vendor/samples/{id}`. */
export const getSample = (sampleId: string) =>
  http<SampleInfo>('GET', `/api/vendor/samples/${encodeURIComponent(sampleId)}`);

/** `POST /api/vendor/submit`: 409 lists the missing answers. */
export const submitAssessment = () =>
  http<{ status: AssessmentStatus }>('POST', '/api/vendor/submit');

/** PUTs a file to a presigned URL, reporting progress as a share in [0, 1]. */
export function uploadFile(
  upload: SampleUpload,
  file: Blob,
  onProgress: (share: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', upload.uploadUrl ?? '');
    for (const [name, value] of Object.entries(upload.uploadHeaders ?? {})) {
      // Browsers set these themselves and refuse scripts that try.
      if (!['content-length', 'host'].includes(name.toLowerCase()))
        xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(
          new ApiError({
            type: 'upload-failed',
            title: 'Upload failed',
            status: xhr.status,
            detail: `The storage service answered ${xhr.status}. Try again.`,
          }),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'network',
          title: 'Upload failed',
          status: 0,
          detail: 'The upload was interrupted.',
        }),
      );
    xhr.send(file);
  });
}

/** `GET /api/vendor/samples/{id}/fields`: the fields of the uploaded file, to choose from. */
export const getSampleFields = (sampleId: string) =>
  http<DetectedFields>('GET', `/api/vendor/samples/${encodeURIComponent(sampleId)}/fields`);

/** `PUT /api/vendor/samples/{id}/fields`: a new mapping; the stored file is analyzed again. */
export const changeSampleFields = (sampleId: string, body: FieldMappingBody) =>
  http<SampleInfo>('PUT', `/api/vendor/samples/${encodeURIComponent(sampleId)}/fields`, body);

/** The frameworks a vendor can download a prefilled draft of (its own disclosures). */
export const DRAFT_DOWNLOADS = [
  { framework: 'ca-ab2013', label: 'California AB 2013 draft' },
  { framework: 'eu-gpai-summary', label: 'EU training-content summary draft' },
] as const;

/**
 * `GET /api/vendor/frameworks/{framework}/draft?format=md`: the vendor's prefilled draft, saved as
 * a Markdown file (never rendered on the page).
 */
export async function downloadFrameworkDraft(framework: string): Promise<void> {
  const token = vendorToken();
  const response = await fetch(
    `/api/vendor/frameworks/${encodeURIComponent(framework)}/draft?format=md`,
    { headers: token ? { authorization: `Bearer ${token}` } : {}, credentials: 'omit' },
  );
  if (!response.ok) throw new ApiError(await problemFrom(response));
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `draft-${framework}.md`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
