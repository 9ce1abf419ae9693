/** A byte range [start, end) of a file that begins at a line start and ends after a newline (or at EOF). */
export interface LineRange {
  start: number;
  end: number;
}

/** Finds the offset of the first newline at or after `from`, or -1 when there is none. */
export type NextNewline = (from: number) => Promise<number>;

/**
 * Splits a file of `size` bytes into ranges of at least `rangeBytes` that end on line ends: each
 * range ends just after the first newline at or after byte `start + rangeBytes - 1` (or at the end
 * of the file). Every line lies in exactly one range, no range is empty, and the split depends only
 * on the bytes and `rangeBytes`, so the workflow and the CLI compute the same ranges.
 */
export async function lineAlignedRanges(
  size: number,
  rangeBytes: number,
  nextNewline: NextNewline,
): Promise<LineRange[]> {
  if (!Number.isSafeInteger(rangeBytes) || rangeBytes < 1)
    throw new RangeError(
      `the range size must be a positive whole number of bytes, not ${rangeBytes}`,
    );
  const ranges: LineRange[] = [];
  for (let start = 0; start < size; ) {
    let end = size;
    if (start + rangeBytes < size) {
      const nl = await nextNewline(start + rangeBytes - 1);
      end = nl < 0 ? size : nl + 1;
    }
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}

/** A `NextNewline` over a stream factory: reads from `from` until the first newline. */
export function newlineFinder(
  open: (from: number) => Promise<AsyncIterable<Uint8Array>>,
): NextNewline {
  return async (from) => {
    let at = from;
    for await (const chunk of await open(from)) {
      const nl = chunk.indexOf(0x0a);
      if (nl >= 0) return at + nl; // leaving the loop closes the stream
      at += chunk.length;
    }
    return -1;
  };
}
