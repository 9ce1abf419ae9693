import { constants, crc32, deflateRawSync } from 'node:zlib';
import { scene } from '../../../functions/local/demo-images';

export { rng, scene, xmp } from '../../../functions/local/demo-images';

/** A JPEG "photograph": a scene with camera EXIF (make, model, exposure, date). */
export function cameraJpeg(seed: number): Promise<Buffer> {
  return scene(seed)
    .withExif({
      IFD0: { Make: 'Canon', Model: 'Canon EOS R6', Software: 'Adobe Lightroom 7.0' },
      IFD2: { ExposureTime: '1/250', FNumber: '4.0', DateTimeOriginal: '2024:05:01 10:00:00' },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A chunk of a PNG: length, type, data, CRC-32 of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A tEXt chunk (Latin-1) or, with `itxt`, an uncompressed iTXt chunk (UTF-8). */
export function textChunk(keyword: string, text: string, itxt = false): Buffer {
  if (!itxt)
    return pngChunk(
      'tEXt',
      Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), Buffer.from(text, 'latin1')]),
    );
  return pngChunk(
    'iTXt',
    Buffer.concat([Buffer.from(`${keyword}\0\0\0\0\0`, 'latin1'), Buffer.from(text, 'utf8')]),
  );
}

/** Inserts chunks right after a PNG's IHDR chunk. */
export function withChunks(png: Buffer, chunks: Buffer[]): Buffer {
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

/** One file for `zip`: its name and bytes, and optionally a size to declare instead of the real one. */
export interface ZipFile {
  name: string;
  data: Buffer;
  /** Declared uncompressed size (a lying header when it differs from `data.length`). */
  declaredSize?: number;
}

/** Writes a zip archive (deflate) with a central directory, as any zip tool would. */
export function zip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const body = deflateRawSync(f.data);
    const crc = crc32(f.data) >>> 0;
    const size = f.declaredSize ?? f.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The bytes as a one-chunk async source. */
export async function* source(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * A complete greyscale PNG of `side` × `side` zero pixels (a decompression bomb: 2.5 GB of pixels
 * for side 50,000 in about 2.4 MB), built in milliseconds: one fully flushed deflate segment of
 * 100 rows repeated, a final empty block, and the Adler-32 of all those zeros computed directly.
 */
export function bombPng(side = 50_000): Buffer {
  const rowBytes = side + 1;
  const rows = 100;
  const seg = deflateRawSync(Buffer.alloc(rowBytes * rows), {
    finishFlush: constants.Z_FULL_FLUSH,
    level: 9,
  });
  const parts: Buffer[] = [Buffer.from([0x78, 0xda])];
  for (let i = 0; i < side / rows; i++) parts.push(seg);
  parts.push(Buffer.from([0x03, 0x00]));
  const total = rowBytes * side;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0, 0);
  parts.push(adler);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
