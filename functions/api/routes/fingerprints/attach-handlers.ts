import type { RouteHandler } from '@hono/zod-openapi';
import type { Assessment } from '../../../core/assessment/types';
import { ConflictError, NotFoundError, StaleWriteError } from '../../../lib/errors';
import { requestRescore } from '../../../rescore/enqueue';
import type { StoredPack } from '../../../store/fingerprint-packs';
import type { AppDeps, AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { auditEvent } from '../../services/audit';
import { loadPack, toPackView } from '../../services/fingerprints';
import type { attachPack, detachPack } from './routes';

const decided: Assessment['status'][] = ['approved', 'rejected'];

function refuseDecided(a: Assessment): void {
  if (decided.includes(a.status))
    throw new ConflictError(
      `This assessment is ${a.status}: its evidence is final. Start a re-assessment to match other packs.`,
    );
}

function refuseBuiltin(packId: string): void {
  if (packId.startsWith('builtin-'))
    throw new ConflictError(
      'Built-in packs apply through the policy: add the pack id to fingerprintPacks (PUT /api/policy).',
    );
}

/** Re-scores if the assessment has a report or one was asked for; else its first report matches. */
async function rescoreIfReported(deps: AppDeps, a: Assessment): Promise<void> {
  const current = await deps.repos.assessments.get(a.organizationId, a.id);
  if (!current) return;
  if (current.report || (await deps.repos.rescores.get(a.organizationId, a.id)))
    await requestRescore(deps, current, 'fingerprint');
}

/** Applies `change` to the pack's attachments with compare-and-set, re-reading on a lost race. */
async function updateAttachments(
  deps: AppDeps,
  org: string,
  packId: string,
  change: (p: StoredPack) => StoredPack['attachedTo'],
): Promise<StoredPack> {
  for (let attempt = 0; ; attempt++) {
    const p = await loadPack(deps, org, packId);
    const next = {
      ...p,
      attachedTo: change(p),
      updatedAt: deps.clock().toISOString(),
      version: p.version + 1,
    };
    try {
      await deps.repos.fingerprints.save(next);
      return next;
    } catch (error) {
      if (!(error instanceof StaleWriteError) || attempt >= 3) throw error;
    }
  }
}

/** Attaches a library pack to an assessment (idempotent). */
export const attachPackHandler: RouteHandler<typeof attachPack, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, packId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  refuseDecided(a);
  refuseBuiltin(packId);
  const now = deps.clock();
  const before = await loadPack(deps, a.organizationId, packId);
  const pack = before.attachedTo.some((x) => x.assessmentId === a.id)
    ? before
    : await updateAttachments(deps, a.organizationId, packId, (p) => [
        ...p.attachedTo.filter((x) => x.assessmentId !== a.id),
        { assessmentId: a.id, attachedAt: now.toISOString(), attachedBy: staff.email },
      ]);
  if (pack !== before) {
    await deps.repos.events.append(
      auditEvent(
        deps,
        a,
        staff,
        'fingerprint_attached',
        { pack: pack.name, packId, kind: pack.kind },
        now,
      ),
    );
    await rescoreIfReported(deps, a);
  }
  return c.json({ assessmentId: a.id, pack: toPackView(pack) }, 200);
};

/** Detaches a pack from an assessment. */
export const detachPackHandler: RouteHandler<typeof detachPack, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, packId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  refuseDecided(a);
  refuseBuiltin(packId);
  const before = await loadPack(deps, a.organizationId, packId);
  if (!before.attachedTo.some((x) => x.assessmentId === a.id))
    throw new NotFoundError(`The pack "${before.name}" is not attached to this assessment.`);
  const pack = await updateAttachments(deps, a.organizationId, packId, (p) =>
    p.attachedTo.filter((x) => x.assessmentId !== a.id),
  );
  await deps.repos.events.append(
    auditEvent(deps, a, staff, 'fingerprint_detached', { pack: pack.name, packId }, deps.clock()),
  );
  await rescoreIfReported(deps, a);
  return c.body(null, 204);
};
