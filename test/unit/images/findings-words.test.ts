import { describe, expect, it } from 'vitest';
import { finalize, foldSource } from '../../../functions/core/analysis';
import { syntheticReading } from '../../../functions/core/scoring/evidence';
import { scene, source, textChunk, withChunks, zip } from './fixtures';

describe('image findings in words', () => {
  it('rounds the declared-AI share down, as a lower bound (1 of 6 is 16.6 %, not 16.7 %)', async () => {
    const files = [];
    for (let i = 0; i < 6; i++) {
      const png = await scene(40 + i, 64, 48)
        .png()
        .toBuffer();
      const data =
        i === 0 ? withChunks(png, [textChunk('parameters', 'x\nSteps: 9, Seed: 3')]) : png;
      files.push({ name: `img-${i}.png`, data });
    }
    const partial = await foldSource(source(zip(files)), { fileName: 'six.zip' });
    const analysis = finalize(partial, { now: 0 });
    const finding = analysis.findings.find((f) => f.id === 'images.ai-declared');
    expect(finding?.message).toMatch(/^1 of 6 images \(16\.6%\) declare AI origin/);
    // scoring's claim checks say "at least …" from the same rounded-down bound
    expect(syntheticReading(analysis)).toMatchObject({ facts: 16.6, low: 16.6, images: true });
  });
});
