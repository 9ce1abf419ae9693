import type { Analysis } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import type { ScoredReport } from '../../core/scoring';
import { packMatches } from '../../core/scoring/matches';
import { pinOf } from '../../store/object-pin';
import type { AppDeps } from '../env';

/** How many example records per match the exports show. */
export const MATCH_TEXTS_PER_PACK = 3;

/** A match as the exports show it: the indexes, and the vendor's texts of the first few. */
export type MatchWithTexts = ReturnType<typeof packMatches>[number] & {
  exampleTexts?: { record: number; text: string }[];
};

/**
 * The report with the VENDOR's texts of each match's first example records (never the pack's:
 * a pack holds hashes only), read from the sample the report measured, pinned to that version and
 * personal data masked (recordTexts). A sample deleted under retention keeps the indexes only.
 */
export async function withMatchTexts<R extends ScoredReport>(
  deps: Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'logger'>,
  a: Pick<Assessment, 'organizationId' | 'id'>,
  report: R,
): Promise<R> {
  const samples = report.samples as (R['samples'][number] & { file?: { sampleId: string } })[];
  if (!samples.some((s) => packMatches(s as Analysis).some((m) => m.examples.length > 0)))
    return report;
  const { recordTexts } = await import('../../core/analysis/examples');
  const out = [];
  for (const s of samples) {
    const matches = packMatches(s as Analysis);
    const wanted = [...new Set(matches.flatMap((m) => m.examples.slice(0, MATCH_TEXTS_PER_PACK)))];
    const stored = s.file
      ? await deps.repos.samples.get(a.organizationId, a.id, s.file.sampleId)
      : undefined;
    if (wanted.length === 0 || !stored || stored.purgedAt) {
      out.push(s);
      continue;
    }
    try {
      const stream = await deps.blobs.stream(deps.config.SAMPLES_BUCKET, stored.key, pinOf(stored));
      const texts = await recordTexts(stream, s as Analysis, wanted, { fileName: stored.fileName });
      (stream as { destroy?: () => void }).destroy?.();
      const withTexts: MatchWithTexts[] = matches.map((m) => ({
        ...m,
        exampleTexts: m.examples.slice(0, MATCH_TEXTS_PER_PACK).flatMap((record) => {
          const text = texts.get(record);
          return text === undefined ? [] : [{ record, text }];
        }),
      }));
      out.push({ ...s, matches: withTexts });
    } catch (error) {
      deps.logger.warn('match example texts unavailable', { sampleId: stored.sampleId, error });
      out.push(s);
    }
  }
  return { ...report, samples: out };
}
