import type { Sample } from '../../store/samples';
import { type RetireDeps, retireSample } from './sample-selection';

/** True when `a` was registered before `b` (ids are time-sortable; the id breaks ties). */
function registeredBefore(a: Sample, b: Sample): boolean {
  return a.createdAt === b.createdAt ? a.sampleId < b.sampleId : a.createdAt < b.createdAt;
}

/**
 * At registration: earlier samples of the role that never received a file (abandoned
 * replacements) are retired at once; uploaded ones stay and keep counting until the new file
 * arrives (see `retireReplaced`). Returns the samples the new one will replace.
 */
export async function supersede(
  deps: RetireDeps,
  existing: Sample[],
  role: Sample['role'],
): Promise<{ retired: Sample[]; pending: Sample[] }> {
  const same = existing.filter((s) => s.role === role);
  const retired = same.filter((s) => s.status === 'awaiting_upload');
  for (const s of retired) await retireSample(deps, s);
  return { retired, pending: same.filter((s) => s.status !== 'awaiting_upload') };
}

/**
 * Once a sample's file has arrived (the analyzer claimed it, or its multipart upload completed),
 * the earlier samples of its role are retired: until then they stayed the counting ones, so an
 * upload that never arrives loses nothing. Idempotent; returns the retired samples.
 */
export async function retireReplaced(deps: RetireDeps, sample: Sample): Promise<Sample[]> {
  const all = await deps.repos.samples.list(sample.organizationId, sample.assessmentId);
  const older = all.filter(
    (s) => s.role === sample.role && s.sampleId !== sample.sampleId && registeredBefore(s, sample),
  );
  for (const s of older) await retireSample(deps, s);
  return older;
}
