import type { Analysis } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import { NotFoundError, ValidationError } from '../../lib/errors';
import type { ReferenceSample } from '../../store/references';
import type { AppDeps } from '../env';
import { updateAttachments } from './reference-attachment';
import { kindOf, loadReference, referenceAnalysis } from './references';

type Deps = Pick<AppDeps, 'repos' | 'clock'>;
type Scope = Pick<Assessment, 'organizationId' | 'id'>;

/** The machine references attached to an assessment, in the order they were attached. */
export async function attachedMachineReferences(
  deps: Pick<AppDeps, 'repos'>,
  a: Scope,
): Promise<ReferenceSample[]> {
  const at = (r: ReferenceSample) =>
    r.attachedTo.find((x) => x.assessmentId === a.id)?.attachedAt ?? '';
  return (await deps.repos.references.list(a.organizationId))
    .filter((r) => kindOf(r) === 'machine' && at(r) !== '')
    .sort((x, y) => at(x).localeCompare(at(y)));
}

/** Loads a library reference that must be a machine one (400 naming the human route otherwise). */
export async function loadMachineReference(
  deps: Pick<AppDeps, 'repos'>,
  a: Scope,
  referenceId: string,
): Promise<ReferenceSample> {
  const ref = await loadReference(deps, a.organizationId, referenceId);
  if (kindOf(ref) !== 'machine') {
    throw new ValidationError(
      `"${ref.name}" is a human reference; attach it with PUT /api/assessments/${a.id}/reference.`,
      [{ path: 'referenceId', message: 'a human reference: use the reference route' }],
    );
  }
  return ref;
}

/**
 * Adds the assessment to a machine reference's attachments (compare-and-set on the reference
 * alone: an assessment holds several machine references, so no link item is needed). False when
 * it was attached already (idempotent).
 */
export async function attachMachine(
  deps: Deps,
  a: Scope,
  ref: ReferenceSample,
  by: string,
): Promise<boolean> {
  let added = false;
  await updateAttachments(deps, a.organizationId, ref.sampleId, (r) => {
    added = !r.attachedTo.some((x) => x.assessmentId === a.id);
    if (!added) return r.attachedTo;
    const attachedAt = deps.clock().toISOString();
    return [...r.attachedTo, { assessmentId: a.id, attachedAt, attachedBy: by }];
  });
  return added;
}

/** Removes the assessment from a machine reference's attachments; 404 when it was not attached. */
export async function detachMachine(deps: Deps, a: Scope, ref: ReferenceSample): Promise<void> {
  if (!ref.attachedTo.some((x) => x.assessmentId === a.id))
    throw new NotFoundError(
      `The machine reference "${ref.name}" is not attached to this assessment.`,
    );
  await updateAttachments(deps, a.organizationId, ref.sampleId, (r) =>
    r.attachedTo.filter((x) => x.assessmentId !== a.id),
  );
}

/** An attached machine reference with its stored analysis (undefined while it is not analyzed). */
export interface MachineEvidence {
  ref: ReferenceSample;
  analysis: Analysis | undefined;
}

/** The assessment's machine references, each with its analysis when it has one. */
export async function machineEvidence(
  deps: Pick<AppDeps, 'repos' | 'blobs' | 'config'>,
  a: Scope,
): Promise<MachineEvidence[]> {
  const refs = await attachedMachineReferences(deps, a);
  return Promise.all(
    refs.map(async (ref) => ({ ref, analysis: await referenceAnalysis(deps, ref) })),
  );
}
