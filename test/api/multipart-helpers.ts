import { expect } from 'vitest';
import { json, type TestPortal } from './harness';
import { textRecords } from './upload-helpers';

/** Part size used by the multipart tests (S3's minimum), and a threshold just under it. */
export const MiB = 1024 ** 2;
export const multipartEnv = {
  MULTIPART_THRESHOLD_BYTES: String(5 * MiB),
  MULTIPART_PART_BYTES: String(5 * MiB),
};

/** A JSON Lines file of about `mib` MiB, every record distinct. */
export function bigJsonl(mib: number, seed = 0): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < mib * MiB; i += 1000) {
    for (const line of textRecords(1000, {}, seed + i)) {
      lines.push(line);
      size += line.length + 1;
    }
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** What registration returns for a multipart sample. */
export interface MultipartRegistration {
  sampleId: string;
  upload: { mode: 'multipart'; uploadId: string; partSize: number; partCount: number };
  uploadUrl?: string;
  replaced: string[];
  retiresOnUpload: string[];
}

/** Registers `file` as a sample of `role`. */
export async function registerBig(
  t: TestPortal,
  token: string,
  file: Buffer,
  role: 'training' | 'holdout' = 'training',
) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'big.jsonl',
      role,
      sizeBytes: file.length,
      contentType: 'application/jsonl',
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<MultipartRegistration>(res);
}

/** Presigned URLs for some parts. */
export async function partUrls(t: TestPortal, token: string, sampleId: string, numbers: number[]) {
  const res = await t.call('POST', `/api/vendor/samples/${sampleId}/parts`, {
    token,
    body: { partNumbers: numbers },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return json<{ parts: { partNumber: number; url: string; sizeBytes: number }[] }>(res);
}

/** PUTs the given parts of `file`; returns their ETags by part number. */
export async function putParts(
  t: TestPortal,
  token: string,
  reg: MultipartRegistration,
  file: Buffer,
  numbers: number[],
): Promise<Map<number, string>> {
  const { parts } = await partUrls(t, token, reg.sampleId, numbers);
  const etags = new Map<number, string>();
  for (const p of parts) {
    const start = (p.partNumber - 1) * reg.upload.partSize;
    const res = await fetch(p.url, {
      method: 'PUT',
      body: new Uint8Array(file.subarray(start, start + p.sizeBytes)),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    etags.set(p.partNumber, res.headers.get('etag') ?? '');
  }
  return etags;
}

/** POSTs the completion with `parts`; returns the response. */
export function complete(
  t: TestPortal,
  token: string,
  sampleId: string,
  parts: { partNumber: number; etag: string }[],
) {
  return t.call('POST', `/api/vendor/samples/${sampleId}/complete`, { token, body: { parts } });
}
