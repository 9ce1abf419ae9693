import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress } from '../../functions/api/middleware/client-address';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { sweepExpired } from '../../functions/local/ttl-sweep';
import { invitedAssessment, startTestPortal, type TestPortal } from '../api/harness';
import { raw } from './upload';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal({ VENDOR_AUTH_FAILURE_LIMIT: '3' });
});
afterAll(async () => {
  await t.stop();
});

const vendorView = (token: string, localAddress: string) =>
  raw(t.portal.url, {
    method: 'GET',
    path: '/api/vendor/assessment',
    headers: { authorization: `Bearer ${token}` },
    localAddress,
  });

describe('vendor-token rate limit', () => {
  it('blocks the client that keeps failing, by its socket address, and nobody else', async () => {
    const proc = await t.staff('procurement', 'demo', 'pat@demo.test');
    const { token } = await invitedAssessment(t, proc);
    const bad = 'demo.01ARZ3NDEKTSV4RRFFQ69G5FAV.not-the-secret';
    const spoof = { 'x-forwarded-for': '127.0.0.1', 'cloudfront-viewer-address': '127.0.0.1:1' };
    for (let i = 0; i < 3; i++) {
      const res = await raw(t.portal.url, {
        method: 'GET',
        path: '/api/vendor/assessment',
        headers: { authorization: `Bearer ${bad}`, ...spoof },
        localAddress: '127.0.0.2',
      });
      expect(res.status).toBe(401);
    }
    expect((await vendorView(bad, '127.0.0.2')).status).toBe(429);
    expect((await vendorView(token, '127.0.0.2')).status).toBe(429);
    // another address is not locked out, and headers never moved the count to it
    expect((await vendorView(bad, '127.0.0.1')).status).toBe(401);
    expect((await vendorView(token, '127.0.0.1')).status).toBe(200);
  });

  it('keeps the counts in the table with a TTL, and the local sweep removes expired ones', async () => {
    const rates = t.portal.deps.repos.rateLimits;
    const windowMs = 5 * 60_000;
    const start = Math.floor(Date.now() / windowMs) * windowMs;
    const counts = await rates.counts('vendor-token', '127.0.0.2', start, windowMs);
    expect(counts.current + counts.previous).toBeGreaterThanOrEqual(3);
    const old = start - 10 * windowMs;
    await rates.add('vendor-token', '10.0.0.9', old, windowMs, 40);
    expect((await rates.counts('vendor-token', '10.0.0.9', old, windowMs)).current).toBe(1);
    const { doc } = createAwsClients(t.portal.deps.config);
    expect(
      await sweepExpired(doc, t.portal.deps.config.TABLE_NAME, new Date()),
    ).toBeGreaterThanOrEqual(1);
    expect((await rates.counts('vendor-token', '10.0.0.9', old, windowMs)).current).toBe(0);
    const kept = await rates.counts('vendor-token', '127.0.0.2', start, windowMs);
    expect(kept.current).toBe(counts.current);
  });
});

describe('client address', () => {
  it('uses CloudFront-Viewer-Address in Lambda, API Gateway source IP without it, the socket locally', () => {
    const event = (headers: Record<string, string>) => ({
      event: { headers, requestContext: { http: { sourceIp: '198.51.100.1' } } },
    });
    expect(clientAddress(event({ 'cloudfront-viewer-address': '203.0.113.7:4711' }))).toBe(
      '203.0.113.7',
    );
    expect(clientAddress(event({ 'CloudFront-Viewer-Address': '2001:db8::1:4711' }))).toBe(
      '2001:db8::1',
    );
    expect(clientAddress(event({ 'x-forwarded-for': '10.0.0.1' }))).toBe('198.51.100.1');
    expect(
      clientAddress({
        incoming: {
          socket: { remoteAddress: '127.0.0.2' },
          headers: { 'x-forwarded-for': '1.1.1.1' },
        },
      }),
    ).toBe('127.0.0.2');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});
