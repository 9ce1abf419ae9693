import { readFile } from 'node:fs/promises';
import type { KeySet } from '../core/signing/types';
import { keySetProblem } from '../core/signing/verify';

/** How long fetching a JWKS URL may take. */
export const KEYS_TIMEOUT_MS = 10_000;

/** Thrown when the keys cannot be read; the message says where and why. */
export class KeysUnreadableError extends Error {
  override name = 'KeysUnreadableError';
}

async function fetchText(url: string, fetcher: typeof fetch): Promise<string> {
  let res: Response;
  try {
    res = await fetcher(url, {
      signal: AbortSignal.timeout(KEYS_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    throw new KeysUnreadableError(
      timedOut
        ? `cannot fetch the keys from ${url}: no answer within ${KEYS_TIMEOUT_MS / 1000} s (check the address, or save the JWKS to a file and pass that)`
        : `cannot fetch the keys from ${url}: ${(e as Error).message}`,
    );
  }
  if (!res.ok)
    throw new KeysUnreadableError(
      `cannot fetch the keys from ${url}: it answered ${res.status} (the portal serves them at /.well-known/diligence-keys.json)`,
    );
  return res.text();
}

/** Reads a JWKS from a file or an http(s) URL, checking its shape. */
export async function loadKeySet(source: string, fetcher: typeof fetch = fetch): Promise<KeySet> {
  const isUrl = /^https?:\/\//i.test(source);
  let text: string;
  try {
    text = isUrl ? await fetchText(source, fetcher) : await readFile(source, 'utf8');
  } catch (e) {
    if (e instanceof KeysUnreadableError) throw e;
    throw new KeysUnreadableError(`cannot read the keys file ${source}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeysUnreadableError(`the keys at ${source} are not JSON (a JWKS is expected)`);
  }
  const problem = keySetProblem(value);
  if (problem) throw new KeysUnreadableError(`${source}: ${problem}`);
  return value as KeySet;
}
