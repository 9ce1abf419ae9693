/** Typed calls to the staff API (one function per route); the token comes from the session. */
import { navigate } from '../router';
import { clearStaffSession, staffToken } from '../session';
import type { ScoredReport, Template } from './domain';
import { ApiError, createHttp } from './http';
import type {
  AssessmentEdit,
  PolicyInput,
  PolicyPreview,
  PolicyVersion,
  PolicyView,
  ScoringMethod,
} from './staff-types';
import type {
  Assessment,
  AssessmentStatus,
  AssessmentView,
  AuditEvent,
  DecisionInput,
  Invitation,
  Me,
  NewAssessment,
  OutboxMessage,
  Page,
  ReportVersion,
} from './types';
import type { VendorHistory } from './vendor-history';

const http = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const enc = encodeURIComponent;

/** `GET /api/assessments/{id}/vendor-history`: the same vendor's other assessments. */
export const getVendorHistory = (id: string) =>
  http<VendorHistory>('GET', `/api/assessments/${enc(id)}/vendor-history`);

/** `GET /api/me`. */
export const getMe = () => http<Me>('GET', '/api/me');

/** `GET /api/templates`. */
export const listTemplates = () => http<{ items: Template[] }>('GET', '/api/templates');

/** `GET /api/templates/{id}`. */
export const getTemplate = (id: string) => http<Template>('GET', `/api/templates/${enc(id)}`);

/** `GET /api/assessments` with optional status filter and cursor. */
export function listAssessments(
  query: { status?: AssessmentStatus; limit?: number; cursor?: string } = {},
) {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.limit) params.set('limit', String(query.limit));
  if (query.cursor) params.set('cursor', query.cursor);
  const qs = params.toString();
  return http<Page<Assessment>>('GET', `/api/assessments${qs ? `?${qs}` : ''}`);
}

/** Follows cursors until the list ends or `maxPages` pages were read. */
export async function listAllAssessments(
  status?: AssessmentStatus,
  maxPages = 20,
): Promise<Assessment[]> {
  const all: Assessment[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await listAssessments({ status, limit: 100, cursor });
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

/** `GET /api/assessments/{id}`. */
export const getAssessment = (id: string) =>
  http<AssessmentView>('GET', `/api/assessments/${enc(id)}`);

/** `POST /api/assessments` → the created assessment. */
export const createAssessment = (body: NewAssessment) =>
  http<Assessment>('POST', '/api/assessments', body);

/** `POST /api/assessments/{id}/invitations`: a new token (shown once); revokes the previous one. */
export const issueInvitation = (id: string) =>
  http<Invitation>('POST', `/api/assessments/${enc(id)}/invitations`);

/** `DELETE /api/assessments/{id}/invitations`. */
export const revokeInvitation = (id: string) =>
  http<void>('DELETE', `/api/assessments/${enc(id)}/invitations`);

/** `POST /api/assessments/{id}/reassess` → the new, linked assessment. */
export const reassess = (id: string) =>
  http<Assessment>('POST', `/api/assessments/${enc(id)}/reassess`);

/** `GET /api/assessments/{id}/events`: the audit trail. */
export const listEvents = (id: string) =>
  http<{ items: AuditEvent[] }>('GET', `/api/assessments/${enc(id)}/events`);

/** `GET /api/assessments/{id}/report`, or null while no report exists. */
export async function getReport(id: string): Promise<ScoredReport | null> {
  try {
    return await http<ScoredReport>('GET', `/api/assessments/${enc(id)}/report`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** `GET /api/assessments/{id}/reports`: every stored version. */
export const listReports = (id: string) =>
  http<{ items: ReportVersion[] }>('GET', `/api/assessments/${enc(id)}/reports`);

/** `POST /api/assessments/{id}/decision`. */
export const decide = (id: string, body: DecisionInput) =>
  http<Assessment>('POST', `/api/assessments/${enc(id)}/decision`, body);

/** `GET /api/dev/outbox` (local portal only). */
export const getOutbox = () => http<{ items: OutboxMessage[] }>('GET', '/api/dev/outbox');

/** `PATCH /api/assessments/{id}`: change the vendor contact, dataset details or due date. */
export const updateAssessment = (id: string, body: AssessmentEdit) =>
  http<Assessment>('PATCH', `/api/assessments/${enc(id)}`, body);

/** `POST /api/assessments/{id}/cancel` with the reason. */
export const cancelAssessment = (id: string, reason: string, version?: number) =>
  http<Assessment>('POST', `/api/assessments/${enc(id)}/cancel`, { reason, version });

/** `POST /api/assessments/{id}/archive`. */
export const archiveAssessment = (id: string) =>
  http<Assessment>('POST', `/api/assessments/${enc(id)}/archive`);

/** `POST /api/assessments/{id}/reminders`: e-mails the vendor a reminder now. */
export const sendReminder = (id: string) =>
  http<{ sentTo: string; sentAt: string }>('POST', `/api/assessments/${enc(id)}/reminders`);

/** `GET /api/scoring-method`: rubric, policy explanations and the labels of every id. */
export const getScoringMethod = () => http<ScoringMethod>('GET', '/api/scoring-method');

/** `GET /api/policy`. */
export const getPolicy = () => http<PolicyView>('GET', '/api/policy');

/** `PUT /api/policy`: stores a new version (admin); `version` is the one loaded, `reason` why. */
export const putPolicy = (policy: PolicyInput, version: number, reason: string) =>
  http<PolicyView>('PUT', '/api/policy', { policy, version, reason });

/** `POST /api/policy/preview`: current assessments scored under `policy`, nothing saved. */
export const previewPolicy = (policy: PolicyInput) =>
  http<PolicyPreview>('POST', '/api/policy/preview', { policy });

/** `GET /api/policy/versions`: newest first, with the settings each changed. */
export const listPolicyVersions = () =>
  http<{ items: PolicyVersion[] }>('GET', '/api/policy/versions');
