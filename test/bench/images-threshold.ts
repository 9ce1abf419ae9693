import { parseArgs } from 'node:util';
import sharp, { type Sharp } from 'sharp';
import { deadlineMarginMs } from '../../functions/analyze/deadline';
import { foldSource } from '../../functions/core/analysis';
import { rng, scene, source, zip } from '../unit/images/fixtures';

// Usage: npx tsx test/bench/images-threshold.ts [--small 600] [--generated 60] [--large 12] [--margin 2.5]
// Images and archive bytes one image fold gets through per CPU second (process CPU time: user +
// system of every thread, libvips' included; wall time is unreliable on a shared machine), for
// three kinds of archive: many small pictures (160 × 120, the per-image cost dominates),
// generator-sized ones (1024 × 1024 with mild noise, JPEG q85 and PNG, about 0.2 byte per pixel:
// few bytes for many pixels) and photographs (4000 × 3000 JPEG q92 with sensor-like noise). The
// cost is mostly per decoded pixel, which a zip's directory does not tell, so the entry threshold
// comes from the generator-sized pictures (the common size of a training image; small ones only go
// faster) and the byte threshold from the slower per byte of those and the photographs: what one
// pass gets through in Lambda's 15 minutes less the analyzer's margin on one vCPU (the fold
// Lambda's size), divided by `--margin`. Since bytes say little about pixels, the last line also
// gives the bytes at 0.15 byte per pixel (smooth pictures) at the measured pixel rate.

/** Bytes per pixel of smooth, well-compressed pictures (the real ones measured here carry 0.4–0.7). */
const LEAN_BYTES_PER_PIXEL = 0.15;

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '600' },
    generated: { type: 'string', default: '60' },
    large: { type: 'string', default: '12' },
    margin: { type: 'string', default: '2.5' },
  },
});

/** A scene with per-pixel noise of `noise` levels, so it compresses as a real picture does. */
async function noisy(seed: number, width: number, height: number, noise: number): Promise<Sharp> {
  const base = await scene(seed, width, height).removeAlpha().raw().toBuffer();
  const r = rng(seed);
  for (let i = 0; i < base.length; i++) {
    const v = (base[i] as number) + Math.floor((r() - 0.5) * noise);
    base[i] = Math.max(0, Math.min(255, v));
  }
  return sharp(base, { raw: { width, height, channels: 3 } });
}

async function measure(label: string, files: { name: string; data: Buffer }[]) {
  const archive = zip(files);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const partial = await foldSource(source(archive), { fileName: `${label}.zip` });
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  const wall = (performance.now() - started) / 1000;
  const images = partial.records;
  const pixels = (partial.images?.records ?? []).reduce((n, r) => n + r.width * r.height, 0);
  const perImage = images / seconds;
  const perByte = archive.length / seconds;
  const perPixel = pixels / seconds;
  console.log(
    `${label}: ${images} images, ${(archive.length / 1e6).toFixed(1)} MB zip in ${seconds.toFixed(1)} s CPU (${wall.toFixed(1)} s wall): ${perImage.toFixed(1)} images, ${(perByte / 1e6).toFixed(2)} MB, ${(perPixel / 1e6).toFixed(1)} megapixels per CPU second`,
  );
  return { perImage, perByte, perPixel };
}

async function main(): Promise<void> {
  const small: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < Number(values.small); i++)
    small.push({
      name: `small/${i}.${i % 2 ? 'jpg' : 'png'}`,
      data: await (i % 2
        ? scene(i, 160, 120).jpeg({ quality: 85 })
        : scene(i, 160, 120).png()
      ).toBuffer(),
    });
  const large: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < Number(values.large); i++)
    large.push({
      name: `photos/${i}.jpg`,
      data: await (await noisy(i, 4000, 3000, 48)).jpeg({ quality: 92 }).toBuffer(),
    });
  const generated: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < Number(values.generated); i++)
    generated.push({
      name: `generated/${i}.${i % 4 ? 'jpg' : 'png'}`,
      data: await (i % 4
        ? (await noisy(i, 1024, 1024, 12)).jpeg({ quality: 85 })
        : (await noisy(i, 1024, 1024, 12)).png()
      ).toBuffer(),
    });
  await measure('small', small);
  const g = await measure('generated', generated);
  const b = await measure('photos', large);
  const budget = (15 * 60_000 - deadlineMarginMs) / 1000;
  const margin = Number(values.margin);
  const entries = g.perImage * budget;
  const bytes = Math.min(g.perByte, b.perByte) * budget;
  // a zip's directory gives bytes, not pixels: smooth pictures carry fewer bytes per pixel
  const lean = Math.min(g.perPixel, b.perPixel) * LEAN_BYTES_PER_PIXEL * budget;
  console.log(
    `in ${budget} s on one vCPU: ${Math.round(entries)} generator-sized images or ${(bytes / 1024 ** 3).toFixed(2)} GiB; with a margin of ${margin}×: ${Math.round(entries / margin)} images, ${(bytes / margin / 1024 ** 2).toFixed(0)} MiB`,
  );
  console.log(
    `at ${LEAN_BYTES_PER_PIXEL} byte per pixel (smooth pictures): ${(lean / 1024 ** 3).toFixed(2)} GiB; with the margin: ${(lean / margin / 1024 ** 2).toFixed(0)} MiB`,
  );
}

await main();
