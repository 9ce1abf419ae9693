import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import * as tar from 'tar-stream';
import { finalize, foldSource } from '../../functions/core/analysis';
import { scene, textChunk, withChunks } from '../unit/images/fixtures';

// Usage: npx tsx test/bench/images.ts [--images 10000]
// Images per second and peak memory of an image-archive analysis: a tar of generated 160 × 120
// pictures (PNG and JPEG; 5 % copies, 5 % with generator metadata), folded and finalized in one
// pass. Generation time is reported apart and not counted.

async function write(path: string, n: number): Promise<void> {
  const pack = tar.pack();
  const out = createWriteStream(path);
  pack.pipe(out);
  const originals: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    let data: Buffer;
    let name: string;
    if (i % 20 === 19 && originals.length) {
      data = await sharp(originals[i % originals.length])
        .resize(80)
        .jpeg()
        .toBuffer();
      name = `copies/${i}.jpg`;
    } else if (i % 2 === 0) {
      data = await scene(i, 160, 120).png().toBuffer();
      if (i % 20 === 10)
        data = withChunks(data, [textChunk('parameters', 'x\nSteps: 20, Sampler: Euler, Seed: 1')]);
      name = `png/${i}.png`;
    } else {
      data = await scene(i, 160, 120).jpeg({ quality: 85 }).toBuffer();
      name = `jpeg/${i}.jpg`;
    }
    if (originals.length < 100) originals.push(data);
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name }, data, (e) => (e ? reject(e) : resolve())),
    );
  }
  pack.finalize();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { images: { type: 'string', default: '10000' } } });
  const n = Number(values.images);
  const dir = await mkdtemp(join(tmpdir(), 'bench-images-'));
  const file = join(dir, 'images.tar');
  try {
    const g = Date.now();
    await write(file, n);
    const size = (await stat(file)).size;
    console.log(
      `generated ${n} images (${(size / 1024 ** 2).toFixed(1)} MiB tar) in ${((Date.now() - g) / 1000).toFixed(1)} s`,
    );
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const start = performance.now();
    const partial = await foldSource(createReadStream(file, { highWaterMark: 1 << 20 }), {
      fileName: 'images.tar',
    });
    const analysis = finalize(partial);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const im = analysis.images;
    console.log(
      `images: ${im?.decoded} decoded in ${seconds.toFixed(1)} s = ${((im?.decoded ?? 0) / seconds).toFixed(0)} images/s; peak RSS ${(peak / 1024 ** 2).toFixed(0)} MiB; near-copy rate ${((im?.duplicates.nearRate ?? 0) * 100).toFixed(1)} %; evidenced ${((analysis.synthetic.evidencedShare ?? 0) * 100).toFixed(1)} %`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
