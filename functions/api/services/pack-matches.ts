import type { FingerprintPack, PackKind } from '../../core/analysis/fingerprints';
import type { Analysis } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import type { Policy } from '../../core/scoring';
import type { AppDeps } from '../env';
import { applicablePacks, readBytes } from './fingerprints';
import { countingSample } from './sample-selection';

type Deps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'logger'>;

/** What a report says about each fingerprint pack that applies to the assessment. */
export interface PackNote {
  packId: string;
  name: string;
  kind: PackKind;
  via: ('policy' | 'attached')[];
  applied: boolean;
  message: string | null;
}

/**
 * Matches every applicable pack against the counting samples' stored partials (their exact keys,
 * band hashes and sampled 13-grams: no sample is read again), so a pack attached after the
 * analysis counts at the next re-score. Sets `matches` on each analysis that has a partial.
 */
export async function withPackMatches(
  deps: Deps,
  a: Assessment,
  policy: Pick<Policy, 'fingerprintPacks'>,
  analyses: { training?: Analysis; holdout?: Analysis },
): Promise<{ analyses: { training?: Analysis; holdout?: Analysis }; fingerprints: PackNote[] }> {
  const packs = await applicablePacks(deps, a, policy);
  if (packs.length === 0) return { analyses, fingerprints: [] };
  const core = await import('../../core/analysis/fingerprints');
  const { deserializePartial } = await import('../../core/analysis/partial/serialize');
  const notes: PackNote[] = [];
  const loaded: { pack: FingerprintPack; keyed: boolean }[] = [];
  for (const p of packs) {
    const note = { packId: p.packId, name: p.name, kind: p.kind, via: p.via };
    if (!p.load) {
      notes.push({ ...note, applied: false, message: p.message });
      continue;
    }
    try {
      loaded.push({ pack: core.parsePack(await p.load()), keyed: p.keyed });
      notes.push({ ...note, applied: true, message: null });
    } catch (error) {
      const message = `The pack cannot be used: ${(error as Error).message}`;
      notes.push({ ...note, applied: false, message });
    }
  }
  if (loaded.length === 0) return { analyses, fingerprints: notes };
  const key = loaded.some((l) => l.keyed)
    ? await deps.repos.fingerprints.hmacKey(a.organizationId)
    : undefined;
  const samples = await deps.repos.samples.list(a.organizationId, a.id);
  const out = { ...analyses };
  for (const role of ['training', 'holdout'] as const) {
    const analysis = analyses[role];
    const partialKey = countingSample(samples, role)?.partialKey;
    if (!analysis || !partialKey) continue;
    const partial = deserializePartial(
      await readBytes(deps.blobs, deps.config.SAMPLES_BUCKET, partialKey),
    );
    const matches = loaded.map((l) => core.matchPack(partial, l.pack, l.keyed ? key : undefined));
    out[role] = { ...analysis, matches } as Analysis;
  }
  return { analyses: out, fingerprints: notes };
}
