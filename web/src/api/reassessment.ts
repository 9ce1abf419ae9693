/** Typed calls for the re-assessment schedule: the due list and procurement's answer to a proposal. */
import { navigate } from '../router';
import { clearStaffSession, staffToken } from '../session';
import { createHttp } from './http';
import type { AssessmentStatus, Tier } from './types';

const http = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const enc = encodeURIComponent;

/** The policy's re-assessment block: days per tier (null: no schedule) and the mode. */
export interface ReassessmentPolicy {
  cadenceDays: Record<Tier, number | null>;
  mode: 'create' | 'propose';
}

/** One approved assessment whose re-assessment is due or overdue (`GET /api/portfolio/due`). */
export interface DueItem {
  assessmentId: string;
  vendorName: string;
  datasetName: string;
  tier: Tier;
  cadenceDays: number;
  decidedAt: string;
  dueAt: string;
  dueOn: string;
  overdueDays: number;
  state: 'due' | 'claimed' | 'created' | 'proposed' | 'accepted' | 'covered';
  mode: 'create' | 'propose';
  reassessment: { id: string; status: AssessmentStatus } | null;
}

/** `GET /api/portfolio/due`. */
export const listDue = () => http<{ items: DueItem[] }>('GET', '/api/portfolio/due');

/** `POST /api/portfolio/due/{id}/accept`: starts the proposed re-assessment (procurement). */
export const acceptDue = (id: string) =>
  http<DueItem>('POST', `/api/portfolio/due/${enc(id)}/accept`);

/** `POST /api/portfolio/due/{id}/dismiss`: dismisses the proposal (procurement). */
export const dismissDue = (id: string) =>
  http<undefined>('POST', `/api/portfolio/due/${enc(id)}/dismiss`);
