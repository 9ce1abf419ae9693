import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultImageLimits } from '../../../functions/core/analysis/images/limits';
import { readZipEntryByRange } from '../../../functions/core/analysis/images/zip-range';
import { zip } from './fixtures';

/** A stored object served by ranges, recording the bytes each request asked for. */
function ranged(bytes: Buffer) {
  const asked: number[] = [];
  const read = async (start: number, end: number) => {
    asked.push(end - start + 1);
    return (async function* () {
      yield bytes.subarray(start, end + 1);
    })();
  };
  return { read, asked };
}

const files = Array.from({ length: 300 }, (_, i) => ({
  name: `pictures/file-${i}.bin`,
  // incompressible, so the archive is far larger than one range window
  data: randomBytes(20_000 + i),
}));
const archive = zip(files);

describe('reading one zip entry by range requests', () => {
  it('returns the named file with a few requests, not the whole archive', async () => {
    const { read, asked } = ranged(archive);
    const got = await readZipEntryByRange(
      read,
      archive.length,
      'pictures/file-7.bin',
      defaultImageLimits,
    );
    expect(got.bytes?.equals(files[7]?.data as Buffer)).toBe(true);
    expect(got.requests).toBeLessThanOrEqual(4);
    expect(archive.length).toBeGreaterThan(5_000_000);
    expect(asked.reduce((a, b) => a + b, 0)).toBeLessThan(archive.length / 2);
  });

  it('says null for a name the zip does not hold', async () => {
    const { read } = ranged(archive);
    const got = await readZipEntryByRange(
      read,
      archive.length,
      'pictures/none.bin',
      defaultImageLimits,
    );
    expect(got.bytes).toBeNull();
  });

  it('keeps the per-file cap', async () => {
    const { read } = ranged(archive);
    await expect(
      readZipEntryByRange(read, archive.length, 'pictures/file-1.bin', {
        ...defaultImageLimits,
        maxEntryBytes: 1000,
      }),
    ).rejects.toThrow(/file-1\.bin/);
  });

  it('refuses bytes that are not a zip', async () => {
    const junk = Buffer.alloc(5000, 7);
    const { read } = ranged(junk);
    await expect(readZipEntryByRange(read, junk.length, 'a', defaultImageLimits)).rejects.toThrow(
      /zip archive cannot be read/,
    );
  });
});
