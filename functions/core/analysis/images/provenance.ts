import { readC2pa } from './c2pa';
import type { DecodedImage } from './decode';
import { readExif } from './exif';
import { otherGenerator, pngGenerator } from './generators';
import { readPngText } from './png-text';
import type { ImageRecord } from './types';
import { readXmp } from './xmp';

/**
 * IPTC digital source types that declare an image AI-made. `algorithmicMedia` (made by an
 * algorithm without training data, e.g. a fractal) and `compositeSynthetic` (a mix including
 * synthetic elements of unstated origin) do not say a trained model made it: they are reported,
 * not counted.
 */
export const AI_SOURCE_TYPES = new Set([
  'trainedAlgorithmicMedia',
  'compositeWithTrainedAlgorithmicMedia',
]);

/** Reads the provenance an image's own bytes carry and lists its AI evidence. */
export async function readProvenance(
  bytes: Buffer,
  image: DecodedImage,
): Promise<
  Omit<
    ImageRecord,
    'file' | 'format' | 'width' | 'height' | 'bytesSha256' | 'pixelSha256' | 'phash' | 'phashMirror'
  >
> {
  const png = readPngText(bytes);
  const exif = readExif(image.exif);
  let xmpPacket: Buffer | string | null = image.xmp;
  if (!xmpPacket)
    xmpPacket = png.texts.find((t) => t.keyword === 'XML:com.adobe.xmp')?.text ?? null;
  const xmp = readXmp(xmpPacket);
  const c2pa = await readC2pa(bytes, image.format);
  const evidence: ImageRecord['evidence'] = [];
  if (c2pa?.valid && c2pa.digitalSourceType && AI_SOURCE_TYPES.has(c2pa.digitalSourceType))
    evidence.push({ source: 'c2pa', detail: `c2pa.created: ${c2pa.digitalSourceType}` });
  if (xmp.digitalSourceType && AI_SOURCE_TYPES.has(xmp.digitalSourceType))
    evidence.push({ source: 'iptc', detail: `DigitalSourceType: ${xmp.digitalSourceType}` });
  const gen =
    pngGenerator(png.texts) ??
    otherGenerator({
      userComment: exif.userComment,
      software: exif.software,
      creatorTool: xmp.creatorTool,
    });
  if (gen) evidence.push({ source: 'generator-metadata', detail: `${gen.tool}: ${gen.detail}` });
  const camera = Boolean(exif.make && exif.model && (exif.exposure || exif.dateTimeOriginal));
  const metadata = Boolean(
    image.exif ||
      xmpPacket ||
      c2pa ||
      png.c2paChunk ||
      png.texts.some((t) => t.keyword !== 'XML:com.adobe.xmp'),
  );
  return {
    evidence,
    ...(c2pa ? { c2pa } : {}),
    ...(xmp.digitalSourceType ? { iptc: xmp.digitalSourceType } : {}),
    ...(xmp.dataMining ? { dataMining: xmp.dataMining } : {}),
    ...(gen ? { generator: gen.tool } : {}),
    camera,
    metadata,
  };
}
