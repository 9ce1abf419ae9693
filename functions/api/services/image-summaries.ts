/**
 * `summary.images` for archives of images analyzed before the summary carried it. The vendor's
 * upload list and the staff sample list read the image measures from the summary; without them an
 * old image sample showed text measures (records, machine-text estimate) until re-analyzed.
 *
 * Derived on read from the analysis stored beside the sample (the same `imageFacts` the analyzer
 * now writes), and written back once: only `summary.images`, without a version bump, and only
 * while the sample is unchanged, still on that analysis and without image measures (a conditional
 * update, so a re-analysis or a concurrent reader always wins and nothing is overwritten). A
 * failed read or write is logged and the sample is shown as stored: a list never fails for it.
 */
import { archiveKind } from '../../core/analysis/images/archive';
import type { Analysis } from '../../core/analysis/types';
import { imageFacts } from '../../core/report/image-words';
import type { Sample } from '../../store/samples';
import type { AppDeps } from '../env';

/** What the backfill needs. */
export type ImageSummaryDeps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'logger'>;

/**
 * True for an analyzed sample that may be an archive of images without `summary.images`: a summary
 * and a stored analysis, and an archive's name (`.zip`, `.tar`, `.tar.gz`, `.tgz`) or no text field
 * (an archive found by its first bytes under another name reads `text: []`; an analyzed text
 * sample always names its text field), so text samples are not read on every list.
 */
export function mayLackImageSummary(s: Sample): boolean {
  if (!s.summary || s.summary.images || !s.analysisKey || s.purgedAt) return false;
  if (s.status !== 'analyzed' && s.status !== 'unusable') return false;
  if (archiveKind(s.fileName, new Uint8Array()) !== null) return true;
  const text = s.summary.fields?.text;
  return !(typeof text === 'string' ? text : Array.isArray(text) ? text.length : 0);
}

async function backfill(deps: ImageSummaryDeps, s: Sample): Promise<Sample> {
  const key = s.analysisKey as string;
  try {
    const analysis = JSON.parse(
      await deps.blobs.getText(deps.config.SAMPLES_BUCKET, key),
    ) as Analysis;
    if (!analysis.images || !s.summary) return s;
    const images = imageFacts(analysis.images);
    const written = await deps.repos.samples.saveImageSummary(s, images);
    deps.logger.info('image summary derived from the stored analysis', {
      sampleId: s.sampleId,
      written,
    });
    return { ...s, summary: { ...s.summary, images } };
  } catch (error) {
    deps.logger.warn('image summary not derived', { sampleId: s.sampleId, error });
    return s;
  }
}

/** The samples with `summary.images` derived (and stored) where an image archive lacks it. */
export function withImageSummaries(deps: ImageSummaryDeps, samples: Sample[]): Promise<Sample[]> {
  return Promise.all(samples.map((s) => (mayLackImageSummary(s) ? backfill(deps, s) : s)));
}

/** One sample with `summary.images` derived where an image archive lacks it. */
export async function withImageSummary(deps: ImageSummaryDeps, s: Sample): Promise<Sample> {
  return mayLackImageSummary(s) ? backfill(deps, s) : s;
}
