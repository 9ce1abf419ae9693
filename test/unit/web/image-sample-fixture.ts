/**
 * Analyses for the image-sample tests: an archive of five generated PNGs (one with image-generator
 * settings, a pixel copy of it with a broken C2PA store, a photo and its resized copy, one corrupt
 * file) and a small text sample, both analyzed by the real analyzer.
 */
import { analyzeSource } from '../../../functions/core/analysis';
import type { Analysis } from '../../../functions/core/analysis/types';
import { pngChunk, scene, source, textChunk, withChunks, zip } from '../images/fixtures';

/** The image archive's analysis: 5 found, 4 decoded, 1 unreadable, 1 declared AI, 1 C2PA invalid. */
export async function imageArchiveAnalysis(): Promise<Analysis> {
  const png = await scene(40).png().toBuffer();
  const bytes = zip([
    {
      name: 'ai.png',
      data: withChunks(png, [textChunk('parameters', 'x\nSteps: 9, Sampler: Euler, Seed: 3')]),
    },
    { name: 'photo.png', data: await scene(41).png().toBuffer() },
    { name: 'photo-copy.png', data: await scene(41).resize(100).png().toBuffer() },
    { name: 'bad.png', data: withChunks(png, [pngChunk('caBX', Buffer.from('jumbc2pa'))]) },
    { name: 'broken.png', data: Buffer.from('\x89PNG\r\n\x1a\nnot an image at all') },
  ]);
  return (await analyzeSource(source(bytes), { fileName: 'pictures.zip' })).analysis;
}

/** A text sample of 30 JSON Lines records. */
export async function textAnalysis(): Promise<Analysis> {
  const lines = Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({ text: `A plain sentence number ${i} about harbours and boats.` }),
  ).join('\n');
  return (await analyzeSource(source(Buffer.from(lines)), { fileName: 'text.jsonl' })).analysis;
}
