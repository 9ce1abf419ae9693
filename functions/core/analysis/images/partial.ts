import type { ImagePartial } from './types';

/** How many undecodable files a partial names. */
const MAX_UNDECODABLE_EXAMPLES = 20;

/** An empty image partial. */
export function createImagePartial(): ImagePartial {
  return { records: [], undecodable: 0, undecodableExamples: [], skipped: 0, meta: {} };
}

/** Merges the image partials of two consecutive parts of one archive (`b` follows `a`). */
export function mergeImagePartials(
  a: ImagePartial | undefined,
  b: ImagePartial | undefined,
): ImagePartial {
  const x = a ?? createImagePartial();
  const y = b ?? createImagePartial();
  return {
    records: [...x.records, ...y.records],
    undecodable: x.undecodable + y.undecodable,
    undecodableExamples: [...x.undecodableExamples, ...y.undecodableExamples].slice(
      0,
      MAX_UNDECODABLE_EXAMPLES,
    ),
    skipped: x.skipped + y.skipped,
    meta: { ...x.meta, ...y.meta },
  };
}

/** Records one undecodable file. */
export function addUndecodable(p: ImagePartial, file: string, message: string): void {
  p.undecodable++;
  if (p.undecodableExamples.length < MAX_UNDECODABLE_EXAMPLES)
    p.undecodableExamples.push({ file, message: message.slice(0, 200) });
}
