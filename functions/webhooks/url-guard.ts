import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Config } from '../lib/config';
import { addressKind, refusal } from './address-guard';

/** Resolves a host name to its addresses (injectable so tests can point a name anywhere). */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

/** The system resolver (every address of the name). */
export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/** A URL that passed the guard, with the one address to connect to. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Raised when a webhook URL may not be called; `message` says why and how to fix it. */
export class UnsafeUrlError extends Error {
  override name = 'UnsafeUrlError';
}

/** Whether webhooks may call http(s) loopback addresses: WEBHOOK_ALLOW_LOOPBACK, else local only. */
export function loopbackAllowed(config: Pick<Config, 'WEBHOOK_ALLOW_LOOPBACK' | 'DILIGENCE_MODE'>) {
  return config.WEBHOOK_ALLOW_LOOPBACK
    ? config.WEBHOOK_ALLOW_LOOPBACK === 'on'
    : config.DILIGENCE_MODE === 'local';
}

/**
 * Checks a webhook URL and resolves its host once: `https:`, or `http:` to loopback when
 * allowed; no credentials; every address the name resolves to must be public (or loopback when
 * allowed). The caller connects to the returned address, never resolving again.
 */
export async function checkWebhookUrl(
  raw: string,
  options: { allowLoopback: boolean; resolve?: Resolver },
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError('The URL is not valid: give an absolute https:// URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new UnsafeUrlError('Only https:// URLs are accepted.');
  if (url.username || url.password)
    throw new UnsafeUrlError('The URL may not carry a user name or password.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await (options.resolve ?? systemResolver)(host).catch(() => {
        throw new UnsafeUrlError(`The host ${host} does not resolve.`);
      });
  if (addresses.length === 0) throw new UnsafeUrlError(`The host ${host} does not resolve.`);
  for (const a of addresses) {
    const why = refusal(addressKind(a.address), options.allowLoopback);
    if (why)
      throw new UnsafeUrlError(
        `The host ${host} is ${why} (${a.address}); use a public https:// URL.`,
      );
  }
  const chosen = addresses[0] as { address: string; family: number };
  if (url.protocol === 'http:' && addressKind(chosen.address) !== 'loopback')
    throw new UnsafeUrlError(
      'Only https:// URLs are accepted (http:// only to loopback where allowed).',
    );
  return { url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
