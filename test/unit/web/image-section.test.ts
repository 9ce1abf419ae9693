import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../../functions/core/analysis';
import { ImageSection } from '../../../web/src/pages/report/image-section';
import { pngChunk, scene, source, textChunk, withChunks, zip } from '../images/fixtures';
import { vnodeText } from './vnode-text';

describe('report image section', () => {
  it('shows the declared-AI files with their evidence, copy groups by file name, and plain words', async () => {
    const png = await scene(40).png().toBuffer();
    const ai = withChunks(png, [textChunk('parameters', 'x\nSteps: 9, Sampler: Euler, Seed: 3')]);
    const bytes = zip([
      { name: 'ai.png', data: ai },
      { name: 'photo.png', data: await scene(41).png().toBuffer() },
      { name: 'photo-copy.png', data: await scene(41).resize(100).png().toBuffer() },
      { name: 'bad.png', data: withChunks(png, [pngChunk('caBX', Buffer.from('jumbc2pa'))]) },
    ]);
    const { analysis } = await analyzeSource(source(bytes), { fileName: 'x.zip' });
    if (!analysis.images) throw new Error('no images');
    const text = vnodeText(h(ImageSection, { images: analysis.images }));
    expect(text).toMatch(/it is a lower\s+bound/);
    expect(text).toMatch(/Content credentials:\s+0\s+of\s+1\s+valid/);
    expect(text).toMatch(/Formats:\s+PNG 4/);
    expect(text).toMatch(/ai\.png\s+Image generator settings\s+automatic1111/);
    expect(text).toMatch(
      /2\s+files, largest difference\s+\d+\s+of 64:\s+photo\.png, photo-copy\.png/,
    );
    expect(text).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b|_[a-z]/);
  });
});
