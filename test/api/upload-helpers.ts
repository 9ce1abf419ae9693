import { expect } from 'vitest';
import type { TestPortal } from './harness';

/** A presigned upload target as the API returns it. */
export interface UploadTarget {
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
}

/** PUTs `body` to a presigned target and waits until the analysis (and re-scoring) is done. */
export async function putAndSettle(t: TestPortal, target: UploadTarget, body: string) {
  const res = await fetch(new URL(target.uploadUrl, t.portal.url), {
    method: 'PUT',
    headers: target.uploadHeaders,
    body,
  });
  expect(res.status).toBe(200);
  await t.portal.idle();
}

const words = ['harbor', 'ledger', 'quiet', 'orbit', 'pencil', 'signal', 'meadow', 'copper'];

/** `n` JSON Lines records of varied text (no two alike), each with `extra` fields. */
export function textRecords(n: number, extra: Record<string, unknown> = {}, seed = 0): string[] {
  return Array.from({ length: n }, (_, i) => {
    const text = Array.from(
      { length: 24 },
      (_, j) => words[(i * 5 + j * 3 + seed + ((i * j) % 7)) % words.length],
    ).join(' ');
    return JSON.stringify({ text: `Record ${i + seed}: ${text}.`, ...extra });
  });
}
