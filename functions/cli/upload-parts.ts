import { open } from 'node:fs/promises';
import type { CliIo } from './io';
import { putBytes, UploadError, type vendorClient } from './upload-client';

interface PartsState {
  partSize: number;
  partCount: number;
  parts: { partNumber: number; etag: string; sizeBytes: number }[];
  missing: number[];
}

/** Parts sent at once, and attempts per part before the command stops (run again to resume). */
const parallel = 3;
const attempts = 3;

/** Sends the parts S3 does not hold yet (listed first, so a rerun resumes), a few at a time, then completes the upload. */
export async function uploadParts(
  api: ReturnType<typeof vendorClient>,
  file: string,
  sampleId: string,
  sizeBytes: number,
  io: CliIo,
): Promise<void> {
  const path = `/api/vendor/samples/${sampleId}`;
  const state = await api.call<PartsState>('GET', `${path}/parts`, 'listing the uploaded parts');
  const etags = new Map(state.parts.map((p) => [p.partNumber, p.etag]));
  let sent = state.parts.reduce((sum, p) => sum + p.sizeBytes, 0);
  if (state.parts.length > 0) {
    io.stderr.write(
      `resuming: ${state.parts.length} of ${state.partCount} parts already uploaded\n`,
    );
  }
  const show = () => {
    const pct = Math.floor((sent / Math.max(1, sizeBytes)) * 100);
    const line = `uploaded ${(sent / 1e6).toFixed(1)} of ${(sizeBytes / 1e6).toFixed(1)} MB (${pct} %)`;
    io.stderr.write(io.isTTY ? `\r\x1b[K${line}` : `${line}\n`);
  };
  const handle = await open(file);
  try {
    const queue = [...state.missing];
    while (queue.length > 0) {
      const batch = queue.splice(0, parallel);
      const { parts } = await api.call<{
        parts: { partNumber: number; url: string; sizeBytes: number }[];
      }>('POST', `${path}/parts`, 'requesting part URLs', { partNumbers: batch });
      await Promise.all(
        parts.map(async (part) => {
          const bytes = new Uint8Array(part.sizeBytes);
          await handle.read(bytes, 0, part.sizeBytes, (part.partNumber - 1) * state.partSize);
          let url = part.url;
          for (let attempt = 1; ; attempt++) {
            try {
              etags.set(part.partNumber, await putBytes(url, bytes));
              sent += part.sizeBytes;
              show();
              return;
            } catch (e) {
              if (attempt >= attempts) {
                throw new UploadError(
                  `part ${part.partNumber} of ${state.partCount} failed ${attempts} times (${(e as Error).message}); run the same command again to resume`,
                );
              }
              const again = await api.call<{ parts: { url: string }[] }>(
                'POST',
                `${path}/parts`,
                'requesting a part URL',
                { partNumbers: [part.partNumber] },
              );
              url = again.parts[0]?.url ?? url;
            }
          }
        }),
      );
    }
  } finally {
    await handle.close();
  }
  if (io.isTTY) io.stderr.write('\n');
  const parts = [...etags]
    .map(([partNumber, etag]) => ({ partNumber, etag }))
    .sort((a, b) => a.partNumber - b.partNumber);
  await api.call('POST', `${path}/complete`, 'completing the upload', { parts });
}
