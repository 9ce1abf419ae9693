import { fork } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { pack } from 'tar-stream';
import { foldSource } from '../../functions/core/analysis';
import { defaultImageLimits } from '../../functions/core/analysis/images/limits';

// Usage: npx tsx test/bench/images-largest.ts [--dir /tmp/images-largest] [--keep]
// Peak memory of one image fold at the image caps' worst case, in a fresh process: a tar holding
// a 100-megapixel JPEG (the pixel cap) and a PNG just under the 256 MiB per-file cap, both of
// Gaussian noise so nothing compresses (the largest bytes for their pixels). The fold holds one
// entry at a time — its bytes, the decoded RGBA pixels, libvips' working copies and the C2PA
// reader's copy — as the one pass does for a tar and the fold Lambda does for each entry of a zip
// range (read by range, never the whole object). Compare the peak with the fold Lambda's memory
// (1,769 MB, `infra/constructs/distributed.ts`) and the analyzer's (3,008 MB).

const FOLD_LAMBDA_MB = 1769;
const self = fileURLToPath(import.meta.url);

async function noise(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const img = sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  });
  return format === 'png'
    ? img.png({ compressionLevel: 1 }).toBuffer()
    : img.jpeg({ quality: 90 }).toBuffer();
}

async function writeArchive(file: string): Promise<void> {
  const jpeg = await noise(10_000, 10_000, 'jpeg');
  // noise takes about 3 bytes per pixel: the largest square PNG under the per-file cap
  let side = Math.floor(Math.sqrt(defaultImageLimits.maxEntryBytes / 3));
  let png = await noise(side, side, 'png');
  while (png.length > defaultImageLimits.maxEntryBytes) {
    side = Math.floor(side * 0.98);
    png = await noise(side, side, 'png');
  }
  const tar = pack();
  tar.entry({ name: 'pixel-cap.jpg', mtime: new Date(0) }, jpeg);
  tar.entry({ name: 'file-cap.png', mtime: new Date(0) }, png);
  tar.finalize();
  await pipeline(tar, createWriteStream(file));
  console.log(
    `archive: 10,000 × 10,000 JPEG (${(jpeg.length / 2 ** 20).toFixed(1)} MiB), ${side} × ${side} PNG (${(png.length / 2 ** 20).toFixed(1)} MiB)`,
  );
}

async function worker(file: string): Promise<void> {
  const cpu = process.cpuUsage();
  const partial = await foldSource(createReadStream(file, { highWaterMark: 1 << 20 }), {
    fileName: 'largest.tar',
  });
  const used = process.cpuUsage(cpu);
  process.send?.({
    images: partial.records,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}

function measure(file: string): Promise<{ images: number; cpuSeconds: number; peakMb: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(self, ['--worker', file], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: { images: number; cpuSeconds: number; peakMb: number } | undefined;
    child.on('message', (m) => {
      result = m as typeof result;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      result ? resolve(result) : reject(new Error(`worker exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, keep: { type: 'boolean', default: false } },
  });
  const dir = values.dir ?? join(tmpdir(), 'diligence-images-largest');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'largest.tar');
  if (!existsSync(file)) await writeArchive(file);
  const r = await measure(file);
  if (r.images !== 2) throw new Error(`expected 2 images decoded, got ${r.images}`);
  console.log(
    `fold: ${r.images} images in ${r.cpuSeconds.toFixed(1)} s CPU, peak ${r.peakMb} MB = ${((r.peakMb / FOLD_LAMBDA_MB) * 100).toFixed(0)} % of the fold Lambda's ${FOLD_LAMBDA_MB.toLocaleString('en-US')} MB`,
  );
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--worker') await worker(process.argv[3] as string);
else await main();
