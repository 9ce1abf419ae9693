import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../functions/api/auth/vendor-token';
import { createLazyApp } from '../../functions/api/lazy-app';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { apiTokenKeys } from '../../functions/store/api-tokens';
import { json, newAssessmentBody, startWithStaff, type TestPortal } from './harness';

let t: TestPortal;
let admin: string;
let proc: string;
beforeAll(async () => {
  ({ t, admin, proc } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

type Created = { id: string; token: string; expiresAt: string };
const create = (body: unknown, token = admin) => t.call('POST', '/api/tokens', { token, body });

describe('API tokens', () => {
  it('shows the token once and stores only the hash of its secret', async () => {
    const res = await create({ name: 'ci sync', role: 'procurement', expiresInDays: 30 });
    expect(res.status).toBe(201);
    const created = await json<Created>(res);
    expect(created.token).toMatch(/^dlg_[A-Za-z0-9_-]+\.[0-9a-z]{26}\.[A-Za-z0-9_-]{43,}$/);
    const secret = created.token.split('.')[2] ?? '';
    // read the table itself, not the API
    const { config } = t.portal.deps;
    const { doc } = createAwsClients(config);
    const out = await doc.send(
      new GetCommand({
        TableName: config.TABLE_NAME,
        Key: { PK: apiTokenKeys.pk('demo'), SK: apiTokenKeys.sk(created.id) },
      }),
    );
    const raw = JSON.stringify(out.Item);
    expect(out.Item?.secretHash).toBe(hashSecret(secret));
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(created.token);
    const list = await json<{ items: Record<string, unknown>[] }>(
      t.call('GET', '/api/tokens', { token: admin }),
    );
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(list.items[0]).toMatchObject({ id: created.id, name: 'ci sync', status: 'active' });
  });

  it('acts with its role in its organization, audited as the token, last use recorded', async () => {
    const { token, id } = await json<Created>(
      create({ name: 'ticketing', role: 'procurement', expiresInDays: 30 }),
    );
    const made = await t.call('POST', '/api/assessments', { token, body: newAssessmentBody() });
    expect(made.status).toBe(201);
    const a = await json<{ id: string; organizationId: string; createdBy: string }>(made);
    expect(a.organizationId).toBe('demo');
    const events = await t.portal.deps.repos.assessments.events('demo', a.id);
    expect(events.map((e) => e.actor)).toContain('token ticketing');
    const me = await json<{ email: string; role: string }>(t.call('GET', '/api/me', { token }));
    expect(me).toMatchObject({ email: 'token ticketing', role: 'procurement' });
    const stored = await t.portal.deps.repos.apiTokens.get('demo', id);
    expect(stored?.lastUsedAt).toBeTruthy();
    // the role holds: procurement cannot change the policy
    const policy = await t.call('PUT', '/api/policy', {
      token,
      body: { policy: {}, version: 0, reason: 'Token check.' },
    });
    expect(policy.status).toBe(403);
  });

  it('answers 401 once revoked, and only admins signed in (not tokens) manage tokens', async () => {
    const adminToken = await json<Created>(
      create({ name: 'admin bot', role: 'admin', expiresInDays: 30 }),
    );
    expect(
      (await create({ name: 'x', role: 'admin', expiresInDays: 1 }, adminToken.token)).status,
    ).toBe(403);
    expect((await create({ name: 'x', role: 'admin', expiresInDays: 1 }, proc)).status).toBe(403);
    const { token, id } = await json<Created>(
      create({ name: 'short-lived', role: 'governance', expiresInDays: 30 }),
    );
    expect((await t.call('GET', '/api/assessments', { token })).status).toBe(200);
    expect((await t.call('DELETE', `/api/tokens/${id}`, { token: admin })).status).toBe(204);
    const denied = await t.call('GET', '/api/assessments', { token });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('content-type')).toContain('application/problem+json');
    const list = await json<{ items: { id: string; status: string }[] }>(
      t.call('GET', '/api/tokens', { token: admin }),
    );
    expect(list.items.find((i) => i.id === id)?.status).toBe('revoked');
  });

  it('answers 401 once expired (dev clock) and for a forged secret', async () => {
    const { token } = await json<Created>(
      create({ name: 'one day', role: 'procurement', expiresInDays: 1 }),
    );
    expect((await t.call('GET', '/api/assessments', { token })).status).toBe(200);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await t.call('GET', '/api/assessments', { token: forged })).status).toBe(401);
    await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays: 2 } });
    try {
      const res = await t.call('GET', '/api/assessments', { token });
      expect(res.status).toBe(401);
    } finally {
      await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays: 0 } });
    }
  });

  it('rejects bad input naming the field', async () => {
    const res = await create({ name: '', role: 'owner', expiresInDays: 0 });
    expect(res.status).toBe(400);
    const body = await json<{ errors: { path: string }[] }>(res);
    expect(body.errors.map((e) => e.path).sort()).toEqual(['expiresInDays', 'name', 'role']);
  });

  it('works in the Lambda lazy app on a route group without data', async () => {
    const { token } = await json<Created>(
      create({ name: 'lazy', role: 'procurement', expiresInDays: 30 }),
    );
    const lazy = createLazyApp(t.portal.deps, async () => t.portal.deps);
    const res = await lazy.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email: 'token lazy' });
  });
});
