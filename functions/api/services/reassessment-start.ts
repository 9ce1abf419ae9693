import type { Assessment } from '../../core/assessment/types';
import { getTemplate } from '../../core/questionnaire/registry';
import type { AuditEvent } from '../../store/events';
import type { AppDeps } from '../env';
import { type Actor, auditEvent } from './audit';

const dayMs = 86_400_000;

/** What starting a re-assessment needs: the create-if-absent write, clock and ids. */
export interface StartDeps extends Pick<AppDeps, 'clock' | 'newId'> {
  repos: { assessments: { create(a: Assessment, event: AuditEvent): Promise<void> } };
}

/**
 * Starts a linked, prefilled assessment of the same dataset (latest template version), as
 * `POST /api/assessments/{id}/reassess` does: a draft with the previous answers, due in 30 days
 * unless `dueAt` says otherwise. `id` fixes the new assessment's id (the due job's record names it
 * before creating it); `detail` adds to the creation event.
 */
export async function startReassessment(
  deps: StartDeps,
  previous: Assessment,
  actor: Actor,
  options: { id?: string; dueAt?: string; detail?: Record<string, unknown> } = {},
): Promise<Assessment> {
  const now = deps.clock();
  const template = getTemplate(previous.templateId);
  const a: Assessment = {
    ...previous,
    id: options.id ?? deps.newId(now),
    status: 'draft',
    templateVersion: template?.version ?? previous.templateVersion,
    dueAt: options.dueAt ?? new Date(now.getTime() + 30 * dayMs).toISOString(),
    createdAt: now.toISOString(),
    // A scheduled one belongs to whoever owned the approved assessment (reminders name them).
    createdBy: actor.kind === 'staff' ? actor.email : previous.createdBy,
    updatedAt: now.toISOString(),
    version: 1,
    answers: structuredClone(previous.answers),
    previousAssessmentId: previous.id,
    invitation: null,
    submittedAt: null,
    decision: null,
    report: null,
    cancellation: null,
    archivedAt: null,
  };
  const detail = { status: 'draft', reassessmentOf: previous.id, ...options.detail };
  await deps.repos.assessments.create(a, auditEvent(deps, a, actor, 'create', detail, now));
  return a;
}
