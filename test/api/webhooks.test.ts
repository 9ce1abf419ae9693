import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import type { AppDeps } from '../../functions/api/env';
import { emitEvent } from '../../functions/api/services/webhook-events';
import { type DeliverDeps, sweepWebhooks } from '../../functions/webhooks/deliver';
import { deliveryPolicy } from '../../functions/webhooks/policy';
import { verifySignature } from '../../functions/webhooks/sign';
import { deliverDeps } from '../../functions/webhooks/worker-deps';
import { json, startWithStaff, type TestPortal } from './harness';

let t: TestPortal;
let admin: string;
let server: Server;
let hookUrl: string;
const received: { headers: IncomingMessage['headers']; body: string }[] = [];
const answers: number[] = [];

beforeAll(async () => {
  ({ t, admin } = await startWithStaff());
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.close();
  await t.stop();
});

type Created = { id: string; secret: string };
const register = (body: unknown, app?: ReturnType<typeof createApp>) =>
  app
    ? app.request('/api/webhooks', {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    : t.call('POST', '/api/webhooks', { token: admin, body });

/** The worker's deps on a clock `aheadMs` in the future (retries become due without waiting). */
const worker = (aheadMs = 0, over: Partial<DeliverDeps> = {}): DeliverDeps => ({
  ...deliverDeps(t.portal.deps),
  clock: () => new Date(t.portal.deps.clock().getTime() + aheadMs),
  ...over,
});

const withDeps = (over: Partial<AppDeps>) => createApp({ ...t.portal.deps, ...over });
const noLoopback = () => ({ ...t.portal.deps.config, WEBHOOK_ALLOW_LOOPBACK: 'off' as const });

describe('signed webhooks', () => {
  it('delivers a signed event to a loopback server, retrying after a 500', async () => {
    const created = await json<Created>(
      register({ url: hookUrl, events: ['assessment.submitted'], description: 'test' }),
    );
    expect(created.secret).toMatch(/^whsec_/);
    answers.push(500);
    const before = received.length;
    await emitEvent(t.portal.deps, {
      organizationId: 'demo',
      type: 'assessment.submitted',
      data: { assessmentId: 'a1', vendor: 'Acme' },
    });
    await sweepWebhooks(worker());
    expect(received.length).toBe(before + 1);
    let log = await json<{ items: { status: string; httpStatus: number; attempt: number }[] }>(
      t.call('GET', `/api/webhooks/${created.id}/deliveries`, { token: admin }),
    );
    expect(log.items[0]).toMatchObject({ status: 'pending', httpStatus: 500, attempt: 1 });
    // the retry is due within the first backoff ceiling
    await sweepWebhooks(worker(deliveryPolicy.baseMs + 1000));
    expect(received.length).toBe(before + 2);
    const last = received.at(-1);
    const header = String(last?.headers['diligence-signature']);
    const now = Math.floor(Date.now() / 1000) + Math.ceil(deliveryPolicy.baseMs / 1000) + 1;
    expect(verifySignature(created.secret, header, last?.body ?? '', now)).toBe(true);
    expect(verifySignature('whsec_wrong', header, last?.body ?? '', now)).toBe(false);
    expect(JSON.parse(last?.body ?? '{}')).toMatchObject({
      type: 'assessment.submitted',
      organizationId: 'demo',
      data: { assessmentId: 'a1' },
    });
    log = await json(t.call('GET', `/api/webhooks/${created.id}/deliveries`, { token: admin }));
    expect(log.items[0]).toMatchObject({ status: 'delivered', httpStatus: 200, attempt: 2 });
    await t.call('DELETE', `/api/webhooks/${created.id}`, { token: admin });
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data', 'metadata'],
    ['https://10.0.0.1/hook', 'private'],
    ['http://[::ffff:127.0.0.1]:9/hook', 'loopback'],
    ['https://[fe80::1]/hook', 'link-local'],
    ['https://[fd00:ec2::254]/hook', 'metadata'],
    ['https://100.64.0.1/hook', 'private'],
  ])('refuses %s at registration (%s)', async (url, words) => {
    const res = await register(
      { url, events: ['sample.failed'] },
      withDeps({ config: noLoopback() }),
    );
    expect(res.status).toBe(400);
    const body = await json<{ errors: { path: string; message: string }[] }>(res);
    expect(body.errors[0]?.path).toBe('url');
    expect(body.errors[0]?.message).toContain(words);
  });

  it('refuses a host name resolving to a private address, at registration and at delivery', async () => {
    const privateName = withDeps({
      resolveHost: async () => [{ address: '10.1.2.3', family: 4 }],
    });
    const refused = await register(
      { url: 'https://hooks.internal.test/x', events: ['sample.failed'] },
      privateName,
    );
    expect(refused.status).toBe(400);
    // public when registered; private by the time of delivery (DNS rebinding)
    const publicName = withDeps({
      resolveHost: async () => [{ address: '93.184.216.34', family: 4 }],
    });
    const ok = await register(
      { url: 'https://hooks.rebind.test/x', events: ['sample.failed'] },
      publicName,
    );
    expect(ok.status).toBe(201);
    const { id } = await json<Created>(ok);
    await emitEvent(t.portal.deps, { organizationId: 'demo', type: 'sample.failed', data: {} });
    await sweepWebhooks(
      worker(0, { resolveHost: async () => [{ address: 'fe80::1', family: 6 }] }),
    );
    const log = await json<{ items: { status: string; error: string }[] }>(
      t.call('GET', `/api/webhooks/${id}/deliveries`, { token: admin }),
    );
    expect(log.items[0]?.status).toBe('failed');
    expect(log.items[0]?.error).toContain('link-local');
    await t.call('DELETE', `/api/webhooks/${id}`, { token: admin });
  });

  it('refuses loopback at delivery when loopback is not allowed', async () => {
    const url = hookUrl.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    const { id } = await json<Created>(register({ url, events: ['reminder.due'] }));
    const before = received.length;
    await emitEvent(t.portal.deps, { organizationId: 'demo', type: 'reminder.due', data: {} });
    await sweepWebhooks(worker(0, { config: noLoopback() }));
    expect(received.length).toBe(before);
    const log = await json<{ items: { status: string; error: string }[] }>(
      t.call('GET', `/api/webhooks/${id}/deliveries`, { token: admin }),
    );
    expect(log.items[0]).toMatchObject({ status: 'failed' });
    expect(log.items[0]?.error).toContain('loopback');
    await t.call('DELETE', `/api/webhooks/${id}`, { token: admin });
  });

  it('pauses an endpoint that keeps failing and tells the admin who registered it', async () => {
    const { id } = await json<Created>(
      register({ url: hookUrl, events: ['contract.broken'], format: 'slack' }),
    );
    answers.push(500, 500);
    const policy = { ...deliveryPolicy, maxAttempts: 1, pauseAfter: 2 };
    for (let i = 0; i < 2; i++) {
      await emitEvent(t.portal.deps, {
        organizationId: 'demo',
        type: 'contract.broken',
        data: { vendor: '<!channel> & co' },
      });
      await sweepWebhooks(worker(0, { policy }));
    }
    const slack = JSON.parse(received.at(-1)?.body ?? '{}') as { text: string };
    expect(slack.text).toContain('&lt;!channel&gt; &amp; co');
    const list = await json<{ items: { id: string; status: string }[] }>(
      t.call('GET', '/api/webhooks', { token: admin }),
    );
    expect(list.items.find((e) => e.id === id)?.status).toBe('paused');
    const mails = await t.portal.deps.repos.outbox.list('demo');
    expect(mails.some((m) => m.kind === 'webhook-paused' && m.to === 'ada@demo.test')).toBe(true);
  });

  it('rejects unknown event types and non-admins', async () => {
    const bad = await register({ url: hookUrl, events: ['assessment.exploded'] });
    expect(bad.status).toBe(400);
    const proc = await t.staff('procurement');
    const denied = await t.call('POST', '/api/webhooks', {
      token: proc,
      body: { url: hookUrl, events: ['sample.failed'] },
    });
    expect(denied.status).toBe(403);
  });
});
