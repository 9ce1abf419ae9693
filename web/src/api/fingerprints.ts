/** Typed calls to the fingerprint library routes (staff), and the shapes they return. */
import { navigate } from '../router';
import { clearStaffSession, staffToken } from '../session';
import { createHttp } from './http';

const http = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const enc = encodeURIComponent;

/** What a pack's corpus is. */
export type PackKind = 'synthetic' | 'eval' | 'echo';

/** A fingerprint pack: built-in (read-only) or of the organization's library. */
export interface PackInfo {
  packId: string;
  name: string;
  kind: PackKind;
  source: 'pack' | 'corpus';
  keyed: boolean;
  builtin: boolean;
  fileName: string | null;
  sizeBytes: number | null;
  status: 'awaiting_upload' | 'building' | 'ready' | 'failed';
  error: string | null;
  records: number | null;
  origin: string | null;
  licence: string | null;
  createdBy: string;
  attachedTo: { assessmentId: string; attachedAt: string }[];
  createdAt: string | null;
}

/** `POST /api/fingerprints` body. */
export interface NewPack {
  name: string;
  kind: PackKind;
  source: 'pack' | 'corpus';
  fileName: string;
  sizeBytes: number;
  contentType: string;
  fields?: { text: string };
  keyed?: boolean;
}

/** Where to PUT the pack or corpus. */
export interface PackUpload {
  packId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  expiresAt: string;
}

/** `GET /api/fingerprints`. */
export const listPacks = () => http<{ items: PackInfo[] }>('GET', '/api/fingerprints');

/** `POST /api/fingerprints` → the upload target. */
export const createPack = (body: NewPack) => http<PackUpload>('POST', '/api/fingerprints', body);

/** `DELETE /api/fingerprints/{id}`: 409 while attached or in the policy. */
export const deletePack = (id: string) => http<void>('DELETE', `/api/fingerprints/${enc(id)}`);

/** `PUT /api/assessments/{id}/fingerprints/{packId}`. */
export const attachPack = (assessmentId: string, packId: string) =>
  http<unknown>('PUT', `/api/assessments/${enc(assessmentId)}/fingerprints/${enc(packId)}`);

/** `DELETE /api/assessments/{id}/fingerprints/{packId}`. */
export const detachPack = (assessmentId: string, packId: string) =>
  http<void>('DELETE', `/api/assessments/${enc(assessmentId)}/fingerprints/${enc(packId)}`);
