/**
 * The demo portal's archive of images (a tar, drawn at first boot; no image is stored in the
 * repository): camera photographs, two pictures whose own XMP declares them AI-made, a resized and
 * a mirrored copy, and one file that is not an image — so a fresh `npm start` shows every part of
 * the image report.
 */
import sharp, { type Sharp } from 'sharp';
import { pack } from 'tar-stream';
import { seededRandom } from '../lib/seeded-random';

/** A seeded random generator: the demo draws the same pictures on every machine. */
export const rng = seededRandom;

/** A picture of random shapes (structured, so resized copies keep their perceptual hash). */
export function scene(seed: number, width = 256, height = 192): Sharp {
  const r = rng(seed);
  const c = () => `rgb(${Math.floor(r() * 256)},${Math.floor(r() * 256)},${Math.floor(r() * 256)})`;
  let shapes = '';
  for (let i = 0; i < 6; i++) {
    const x = Math.floor(r() * width);
    const y = Math.floor(r() * height);
    const s = 20 + Math.floor(r() * 80);
    shapes +=
      r() < 0.5
        ? `<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${c()}"/>`
        : `<rect x="${x - s / 2}" y="${y - s / 2}" width="${s}" height="${s * 0.7}" fill="${c()}"/>`;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c()}"/><stop offset="1" stop-color="${c()}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  return sharp(Buffer.from(svg));
}

/** XMP declaring an IPTC digital source type (and optionally a PLUS data-mining value). */
export function xmp(sourceType: string, dataMining?: string): string {
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/" Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/${sourceType}"${dataMining ? ` plus:DataMining="http://ns.useplus.org/ldf/vocab/${dataMining}"` : ''}/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/** A JPEG "photograph": a scene with camera EXIF. */
const photo = (seed: number) =>
  scene(seed, 320, 240)
    .withExif({
      IFD0: { Make: 'Canon', Model: 'Canon EOS R6' },
      IFD2: { ExposureTime: '1/250', FNumber: '4.0', DateTimeOriginal: '2026:05:01 10:00:00' },
    })
    .jpeg({ quality: 85 })
    .toBuffer();

/** The demo archive's files, in order. */
export async function demoImageFiles(): Promise<{ name: string; data: Buffer }[]> {
  const photos = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => photo(40 + i)));
  const files = photos.map((data, i) => ({ name: `street/photo-${i + 1}.jpg`, data }));
  for (const [i, seed] of [71, 72].entries())
    files.push({
      name: `street/render-${i + 1}.jpg`,
      data: await scene(seed, 320, 240).withXmp(xmp('trainedAlgorithmicMedia')).jpeg().toBuffer(),
    });
  files.push({
    name: 'street/photo-2-small.jpg',
    data: await sharp(photos[1] as Buffer)
      .resize(160, 120)
      .jpeg({ quality: 80 })
      .toBuffer(),
  });
  files.push({
    name: 'street/photo-4-mirrored.png',
    data: await sharp(photos[3] as Buffer)
      .flop()
      .png()
      .toBuffer(),
  });
  files.push({ name: 'street/notes.jpg', data: Buffer.from('not an image: a broken upload') });
  return files;
}

/** The demo archive as one tar. */
export async function demoImageTar(): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    tar.on('end', resolve);
    tar.on('error', reject);
  });
  for (const f of await demoImageFiles()) tar.entry({ name: f.name, mtime: new Date(0) }, f.data);
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}
