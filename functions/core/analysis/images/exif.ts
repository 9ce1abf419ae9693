/** The EXIF fields provenance reads: camera make/model, exposure, software and the user comment. */
export interface ExifFields {
  make?: string;
  model?: string;
  software?: string;
  userComment?: string;
  dateTimeOriginal?: string;
  exposure: boolean;
}

const TAGS = {
  make: 0x010f,
  model: 0x0110,
  software: 0x0131,
  exifIfd: 0x8769,
  exposureTime: 0x829a,
  fNumber: 0x829d,
  iso: 0x8827,
  dateTimeOriginal: 0x9003,
  userComment: 0x9286,
} as const;
const SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

function decodeComment(raw: Buffer): string {
  const charset = raw.subarray(0, 8).toString('latin1').replace(/\0+$/, '');
  const body = raw.subarray(8);
  if (charset === 'UNICODE') {
    // the byte order is not fixed in practice: take the reading with more ASCII characters
    const be = Buffer.from(body).swap16().toString('utf16le');
    const le = body.toString('utf16le');
    const ascii = (s: string) => s.replace(/[^\x20-\x7e]/g, '').length;
    return (ascii(be) >= ascii(le) ? be : le).replace(/\0+$/, '');
  }
  return body.toString('utf8').replace(/\0+$/, '');
}

/**
 * Reads the few EXIF fields provenance needs from the EXIF block sharp returns ("Exif\0\0" then a
 * TIFF header). Tolerant: a malformed block gives what could be read.
 */
export function readExif(block: Buffer | null): ExifFields {
  const out: ExifFields = { exposure: false };
  if (!block) return out;
  const tiff = block.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? block.subarray(6) : block;
  if (tiff.length < 8) return out;
  const le = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const visit = (ifd: number, depth: number) => {
    if (ifd + 2 > tiff.length || depth > 2) return;
    const count = u16(ifd);
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      if (e + 12 > tiff.length) return;
      const tag = u16(e);
      const type = u16(e + 2);
      const n = u32(e + 4);
      const size = (SIZES[type] ?? 1) * n;
      const at = size <= 4 ? e + 8 : u32(e + 8);
      if (at + size > tiff.length) continue;
      const value = tiff.subarray(at, at + size);
      const text = () => value.toString('utf8').replace(/\0+$/, '').trim();
      if (tag === TAGS.make) out.make = text();
      else if (tag === TAGS.model) out.model = text();
      else if (tag === TAGS.software) out.software = text();
      else if (tag === TAGS.dateTimeOriginal) out.dateTimeOriginal = text();
      else if (tag === TAGS.userComment) out.userComment = decodeComment(value);
      else if (tag === TAGS.exposureTime || tag === TAGS.fNumber || tag === TAGS.iso)
        out.exposure = true;
      else if (tag === TAGS.exifIfd) visit(u32(e + 8), depth + 1);
    }
  };
  try {
    visit(u32(4), 0);
  } catch {
    // a truncated block: keep what was read
  }
  return out;
}
