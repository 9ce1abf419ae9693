import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal();
});
afterAll(async () => {
  await t.stop();
});

const claims = {
  email: 'pat@demo.test',
  'cognito:groups': ['procurement'],
  'custom:organization': 'demo',
};

async function sign(options: {
  key?: CryptoKey;
  alg?: string;
  exp?: string;
  iss?: string;
  aud?: string;
}) {
  const key = options.key ?? (await generateKeyPair('ES256')).privateKey;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'ES256' })
    .setSubject('someone')
    .setIssuer(options.iss ?? t.portal.deps.config.AUTH_ISSUER)
    .setAudience(options.aud ?? t.portal.deps.config.AUTH_AUDIENCE)
    .setExpirationTime(options.exp ?? '1h')
    .sign(key);
}

async function statusWith(token: string) {
  const res = await t.call('GET', '/api/assessments', { token });
  return res.status;
}

describe('staff authentication', () => {
  it('accepts a token from the local dev session', async () => {
    expect(await statusWith(await t.staff('procurement'))).toBe(200);
  });

  it('returns 401 without a token', async () => {
    const res = await t.call('GET', '/api/assessments');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('returns 401 for a token signed with a foreign key', async () => {
    expect(await statusWith(await sign({}))).toBe(401);
  });

  it('returns 401 for a forged payload on a real signature', async () => {
    const real = await t.staff('procurement');
    const [h, p, s] = real.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload['custom:organization'] = 'other';
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expect(await statusWith(forged)).toBe(401);
  });

  it('returns 401 for an expired token signed with the right key', async () => {
    const { localKeys } = await import('../../functions/local/keys');
    const keys = await localKeys(
      `${t.dataDir}/keys`,
      t.portal.deps.config.AUTH_ISSUER,
      t.portal.deps.config.AUTH_AUDIENCE,
    );
    const token = await keys.sign(
      { email: 'pat@demo.test', role: 'procurement', organizationId: 'demo' },
      -60,
    );
    expect(await statusWith(token)).toBe(401);
    const res = await t.call('GET', '/api/assessments', { token });
    expect(((await res.json()) as { detail: string }).detail).toMatch(/expired/);
  });

  it('returns 401 for the "none" algorithm and for HMAC tokens', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        ...claims,
        sub: 'x',
        iss: 'diligence-local',
        aud: 'diligence',
        exp: 9_999_999_999,
      }),
    ).toString('base64url');
    expect(await statusWith(`${header}.${body}.`)).toBe(401);
    const hmac = await sign({
      key: new TextEncoder().encode('a'.repeat(32)) as unknown as CryptoKey,
      alg: 'HS256',
    });
    expect(await statusWith(hmac)).toBe(401);
  });

  it('returns 401 for a wrong issuer or audience', async () => {
    const { localKeys } = await import('../../functions/local/keys');
    const wrongIss = await localKeys(
      `${t.dataDir}/keys`,
      'someone-else',
      t.portal.deps.config.AUTH_AUDIENCE,
    );
    expect(
      await statusWith(
        await wrongIss.sign({ email: 'a@b.co', role: 'admin', organizationId: 'demo' }),
      ),
    ).toBe(401);
    const wrongAud = await localKeys(
      `${t.dataDir}/keys`,
      t.portal.deps.config.AUTH_ISSUER,
      'another-app',
    );
    expect(
      await statusWith(
        await wrongAud.sign({ email: 'a@b.co', role: 'admin', organizationId: 'demo' }),
      ),
    ).toBe(401);
  });

  it('returns 403 when the role may not do this', async () => {
    const gov = await t.staff('governance');
    const res = await t.call('POST', '/api/assessments', { token: gov, body: {} });
    expect(res.status).toBe(403);
  });
});

describe('dev session route', () => {
  it('exists in local mode', async () => {
    const res = await t.call('POST', '/api/dev/session', {
      body: { email: 'a@b.co', role: 'admin' },
    });
    expect(res.status).toBe(200);
  });

  it('does not exist in AWS mode', async () => {
    const aws = createApp({
      ...t.portal.deps,
      config: {
        ...t.portal.deps.config,
        DILIGENCE_MODE: 'aws',
        AUTH_JWKS_URL: 'https://example.invalid/jwks.json',
      },
      dev: undefined,
    });
    const res = await aws.request('/api/dev/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.co', role: 'admin' }),
    });
    expect(res.status).toBe(404);
    const users = await aws.request('/api/dev/users');
    expect(users.status).toBe(404);
    const doc = (await (await aws.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/dev'))).toBe(false);
  });
});
