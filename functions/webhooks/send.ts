import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './url-guard';

/** Limits of one delivery attempt. */
export const sendLimits = { timeoutMs: 10_000, maxResponseBytes: 64 * 1024 };

/** What one attempt got: the status (none when it never answered), time taken, and any error. */
export interface SendResult {
  httpStatus?: number;
  responseMs: number;
  error?: string;
}

/** A lookup that answers the already-checked address, so the socket never resolves again. */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_host, options, callback) => {
    const cb = callback as (...args: unknown[]) => void;
    if ((options as { all?: boolean }).all)
      cb(null, [{ address: target.address, family: target.family }]);
    else cb(null, target.address, target.family);
  };
}

/**
 * POSTs `body` to the checked target: connects to its address (Host and TLS name from the URL),
 * follows no redirect (a 3xx is an answer like any other), stops after the timeout, and reads at
 * most `maxResponseBytes` of the answer before dropping the connection.
 */
export function postOnce(
  target: CheckedTarget,
  headers: Record<string, string>,
  body: string,
  limits = sendLimits,
): Promise<SendResult> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Omit<SendResult, 'responseMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, responseMs: took() });
    };
    const req = request(
      target.url,
      {
        method: 'POST',
        lookup: pinnedLookup(target),
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > limits.maxResponseBytes) {
            done({ httpStatus: res.statusCode });
            res.destroy();
          }
        });
        res.on('end', () => done({ httpStatus: res.statusCode }));
        res.on('error', () => done({ httpStatus: res.statusCode }));
      },
    );
    const timer = setTimeout(() => {
      done({ error: `no answer within ${limits.timeoutMs / 1000} s` });
      req.destroy();
    }, limits.timeoutMs);
    req.on('error', (error) => done({ error: error.message.slice(0, 200) }));
    req.end(body);
  });
}
