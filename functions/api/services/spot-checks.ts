import { deserializePartial } from '../../core/analysis';
import type { Analysis } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import { ConflictError, NotFoundError, StaleWriteError } from '../../lib/errors';
import { requestRescore } from '../../rescore/enqueue';
import type { SpotCheck, SpotRecord } from '../../store/spot-checks';
import type { StaffIdentity } from '../auth/identity';
import type { AppDeps } from '../env';
import { auditEvent } from './audit';
import { drawSpotCheck, estimateSpotCheck, type SpotStratum, type SpotTag } from './evidence-core';
import { isDecided } from './sample-freeze';
import { countingSample } from './sample-selection';

type Deps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'clock' | 'newId' | 'rescoreQueue'>;

/** Longest text kept per drawn record (the core truncates first; this keeps an item well under 400 KB). */
const MAX_TEXT = 20_000;

/** The public view of a spot-check (contract: CONTRACT-22.md). */
export function toSpotCheckView(s: SpotCheck) {
  return {
    spotCheckId: s.spotCheckId,
    assessmentId: s.assessmentId,
    sampleId: s.sampleId,
    status: s.status,
    size: s.size,
    tagged: Math.min(s.tagged, s.size),
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    finishedAt: s.finishedAt,
    result: s.result,
  };
}

/** Loads a spot-check of the assessment; other assessments' ids are simply not found. */
export async function loadSpotCheck(deps: Pick<AppDeps, 'repos'>, a: Assessment, id: string) {
  const s = await deps.repos.spotChecks.get(a.organizationId, a.id, id);
  if (!s) throw new NotFoundError(`No spot-check ${id} on this assessment.`);
  return s;
}

function refuseDecided(a: Assessment): void {
  if (isDecided(a))
    throw new ConflictError(
      `This assessment is ${a.status}: its evidence is final. Start a re-assessment to review records again.`,
    );
}

const again = (fileName: string) =>
  `The training sample "${fileName}" was analyzed without a pool of records to review (it was analyzed before spot-checks existed): analyze the sample again by having the vendor upload it once more, then start the spot-check.`;

/** Reads the counting training sample's stored analysis and partial: what a draw needs. */
async function drawSource(deps: Deps, a: Assessment) {
  const samples = await deps.repos.samples.list(a.organizationId, a.id);
  const training = countingSample(samples, 'training');
  if (!training?.partialKey || !training.analysisKey)
    throw new ConflictError(
      'There is no analyzed training sample to review yet: wait until the vendor has uploaded one and it is analyzed.',
    );
  const bucket = deps.config.SAMPLES_BUCKET;
  const chunks: Uint8Array[] = [];
  for await (const chunk of await deps.blobs.stream(bucket, training.partialKey))
    chunks.push(chunk);
  const partial = deserializePartial(chunks);
  const analysis = JSON.parse(await deps.blobs.getText(bucket, training.analysisKey)) as Analysis;
  if (analysis.images)
    throw new ConflictError(
      `The training sample "${training.fileName}" is an archive of images: a spot-check reviews text records. Review the images in the report instead (the files with AI evidence and each group of copies have thumbnails there).`,
    );
  const strata = (analysis as { spotCheck?: { strata: SpotStratum[] } | null }).spotCheck?.strata;
  if (!strata || !(partial as { spotPool?: unknown }).spotPool)
    throw new ConflictError(again(training.fileName));
  return { training, partial, strata };
}

/** Draws `size` records of the counting training sample and stores them as a new open spot-check. */
export async function startSpotCheck(
  deps: Deps,
  a: Assessment,
  staff: StaffIdentity,
  size: number,
): Promise<SpotCheck> {
  refuseDecided(a);
  const { training, partial, strata } = await drawSource(deps, a);
  const drawn = drawSpotCheck(partial, size);
  if (drawn.length === 0) throw new ConflictError(again(training.fileName));
  const now = deps.clock();
  const spotCheckId = deps.newId(now);
  const scope = { organizationId: a.organizationId, assessmentId: a.id, spotCheckId };
  const records: SpotRecord[] = drawn.map((d, position) => ({
    ...scope,
    position,
    index: d.index,
    stratum: d.stratum,
    text: d.text.slice(0, MAX_TEXT),
    truncated: d.truncated || d.text.length > MAX_TEXT,
    tag: null,
    flags: [],
    taggedAt: null,
    taggedBy: null,
    version: 1,
  }));
  const spot: SpotCheck = {
    ...scope,
    sampleId: training.sampleId,
    status: 'open',
    size: records.length,
    tagged: 0,
    strata,
    createdAt: now.toISOString(),
    createdBy: staff.email,
    finishedAt: null,
    finishedBy: null,
    result: null,
    version: 1,
  };
  await deps.repos.spotChecks.create(spot, records);
  const detail = { spotCheckId, size: spot.size, sample: training.fileName };
  await deps.repos.events.append(auditEvent(deps, a, staff, 'spot_check_started', detail, now));
  return spot;
}

/** One drawn record, as the reviewer reads it: no stratum, no score, nothing that biases. */
export async function recordView(deps: Deps, a: Assessment, id: string, position: number) {
  const spot = await loadSpotCheck(deps, a, id);
  const r = await loadRecord(deps, spot, position);
  return {
    position: r.position,
    total: spot.size,
    text: r.text,
    truncated: r.truncated,
    tag: r.tag,
    flags: r.flags,
  };
}

async function loadRecord(deps: Pick<AppDeps, 'repos'>, spot: SpotCheck, position: number) {
  const r =
    position < spot.size
      ? await deps.repos.spotChecks.record(
          spot.organizationId,
          spot.assessmentId,
          spot.spotCheckId,
          position,
        )
      : undefined;
  if (!r)
    throw new NotFoundError(
      `No record at position ${position}: this spot-check holds positions 0 to ${spot.size - 1}.`,
    );
  return r;
}

/** Tags one record (compare-and-set on the record); answers with the next untagged position. */
export async function tagRecord(
  deps: Deps,
  a: Assessment,
  staff: StaffIdentity,
  id: string,
  position: number,
  change: { tag: SpotTag; flags: string[] },
) {
  const spot = await loadSpotCheck(deps, a, id);
  if (spot.status !== 'open')
    throw new ConflictError('This spot-check is finished: its tags are final. Start a new one.');
  const r = await loadRecord(deps, spot, position);
  const next: SpotRecord = {
    ...r,
    tag: change.tag,
    flags: [...new Set(change.flags)],
    taggedAt: deps.clock().toISOString(),
    taggedBy: staff.email,
    version: r.version + 1,
  };
  try {
    await deps.repos.spotChecks.saveRecord(next);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new ConflictError('Someone tagged this record meanwhile: reload it and tag it again.', {
      cause: error,
    });
  }
  if (r.tag === null)
    await deps.repos.spotChecks.countTagged(a.organizationId, a.id, spot.spotCheckId);
  const tags = await deps.repos.spotChecks.tags(a.organizationId, a.id, spot.spotCheckId);
  const open = tags.filter((t) => t.tag === null && t.position !== position);
  const after = open.find((t) => t.position > position) ?? open[0];
  return { position, tag: change.tag, flags: next.flags, next: after?.position ?? null };
}

/**
 * Finishes a fully tagged spot-check: the stratified estimate, the audit event (tags, reviewers,
 * time) and a re-score, whose report reads the result as `reviewed` evidence.
 */
export async function finishSpotCheck(
  deps: Deps,
  a: Assessment,
  staff: StaffIdentity,
  id: string,
): Promise<SpotCheck> {
  refuseDecided(a);
  const spot = await loadSpotCheck(deps, a, id);
  if (spot.status !== 'open') throw new ConflictError('This spot-check is finished already.');
  const tags = await deps.repos.spotChecks.tags(a.organizationId, a.id, spot.spotCheckId);
  const untagged = tags.filter((t) => t.tag === null).map((t) => t.position);
  if (untagged.length > 0)
    throw new ConflictError(
      `${untagged.length} of ${spot.size} records are not tagged yet (first at position ${untagged[0]}): tag every record, "unsure" where you cannot tell.`,
      { extra: { untagged: untagged.length, positions: untagged.slice(0, 20) } },
    );
  const done = tags.map((t) => ({ ...t, tag: t.tag as SpotTag }));
  const result = estimateSpotCheck(spot.strata, done);
  const now = deps.clock();
  const finished: SpotCheck = {
    ...spot,
    status: 'finished',
    tagged: done.length,
    finishedAt: now.toISOString(),
    finishedBy: staff.email,
    result,
    version: spot.version + 1,
  };
  try {
    await deps.repos.spotChecks.save(finished);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new ConflictError('The spot-check changed meanwhile: reload it and finish again.', {
      cause: error,
    });
  }
  const detail = {
    spotCheckId: spot.spotCheckId,
    tagged: done.length,
    reviewer: staff.email,
    share: result.share,
    interval: result.interval,
    tags: done.map((t) => ({
      position: t.position,
      index: t.index,
      tag: t.tag,
      flags: t.flags,
      by: t.taggedBy,
      at: t.taggedAt,
    })),
  };
  await deps.repos.events.append(auditEvent(deps, a, staff, 'spot_check_finished', detail, now));
  await requestRescore(deps, a, 'spot_check');
  return finished;
}
