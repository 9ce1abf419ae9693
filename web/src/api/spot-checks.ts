/** Typed calls to the spot-check routes (governance and admin tag; procurement reads results). */
import { navigate } from '../router';
import { clearStaffSession, staffToken } from '../session';
import { createHttp } from './http';

const http = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const enc = encodeURIComponent;

/** A reviewer's reading of one record. */
export type SpotTag = 'machine' | 'human' | 'unsure';

/** Optional flags beside the tag; they do not enter the estimate. */
export type SpotFlag = 'label_wrong' | 'personal_data' | 'off_domain';

/** The stratified estimate of a finished spot-check. */
export interface SpotEstimate {
  share: number;
  interval: [number, number];
  reviewed: number;
  unsure: number;
  method: string;
}

/** One spot-check of an assessment's sample. */
export interface SpotCheck {
  spotCheckId: string;
  assessmentId: string;
  sampleId: string;
  status: 'open' | 'finished';
  size: number;
  tagged: number;
  createdAt: string;
  createdBy: string;
  finishedAt: string | null;
  result: SpotEstimate | null;
}

/** One drawn record as the reviewer sees it: the text only, nothing that biases the reader. */
export interface SpotRecord {
  /** 0-based position in the draw. */
  position: number;
  total: number;
  text: string;
  truncated: boolean;
  tag: SpotTag | null;
  flags: string[];
}

/** The answer to saving a tag: `next` is the position to show next, null when none is untagged. */
export interface SpotTagSaved {
  position: number;
  tag: SpotTag;
  flags: string[];
  next: number | null;
}

const base = (id: string) => `/api/assessments/${enc(id)}/spot-checks`;

/** `POST /api/assessments/{id}/spot-checks` (size defaults to 100 on the server). */
export const startSpotCheck = (assessmentId: string, size?: number) =>
  http<SpotCheck>('POST', base(assessmentId), size === undefined ? {} : { size });

/** `GET /api/assessments/{id}/spot-checks`, newest first. */
export const listSpotChecks = (assessmentId: string) =>
  http<{ items: SpotCheck[] }>('GET', base(assessmentId));

/** `GET /api/assessments/{id}/spot-checks/{spotCheckId}`. */
export const getSpotCheck = (assessmentId: string, spotCheckId: string) =>
  http<SpotCheck>('GET', `${base(assessmentId)}/${enc(spotCheckId)}`);

/** `GET …/records/{position}`. */
export const getSpotRecord = (assessmentId: string, spotCheckId: string, position: number) =>
  http<SpotRecord>('GET', `${base(assessmentId)}/${enc(spotCheckId)}/records/${position}`);

/** `PUT …/records/{position}` with the tag and flags. */
export const tagSpotRecord = (
  assessmentId: string,
  spotCheckId: string,
  position: number,
  body: { tag: SpotTag; flags: SpotFlag[] },
) =>
  http<SpotTagSaved>('PUT', `${base(assessmentId)}/${enc(spotCheckId)}/records/${position}`, body);

/** `POST …/finish`: 409 while untagged records remain. */
export const finishSpotCheck = (assessmentId: string, spotCheckId: string) =>
  http<SpotCheck>('POST', `${base(assessmentId)}/${enc(spotCheckId)}/finish`);
