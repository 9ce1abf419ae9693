/** Typed calls to the reference library routes (staff), and the shapes they return. */
import { navigate } from '../router';
import { clearStaffSession, staffToken } from '../session';
import type { DetectedFields, FieldMappingBody } from './field-mapping';
import { createHttp } from './http';
import type { SampleInfo } from './types';

const http = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const enc = encodeURIComponent;

/** Known-human text (calibrates) or known-machine text the buyer generated (the second component). */
export type ReferenceKind = 'human' | 'machine';

/** A reference sample of the organization's library. */
export interface ReferenceInfo {
  referenceId: string;
  name: string;
  /** Absent on references stored before machine references existed: those are human. */
  kind?: ReferenceKind;
  /** The model that wrote a machine reference; null for human ones. */
  generator?: string | null;
  description: string;
  fileName: string;
  sizeBytes: number;
  status: SampleInfo['status'];
  error: string | null;
  summary: SampleInfo['summary'];
  /** The field the text was read from (several joined by " + "); null until analyzed. */
  readField?: string | null;
  createdBy: string;
  attachedTo: { assessmentId: string; attachedAt: string }[];
  createdAt: string;
}

/** `POST /api/references` body. */
export interface NewReference {
  name: string;
  /** Defaults to human on the server. */
  kind?: ReferenceKind;
  /** Required for machine references, refused for human ones. */
  generator?: string;
  description: string;
  fileName: string;
  sizeBytes: number;
  contentType: string;
}

/** Where to PUT the reference file. */
export interface ReferenceUpload {
  referenceId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  expiresAt: string;
}

/** `GET /api/references`. */
export const listReferences = () => http<{ items: ReferenceInfo[] }>('GET', '/api/references');

/** `POST /api/references` → the upload target. */
export const createReference = (body: NewReference) =>
  http<ReferenceUpload>('POST', '/api/references', body);

/** `DELETE /api/references/{id}`: 409 while attached. */
export const deleteReference = (id: string) => http<void>('DELETE', `/api/references/${enc(id)}`);

/** `PUT /api/assessments/{id}/reference`. */
export const attachReference = (assessmentId: string, referenceId: string) =>
  http<unknown>('PUT', `/api/assessments/${enc(assessmentId)}/reference`, { referenceId });

/** `DELETE /api/assessments/{id}/reference`. */
export const detachReference = (assessmentId: string) =>
  http<void>('DELETE', `/api/assessments/${enc(assessmentId)}/reference`);

/** `PUT /api/assessments/{id}/machine-references/{referenceId}` (idempotent; re-scores). */
export const attachMachineReference = (assessmentId: string, referenceId: string) =>
  http<unknown>(
    'PUT',
    `/api/assessments/${enc(assessmentId)}/machine-references/${enc(referenceId)}`,
  );

/** `DELETE /api/assessments/{id}/machine-references/{referenceId}` (re-scores). */
export const detachMachineReference = (assessmentId: string, referenceId: string) =>
  http<void>(
    'DELETE',
    `/api/assessments/${enc(assessmentId)}/machine-references/${enc(referenceId)}`,
  );

/** `GET /api/references/{id}/fields`: the fields of the uploaded reference, to choose from. */
export const getReferenceFields = (referenceId: string) =>
  http<DetectedFields>('GET', `/api/references/${enc(referenceId)}/fields`);

/** `PUT /api/references/{id}/fields`: the field to read; the stored file is analyzed again. */
export const changeReferenceFields = (referenceId: string, body: FieldMappingBody) =>
  http<ReferenceInfo>('PUT', `/api/references/${enc(referenceId)}/fields`, body);
