import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../../functions/core/analysis';
import { pngChunk, scene, source, textChunk, withChunks, xmp, zip } from '../images/fixtures';
import { loadAnswers, run } from './inputs';

const A1111 = 'x\nSteps: 20, Sampler: Euler, CFG scale: 7, Seed: 1';

function brokenManifest(): Buffer {
  const jumd = Buffer.concat([
    Buffer.alloc(4),
    Buffer.from('jumd'),
    Buffer.from('6332706100110010800000aa00389b71', 'hex'),
    Buffer.from([3]),
    Buffer.from('c2pa\0'),
  ]);
  jumd.writeUInt32BE(jumd.length, 0);
  const jumb = Buffer.concat([Buffer.alloc(4), Buffer.from('jumb'), jumd]);
  jumb.writeUInt32BE(jumb.length, 0);
  return pngChunk('caBX', jumb);
}

/** Ten images: `ai` with generator metadata, one with a broken manifest, `noTrain` prohibiting training. */
async function imageAnalysis(ai: number, noTrain: number) {
  const files: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < 10; i++) {
    let data: Buffer = await scene(500 + i)
      .png()
      .toBuffer();
    if (i < ai) data = withChunks(data, [textChunk('parameters', A1111)]);
    else if (i === 9) data = withChunks(data, [brokenManifest()]);
    else if (i >= 9 - noTrain)
      data = await scene(500 + i)
        .withXmp(xmp('digitalCapture', 'DMI-PROHIBITED-AIMLTRAINING'))
        .png()
        .toBuffer();
    files.push({ name: `${i}.png`, data });
  }
  return (await analyzeSource(source(zip(files)), { fileName: 'images.zip' })).analysis;
}

const answers = (extra: Record<string, string | number>) => ({
  ...loadAnswers('honest-vendor'),
  ...extra,
});

describe('scoring image evidence', () => {
  it('contradicts a "0 % synthetic" claim with images that declare AI origin, as measured evidence', async () => {
    const training = await imageAnalysis(4, 0);
    const r = run(answers({ synthetic_share_percent: 0 }), { training });
    const check = r.claimChecks.find((c) => c.questionId === 'synthetic_share_percent');
    expect(check).toMatchObject({ status: 'contradicted', evidence: 'measured' });
    expect(check?.message).toMatch(/40 % of images declare AI origin in their own bytes/);
    // lexical diversity does not apply to images
    expect(r.risk.factors.map((f) => f.id)).not.toContain('low_diversity');
  });

  it('keeps an honest claim consistent and never reads missing metadata as proof', async () => {
    const training = await imageAnalysis(0, 0);
    const r = run(answers({ synthetic_share_percent: 0 }), { training });
    expect(r.claimChecks.find((c) => c.questionId === 'synthetic_share_percent')?.status).toBe(
      'consistent',
    );
  });

  it('makes a manifest that fails validation a finding of its own, not evidence', async () => {
    const training = await imageAnalysis(0, 0);
    const r = run(answers({}), { training });
    expect(r.risk.factors.find((f) => f.id === 'image_manifest_invalid')?.points).toBeGreaterThan(
      0,
    );
    expect(training.synthetic.evidencedShare).toBe(0);
  });

  it('contradicts "do-not-train signals honoured" and a training licence with data-mining prohibitions', async () => {
    const training = await imageAnalysis(0, 2);
    const r = run(answers({ do_not_train_honoured: 'yes', license: 'CC-BY-4.0' }), { training });
    const ids = r.discrepancies.map((d) => d.questionId).sort();
    expect(ids).toEqual(expect.arrayContaining(['do_not_train_honoured', 'license']));
    expect(r.risk.factors.filter((f) => f.id === 'image_training_prohibited')).toHaveLength(2);
    const quiet = run(
      answers({ do_not_train_honoured: 'no', license: 'No AI training permitted' }),
      { training },
    );
    expect(
      quiet.discrepancies.filter(
        (d) => d.questionId === 'license' || d.questionId === 'do_not_train_honoured',
      ),
    ).toEqual([]);
  });
});
