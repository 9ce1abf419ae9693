/** Typed calls to the delivery-contract and remediation routes (docs/contracts.md). */
import { navigate } from '../router';
import { clearStaffSession, staffToken, vendorToken } from '../session';
import { createHttp } from './http';

const staff = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const vendor = createHttp(vendorToken);
const enc = encodeURIComponent;

/** One condition checked against a delivery. */
export interface ConditionResult {
  metric: string;
  max?: number;
  min?: number;
  source?: string;
  actual: number | null;
  held: boolean | null;
  measurable: boolean;
  reason?: string;
  words: string;
  actualWords?: string;
}

/** A remediation item (one broken condition). */
export interface RemediationItem {
  itemId: string;
  assessmentId: string;
  condition: ConditionResult;
  status: 'open' | 'in_progress' | 'resolved' | 'accepted';
  owner: string | null;
  dueAt: string;
  comments: { at: string; by: string; role: string; text: string }[];
  exception: { reason: string; until: string; by: string; at: string } | null;
  pastExceptions: { reason: string; until: string; lapsedAt?: string }[];
  version: number;
}

/** `GET …/contract`. */
export interface ContractView {
  conditions: { metric: string; words: string; note?: string }[];
  contractAssessmentId: string | null;
  check: { held: boolean; broken: number; checkedAt: string; conditions: ConditionResult[] } | null;
  conditionsBroken: boolean;
  items: RemediationItem[];
}

const item = (id: string, itemId: string) =>
  `/api/assessments/${enc(id)}/remediation/${enc(itemId)}`;

/** `GET /api/assessments/{id}/contract`. */
export const getContract = (id: string) =>
  staff<ContractView>('GET', `/api/assessments/${enc(id)}/contract`);
/** `POST …/remediation/{itemId}/comments` (staff). */
export const commentItem = (id: string, itemId: string, text: string) =>
  staff<RemediationItem>('POST', `${item(id, itemId)}/comments`, { text });
/** `POST …/remediation/{itemId}/exception` (governance, admin). */
export const acceptException = (id: string, itemId: string, reason: string, until: string) =>
  staff<RemediationItem>('POST', `${item(id, itemId)}/exception`, { reason, until });
/** `PATCH …/remediation/{itemId}` (governance, admin). */
export const updateItem = (
  id: string,
  itemId: string,
  body: { status?: string; owner?: string | null; version: number },
) => staff<RemediationItem>('PATCH', item(id, itemId), body);
/** `GET /api/vendor/contract`. */
export const getVendorContract = () => vendor<ContractView>('GET', '/api/vendor/contract');
/** `POST /api/vendor/remediation/{itemId}/comments`. */
export const vendorComment = (itemId: string, text: string) =>
  vendor<RemediationItem>('POST', `/api/vendor/remediation/${enc(itemId)}/comments`, { text });
