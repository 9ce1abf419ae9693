/**
 * Multipart uploads of big sample files: part URLs from the API, a few parts in parallel straight
 * to storage, resumable (the parts storage already holds are listed and skipped), then complete.
 */
import { vendorToken } from '../session';
import { ApiError, createHttp } from './http';
import type { SampleInfo } from './types';

const http = createHttp(vendorToken);
const path = (sampleId: string, rest: string) =>
  `/api/vendor/samples/${encodeURIComponent(sampleId)}/${rest}`;

/** A part as storage holds it. */
export interface UploadedPart {
  partNumber: number;
  etag: string;
  sizeBytes: number;
}

/** `GET …/parts`: what storage already holds of this upload. */
export const listParts = (sampleId: string) =>
  http<{ partSize: number; partCount: number; parts: UploadedPart[]; missing: number[] }>(
    'GET',
    path(sampleId, 'parts'),
  );

/** `POST …/parts`: presigned URLs for some parts. */
export const partUrls = (sampleId: string, partNumbers: number[]) =>
  http<{ parts: { partNumber: number; url: string; sizeBytes: number }[] }>(
    'POST',
    path(sampleId, 'parts'),
    { partNumbers },
  );

/** `POST …/complete`: joins the parts; the analysis starts. */
export const completeUpload = (sampleId: string, parts: { partNumber: number; etag: string }[]) =>
  http<SampleInfo>('POST', path(sampleId, 'complete'), { parts });

/** `DELETE …/upload`: abandons the upload; the sample it would have replaced stays. */
export const abortUpload = (sampleId: string) => http<void>('DELETE', path(sampleId, 'upload'));

/** Parts sent at once. */
export const parallelParts = 3;
/** Attempts per part before the upload stops (it can then be resumed). */
const attemptsPerPart = 3;

/** PUTs one part; resolves with its ETag, reporting bytes sent so far. */
function putPart(url: string, body: Blob, onBytes: (sent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = (event) => onBytes(event.loaded);
    xhr.onload = () => {
      const etag = xhr.getResponseHeader('ETag');
      if (xhr.status >= 200 && xhr.status < 300 && etag) resolve(etag);
      else reject(new Error(`storage answered ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('the connection was interrupted'));
    xhr.send(body);
  });
}

/**
 * Uploads `file` as sample `sampleId` in parts, skipping the parts storage already holds (so a
 * reload or a dropped connection resumes), then completes. Progress is a share in [0, 1].
 */
export async function uploadInParts(
  sampleId: string,
  file: Blob,
  onProgress: (share: number) => void,
): Promise<void> {
  const state = await listParts(sampleId);
  const etags = new Map(state.parts.map((p) => [p.partNumber, p.etag]));
  let done = state.parts.reduce((sum, p) => sum + p.sizeBytes, 0);
  const inFlight = new Map<number, number>();
  const report = () => {
    let sending = 0;
    for (const n of inFlight.values()) sending += n;
    onProgress(Math.min(1, (done + sending) / Math.max(1, file.size)));
  };
  report();
  const queue = [...state.missing];
  while (queue.length > 0) {
    const batch = queue.splice(0, parallelParts);
    const { parts } = await partUrls(sampleId, batch);
    await Promise.all(
      parts.map(async (part) => {
        const start = (part.partNumber - 1) * state.partSize;
        const body = file.slice(start, start + part.sizeBytes);
        let url = part.url;
        for (let attempt = 1; ; attempt++) {
          try {
            const etag = await putPart(url, body, (sent) => {
              inFlight.set(part.partNumber, sent);
              report();
            });
            etags.set(part.partNumber, etag);
            done += part.sizeBytes;
            return;
          } catch (error) {
            if (attempt >= attemptsPerPart) throw partFailed(part.partNumber, state, error);
            url = (await partUrls(sampleId, [part.partNumber])).parts[0]?.url ?? url;
          } finally {
            inFlight.delete(part.partNumber);
            report();
          }
        }
      }),
    );
  }
  const list = [...etags].map(([partNumber, etag]) => ({ partNumber, etag }));
  await completeUpload(
    sampleId,
    list.sort((a, b) => a.partNumber - b.partNumber),
  );
  onProgress(1);
}

function partFailed(partNumber: number, state: { partCount: number }, error: unknown) {
  return new ApiError({
    type: 'upload-interrupted',
    title: 'Upload interrupted',
    status: 0,
    detail: `Part ${partNumber} of ${state.partCount} could not be sent (${(error as Error).message}). The parts already sent are kept: choose Resume upload to continue.`,
  });
}
