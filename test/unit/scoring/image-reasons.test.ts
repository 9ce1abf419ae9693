import { beforeAll, describe, expect, it } from 'vitest';
import { timeLimitMessage } from '../../../functions/analyze/deadline';
import { analyzeSource } from '../../../functions/core/analysis';
import type { Analysis } from '../../../functions/core/analysis/types';
import { defaultPolicy, type ScoredReport } from '../../../functions/core/scoring';
import { scene, source, textChunk, withChunks, zip } from '../images/fixtures';
import { imageArchiveAnalysis } from '../web/image-sample-fixture';
import { loadAnswers, run } from './inputs';

const A1111 = 'x\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 1';

/** Four PNGs (one with generator settings, one a pixel copy) and, optionally, a metadata.jsonl. */
async function archive(listing?: string): Promise<Analysis> {
  const png = (seed: number) => scene(seed).png().toBuffer();
  const files = [
    { name: 'a.png', data: withChunks(await png(1), [textChunk('parameters', A1111)]) },
    { name: 'b.png', data: await png(2) },
    { name: 'c.png', data: await png(3) },
    { name: 'c-copy.png', data: await png(3) },
  ];
  if (listing) files.push({ name: 'metadata.jsonl', data: Buffer.from(listing) });
  return (await analyzeSource(source(zip(files)), { fileName: 'pictures.zip' })).analysis;
}

/** Every sentence a report carries about the sample: factor reasons, checks, discrepancies. */
const sentences = (r: ScoredReport): string[] => [
  ...r.risk.factors.map((f) => f.reason),
  ...r.claimChecks.map((c) => c.message),
  ...r.discrepancies.map((d) => d.message),
];

const factor = (r: ScoredReport, id: string) => r.risk.factors.find((f) => f.id === id);

let bare: Analysis;
let listed: Analysis;
beforeAll(async () => {
  bare = await archive();
  listed = await archive(
    `${JSON.stringify({ file_name: 'a.png', label: 'art', source: 'studio' })}\n${JSON.stringify({ file_name: 'b.png', label: 'photo', source: 'staff' })}\n${JSON.stringify({ file_name: 'c.png', label: 'photo' })}\n`,
  );
}, 60_000);

describe('scoring reasons for an image sample speak of images', () => {
  it('says an archive without a metadata list carries none of the provenance fields, at full weight', () => {
    const f = factor(run(loadAnswers('honest-vendor'), { training: bare }), 'missing_provenance');
    expect(f?.reason).toBe(
      'Images carry 0 % of the provenance fields (source, creation date, licence, synthetic flag): the archive has no metadata list (metadata.jsonl or metadata.csv) that names them per image. 75 % of the images carry no metadata of their own (EXIF, XMP, PNG text or C2PA).',
    );
    expect(f?.points).toBeCloseTo(defaultPolicy.weights.missing_provenance, 5);
  });

  it('counts the sources a metadata.jsonl gives, over the four provenance fields', () => {
    expect(listed.images?.listed?.sources).toEqual({ studio: 1, staff: 1 });
    const f = factor(run(loadAnswers('honest-vendor'), { training: listed }), 'missing_provenance');
    // 2 of 4 images with a source: half of one field of four
    expect(f?.reason).toMatch(
      /^Images carry 12\.5 % of the provenance fields .*: the archive's metadata list \(metadata\.jsonl or metadata\.csv\) names a source for 2 of 4 images; creation date, licence and synthetic flag are not read from it\./,
    );
    expect(f?.points).toBeCloseTo(defaultPolicy.weights.missing_provenance * (1 - 0.125), 5);
  });

  it('checks a claimed source against the listed sources, and skips fields an archive does not carry', () => {
    const answers = { ...loadAnswers('honest-vendor'), provenance_fields: ['source', 'license'] };
    const r = run(answers, { training: listed });
    const ds = r.discrepancies.filter((d) => d.questionId === 'provenance_fields');
    expect(ds.map((d) => d.message)).toEqual([
      `"source" is claimed on every image, but the archive's metadata list (metadata.jsonl or metadata.csv) names one for 50 % of the images; tolerance ${Math.round(defaultPolicy.tolerances.provenanceShare * 1000) / 10} %.`,
    ]);
    expect(ds[0]?.measured).toBe(0.5);
    expect(factor(r, 'no_provenance_fields')?.reason).toBe(
      'Images lack 3 of 5 provenance fields (carry: source, license).',
    );
  });

  it('words the synthetic, tagging, dedup and holdout claims in images', () => {
    const answers = {
      ...loadAnswers('honest-vendor'),
      synthetic_share_percent: 10,
      synthetic_records_tagged: 'partial',
      dedup_method: 'exact',
      holdout_exists: 'yes',
      holdout_synthetic_free: 'yes',
    };
    const holdout = bare;
    const r = run(answers, { training: bare, holdout });
    expect(factor(r, 'synthetic_share')?.reason).toBe(
      'Claimed synthetic share: 10 % of images AI-made.',
    );
    expect(factor(r, 'synthetic_untagged')?.reason).toBe(
      'Synthetic images are only partly tagged.',
    );
    expect(factor(r, 'dedup_contradicted')?.reason).toMatch(
      /^Deduplication is claimed \(exact\), but 25 % of sample images are exact copies \(the same bytes or the same pixels\)/,
    );
    expect(factor(r, 'holdout_synthetic_contradicted')?.reason).toMatch(
      /^Holdouts are claimed synthetic-free, but at least 25 % of the holdout sample's images declare AI origin in their own files/,
    );
  });

  it('says what an archive lacks when its synthetic images are claimed tagged', () => {
    const answers = { ...loadAnswers('honest-vendor'), synthetic_records_tagged: 'all' };
    const r = run(answers, { training: bare });
    const d = r.discrepancies.find((x) => x.questionId === 'synthetic_records_tagged');
    expect(d?.measured).toBe('no listing with a synthetic flag');
  });

  it('says training images copy holdout images', async () => {
    const training = await imageArchiveAnalysis();
    training.contamination = {
      holdoutRecords: 3,
      overlapRate: 0.5,
      exactRate: 0.25,
      meanCoverage: 0.5,
    };
    const r = run(loadAnswers('honest-vendor'), { training });
    expect(factor(r, 'holdout_contamination')?.reason).toBe(
      '50 % of training images are exact or near copies of holdout images.',
    );
  });

  it('never calls the images records, whatever the answers', async () => {
    const training = await imageArchiveAnalysis();
    for (const name of ['honest-vendor', 'evasive-vendor']) {
      for (const extra of [
        {},
        { synthetic_share_percent: 20 },
        { synthetic_share_percent: 0 },
      ] as Record<string, number>[]) {
        const r = run({ ...loadAnswers(name), ...extra }, { training, holdout: training });
        expect(sentences(r).filter((s) => /\brecords?\b/i.test(s))).toEqual([]);
      }
    }
  });
});

describe('the time-limit message of an archive of images', () => {
  it('asks for fewer images, and keeps the text wording for a text file', () => {
    expect(timeLimitMessage('pictures.tar.gz', 60_000)).toBe(
      'The analysis of "pictures.tar.gz" did not finish within 1 minute, the most one analysis may take. Upload a smaller sample (for example half of the images, or split the archive into several archives) and register each part as its own sample.',
    );
    expect(timeLimitMessage('chats.jsonl', 120_000)).toBe(
      'The analysis of "chats.jsonl" did not finish within 2 minutes, the most one analysis may take. Upload a smaller sample (for example the first half of the records, or split the file into parts) and register each part as its own sample.',
    );
  });
});

describe('an undisclosed provenance answer beside an image sample', () => {
  it('names the listed-source share the completeness comes from', async () => {
    const listing = `${JSON.stringify({ file_name: 'a.png', source: 'studio' })}\n`;
    const training = await archive(listing);
    const answers = { ...loadAnswers('honest-vendor'), provenance_fields: 'unknown' };
    const reason = factor(run(answers, { training }), 'evasion_contradicted')?.reason;
    expect(reason).toContain(
      "provenance completeness 6.3 % (a source listed for 25 % of the images in the archive's metadata list (metadata.jsonl or metadata.csv), the one provenance field an archive is read for)",
    );
  });
});
