import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { emitEvent } from '../../functions/api/services/webhook-events';
import { createDynamoClients } from '../../functions/lib/dynamo-clients';
import { createLogger } from '../../functions/lib/logger';
import { webhookKeys } from '../../functions/store/webhook-keys';
import { type DeliverDeps, sweepWebhooks } from '../../functions/webhooks/deliver';
import { verifySignature } from '../../functions/webhooks/sign';
import { deliverDeps } from '../../functions/webhooks/worker-deps';
import { json, startWithStaff, type TestPortal } from './harness';

let t: TestPortal;
let admin: string;
let server: Server;
let hookUrl: string;
const received: { headers: IncomingMessage['headers']; body: string; path: string }[] = [];
const logs: string[] = [];
const logger = createLogger('debug', {}, (line) => logs.push(line));

beforeAll(async () => {
  ({ t, admin } = await startWithStaff());
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body, path: req.url ?? '' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.stop();
});

type Created = { id: string; secret: string };
/** An app over the portal's deps that logs into `logs` (the portal's own logger is silent). */
const app = () => createApp({ ...t.portal.deps, logger });
const register = async (path: string, events: string[]) => {
  const res = await app().request('/api/webhooks', {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${hookUrl}${path}`, events }),
  });
  expect(res.status).toBe(201);
  return json<Created>(res);
};
const worker = (): DeliverDeps => ({ ...deliverDeps(t.portal.deps), logger });
const doc = () => createDynamoClients(t.portal.deps.config).doc;
const table = () => t.portal.deps.config.TABLE_NAME;
const key = (id: string) => ({ PK: webhookKeys.pk('demo'), SK: webhookKeys.endpoint(id) });
const stored = async (id: string) =>
  (await doc().send(new GetCommand({ TableName: table(), Key: key(id) }))).Item ?? {};
const everything = async () => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc().send(
      new ScanCommand({ TableName: table(), ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};
/** The last request `path` received, and whether its signature verifies with `secret`. */
const lastTo = (path: string) => received.filter((r) => r.path === path).at(-1);
const verifies = (secret: string, r: (typeof received)[number] | undefined) =>
  verifySignature(
    secret,
    String(r?.headers['diligence-signature']),
    r?.body ?? '',
    Math.floor(t.portal.deps.clock().getTime() / 1000),
  );
const deliveriesOf = (id: string) =>
  json<{ items: { status: string; error: string | null }[] }>(
    t.call('GET', `/api/webhooks/${id}/deliveries`, { token: admin }),
  );

describe('webhook signing secrets at rest', () => {
  it('stores no plaintext secret, shows it once, and still signs with it', async () => {
    const created = await register('/a', ['assessment.submitted']);
    expect(created.secret).toMatch(/^whsec_/);
    const item = await stored(created.id);
    expect(item.secret).toBeUndefined();
    expect(String(item.sealedSecret)).toMatch(/^local:1:/);
    // nowhere in the table: not on the endpoint, nor in audit events, the outbox or any item
    const dump = JSON.stringify(await everything());
    expect(dump).toContain(created.id);
    expect(dump).not.toContain(created.secret);
    expect(dump).not.toContain(created.secret.slice(6));
    // never listed
    const listed = await (
      await app().request('/api/webhooks', { headers: { authorization: `Bearer ${admin}` } })
    ).text();
    expect(listed).toContain(created.id);
    expect(listed).not.toContain(created.secret.slice(6));
    expect(listed).not.toContain('sealed');
    await emitEvent(t.portal.deps, {
      organizationId: 'demo',
      type: 'assessment.submitted',
      data: { assessmentId: 'a1' },
    });
    await sweepWebhooks(worker());
    expect(verifies(created.secret, lastTo('/a'))).toBe(true);
    expect(verifies('whsec_other', lastTo('/a'))).toBe(false);
    const log = await (
      await t.call('GET', `/api/webhooks/${created.id}/deliveries`, { token: admin })
    ).text();
    expect(log).toContain('delivered');
    expect(log).not.toContain(created.secret.slice(6));
    expect(JSON.stringify(await everything())).not.toContain(created.secret.slice(6));
    // nor logged, by the API (the request log) or by the worker
    expect(logs.some((l) => l.includes('"request"'))).toBe(true);
    expect(logs.join('\n')).not.toContain(created.secret.slice(6));
  });

  it('fails a delivery whose sealed secret was moved from another endpoint, saying why', async () => {
    const a = await register('/moved-from', ['sample.failed']);
    const b = await register('/moved-to', ['sample.failed']);
    await doc().send(
      new UpdateCommand({
        TableName: table(),
        Key: key(b.id),
        UpdateExpression: 'SET sealedSecret = :s',
        ExpressionAttributeValues: { ':s': (await stored(a.id)).sealedSecret },
      }),
    );
    await emitEvent(t.portal.deps, { organizationId: 'demo', type: 'sample.failed', data: {} });
    logs.length = 0;
    expect(await sweepWebhooks(worker())).toBe(2);
    expect(verifies(a.secret, lastTo('/moved-from'))).toBe(true);
    expect(lastTo('/moved-to')).toBeUndefined(); // nothing unsigned or mis-signed went out
    const [failed] = (await deliveriesOf(b.id)).items;
    expect(failed?.status).toBe('failed'); // final: no retry loop on a value that never opens
    expect(failed?.error).toContain('signing secret cannot be opened');
    expect(failed?.error).toContain('register it again');
    const warning = logs.map((l) => JSON.parse(l)).find((l) => l.endpointId === b.id);
    expect(warning).toMatchObject({
      level: 'warn',
      message: 'webhook signing secret does not open',
      permanent: true,
    });
    expect(String(warning?.reason)).toContain('does not open under its organization and endpoint');
    expect(await sweepWebhooks(worker())).toBe(0);
  });

  it('still signs with a plaintext secret stored before sealing, and seals it when listed', async () => {
    const c = await register('/legacy', ['reminder.due']);
    const legacy = 'whsec_stored-in-plaintext-before-sealing';
    await doc().send(
      new UpdateCommand({
        TableName: table(),
        Key: key(c.id),
        UpdateExpression: 'SET secret = :p REMOVE sealedSecret',
        ExpressionAttributeValues: { ':p': legacy },
      }),
    );
    const deliver = async () => {
      await emitEvent(t.portal.deps, { organizationId: 'demo', type: 'reminder.due', data: {} });
      await sweepWebhooks(worker());
      return lastTo('/legacy');
    };
    expect(verifies(legacy, await deliver())).toBe(true);
    const before = await stored(c.id);
    expect(before.secret).toBe(legacy); // the worker cannot seal (in AWS it may only decrypt)
    const listed = await t.call('GET', '/api/webhooks', { token: admin });
    expect(await listed.text()).not.toContain(legacy);
    const after = await stored(c.id);
    expect(after.secret).toBeUndefined();
    expect(String(after.sealedSecret)).toMatch(/^local:1:/);
    expect(after.version).toBe(Number(before.version) + 1);
    expect(verifies(legacy, await deliver())).toBe(true); // same secret: receivers change nothing
    expect((await deliveriesOf(c.id)).items.map((d) => d.status)).toEqual([
      'delivered',
      'delivered',
    ]);
  });

  it('forgets the secret of a deleted endpoint, whichever form it was stored in', async () => {
    const sealed = await register('/gone', ['contract.broken']);
    const legacy = await register('/gone-legacy', ['contract.broken']);
    await doc().send(
      new UpdateCommand({
        TableName: table(),
        Key: key(legacy.id),
        UpdateExpression: 'SET secret = :p REMOVE sealedSecret',
        ExpressionAttributeValues: { ':p': 'whsec_old' },
      }),
    );
    for (const { id } of [sealed, legacy]) {
      const res = await t.call('DELETE', `/api/webhooks/${id}`, { token: admin });
      expect(res.status).toBe(204);
      const item = await stored(id);
      expect(item.status).toBe('deleted');
      expect(item.secret).toBeUndefined();
      expect(item.sealedSecret).toBeUndefined();
    }
  });
});
