import type { DueClaim } from '../../core/assessment/reassessment';
import type { Assessment } from '../../core/assessment/types';
import { ConflictError } from '../../lib/errors';
import type { AuditEvent } from '../../store/events';
import type { ReassessmentClaimRepo } from '../../store/reassessment-claims';
import { type Actor, auditEvent } from './audit';
import { type InviteDeps, issueVendorInvitation } from './invitation-issue';
import { type StartDeps, startReassessment } from './reassessment-start';

/** What acting on a due date needs (the API's stores and the scheduled function's both fit). */
export interface CarryOutDeps extends InviteDeps, StartDeps {
  repos: InviteDeps['repos'] &
    StartDeps['repos'] & {
      assessments: { find(org: string, id: string): Promise<Assessment | undefined> };
      reassessments: Pick<ReassessmentClaimRepo, 'save'>;
      events: { append(e: AuditEvent): Promise<void> };
    };
}

/** Who the audit trail names for what the schedule does. */
export const scheduleActor: Actor = { kind: 'system', name: 're-assessment schedule' };

/** Records on the approved assessment what its due date brought (created, proposed, covered). */
export async function dueEvent(
  deps: Pick<CarryOutDeps, 'newId' | 'clock'> & { repos: Pick<CarryOutDeps['repos'], 'events'> },
  claim: DueClaim,
  previous: Assessment,
  outcome: DueClaim['state'],
  actor: Actor = scheduleActor,
): Promise<void> {
  const detail = {
    dueOn: claim.dueOn,
    tier: claim.tier,
    cadenceDays: claim.cadenceDays,
    outcome,
    reassessmentId: claim.reassessmentId,
  };
  await deps.repos.events.append(
    auditEvent(deps, previous, actor, 'reassessment.due', detail, deps.clock()),
  );
}

/**
 * Creates the re-assessment a `claimed` record names (or finds it, when an earlier try got that
 * far), invites the vendor through today's path (no named contact) while it is still a draft,
 * and marks the record `created`. Every step is safe to repeat: the id is fixed, the invitation
 * and the record are compare-and-set. True when this call completed the record.
 */
export async function carryOut(
  deps: CarryOutDeps,
  claim: DueClaim,
  previous: Assessment,
  actor: Actor = scheduleActor,
): Promise<boolean> {
  const id = claim.reassessmentId;
  if (!id) return false;
  let next = await deps.repos.assessments.find(claim.organizationId, id);
  if (!next) {
    try {
      next = await startReassessment(deps, previous, actor, {
        id,
        detail: { scheduled: true, dueOn: claim.dueOn },
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      next = await deps.repos.assessments.find(claim.organizationId, id);
    }
  }
  if (next?.status === 'draft') {
    const inviter = actor.kind === 'staff' ? actor.email : previous.createdBy;
    try {
      await issueVendorInvitation(deps, next, actor, inviter);
    } catch (error) {
      // Another run invited it meanwhile (its compare-and-set won): nothing more to do.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  const done: DueClaim = {
    ...claim,
    // Procurement accepted a proposal when the record names who decided.
    state: claim.decidedBy ? 'accepted' : 'created',
    updatedAt: deps.clock().toISOString(),
    version: claim.version + 1,
  };
  try {
    await deps.repos.reassessments.save(done);
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
  await dueEvent(deps, done, previous, done.state, actor);
  return true;
}
