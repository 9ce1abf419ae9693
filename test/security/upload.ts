import { request } from 'node:http';
import { expect } from 'vitest';
import { json, type TestPortal } from '../api/harness';

/** An upload target as the API returns it. */
export interface Upload {
  sampleId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
}

/** Registers a sample of `body` for the vendor `token` (201 expected). */
export async function register(
  t: TestPortal,
  token: string,
  body: string | Uint8Array,
  extra: Record<string, unknown> = {},
): Promise<Upload> {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'sample.jsonl',
      role: 'training',
      sizeBytes: typeof body === 'string' ? Buffer.byteLength(body) : body.length,
      contentType: 'application/jsonl',
      ...extra,
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Upload>(res);
}

/** A raw HTTP request (no URL normalization, so `..` and encoded separators reach the server). */
export function raw(
  base: string,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Uint8Array;
    localAddress?: string;
  },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
        localAddress: options.localAddress,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A small valid JSON Lines sample. */
export function sampleJsonl(n = 30): string {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({ text: `record ${i} on rivers, stones and the harbor market`, label: 'a' }),
  ).join('\n');
}
