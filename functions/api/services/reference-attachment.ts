import { ConflictError } from '../../lib/errors';
import type { ReferenceLink } from '../../store/reference-links';
import type { ReferenceSample } from '../../store/references';
import type { AppDeps } from '../env';
import { kindOf, loadReference } from './references';

type Deps = Pick<AppDeps, 'repos' | 'clock'>;
const attempts = 5;

/** Saves `ref` with its attachments changed by `change` (compare-and-set, re-read on conflict). */
export async function updateAttachments(
  deps: Deps,
  org: string,
  referenceId: string,
  change: (r: ReferenceSample) => ReferenceSample['attachedTo'],
): Promise<ReferenceSample> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await loadReference(deps, org, referenceId);
    const next = {
      ...current,
      attachedTo: change(current),
      updatedAt: deps.clock().toISOString(),
      version: current.version + 1,
    };
    try {
      await deps.repos.references.save(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError('The reference is being changed by someone else; try again.');
}

/**
 * Points the assessment's link at `referenceId` (null: detached) by compare-and-set over the
 * version read, re-reading on conflict: of concurrent attaches exactly one is the last.
 */
export async function setLink(
  deps: Deps,
  a: { organizationId: string; id: string },
  referenceId: string | null,
  by: string,
  at: string,
): Promise<ReferenceLink> {
  const links = deps.repos.references.links;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await links.get(a.organizationId, a.id);
    const next: ReferenceLink = {
      organizationId: a.organizationId,
      assessmentId: a.id,
      referenceId,
      attachedAt: at,
      attachedBy: by,
      version: (current?.version ?? 0) + 1,
    };
    try {
      await links.save(next);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError('The attachment is being changed by someone else; try again.');
}

/** True when `ref` lists the assessment exactly as the link says (or does not list it). */
function agrees(ref: ReferenceSample, link: ReferenceLink): boolean {
  const entry = ref.attachedTo.find((x) => x.assessmentId === link.assessmentId);
  return ref.sampleId === link.referenceId ? entry?.attachedAt === link.attachedAt : !entry;
}

/**
 * Makes the library's `attachedTo` lists follow the assessment's link, then re-reads the link and
 * repeats while it moved meanwhile: whichever attach ran last, the lists end up agreeing with it.
 */
export async function followLink(
  deps: Deps,
  a: { organizationId: string; id: string },
): Promise<ReferenceLink | undefined> {
  const links = deps.repos.references.links;
  for (let round = 0; round < attempts; round++) {
    const link = await links.get(a.organizationId, a.id);
    if (!link) return undefined;
    // machine references are attached on their own (machine-references.ts), never by the link
    const humans = (await deps.repos.references.list(a.organizationId)).filter(
      (r) => kindOf(r) === 'human',
    );
    for (const ref of humans) {
      if (agrees(ref, link)) continue;
      await updateAttachments(deps, a.organizationId, ref.sampleId, (r) => [
        ...r.attachedTo.filter((x) => x.assessmentId !== a.id),
        ...(r.sampleId === link.referenceId
          ? [{ assessmentId: a.id, attachedAt: link.attachedAt, attachedBy: link.attachedBy }]
          : []),
      ]);
    }
    if ((await links.get(a.organizationId, a.id))?.version === link.version) return link;
  }
  throw new ConflictError('The attachment is being changed by someone else; try again.');
}
