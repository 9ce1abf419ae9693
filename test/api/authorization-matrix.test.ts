import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import {
  contactCases,
  contractCases,
  everyone,
  fieldMappingCases,
  type Ids,
  imageCases,
  integrationCases,
  passportCases,
  type RouteCase,
  staffAll,
  type Who,
} from './authorization-cases';
import { evidenceRoutes } from './authorization-evidence-routes';
import { fingerprintCases, registerPack } from './authorization-fingerprints';
import { json, newAssessmentBody, startTestPortal, type TestPortal } from './harness';

const routes: RouteCase[] = [
  ...passportCases,
  {
    method: 'GET',
    path: () => '/api/assessments',
    allowed: ['proc1', 'gov1', 'admin1', 'proc2', 'gov2', 'admin2'],
  },
  {
    method: 'POST',
    path: () => '/api/assessments',
    body: newAssessmentBody(),
    allowed: ['proc1', 'proc2'],
  },
  { method: 'GET', path: (i) => `/api/assessments/${i.a}`, allowed: ['proc1', 'gov1', 'admin1'] },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/events`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/vendor-history`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  { method: 'POST', path: (i) => `/api/assessments/${i.a}/invitations`, allowed: ['proc1'] },
  { method: 'DELETE', path: (i) => `/api/assessments/${i.a}/invitations`, allowed: ['proc1'] },
  { method: 'POST', path: (i) => `/api/assessments/${i.a}/reassess`, allowed: ['proc1'] },
  {
    method: 'PATCH',
    path: (i) => `/api/assessments/${i.a}`,
    body: { dueAt: newAssessmentBody().dueAt },
    allowed: ['proc1'],
  },
  {
    method: 'POST',
    path: (i) => `/api/assessments/${i.a}/cancel`,
    body: { reason: 'no longer needed' },
    allowed: ['proc1'],
  },
  { method: 'POST', path: (i) => `/api/assessments/${i.a}/archive`, allowed: ['proc1'] },
  { method: 'POST', path: (i) => `/api/assessments/${i.a}/reminders`, allowed: ['proc1'] },
  { method: 'GET', path: () => '/api/policy/versions', allowed: staffAll },
  {
    method: 'POST',
    path: () => '/api/policy/preview',
    body: { policy: {} },
    allowed: ['admin1', 'admin2'],
  },
  {
    method: 'POST',
    path: (i) => `/api/assessments/${i.a}/decision`,
    body: { decision: 'reject', comment: 'no' },
    allowed: ['gov1'],
  },
  { method: 'GET', path: () => '/api/vendor/assessment', allowed: ['vendorA', 'vendorB'] },
  {
    method: 'GET',
    path: () => '/api/vendor/frameworks/ca-ab2013/draft?format=json',
    allowed: ['vendorA', 'vendorB'],
  },
  {
    method: 'PUT',
    path: () => '/api/vendor/answers',
    body: { answers: { label_audit: 'none' } },
    allowed: ['vendorA', 'vendorB'],
  },
  { method: 'POST', path: () => '/api/vendor/submit', allowed: ['vendorA', 'vendorB'] },
  {
    method: 'POST',
    path: () => '/api/vendor/samples',
    body: {
      fileName: 'x.jsonl',
      role: 'training',
      sizeBytes: 10,
      contentType: 'application/jsonl',
    },
    allowed: ['vendorA', 'vendorB'],
  },
  { method: 'GET', path: (i) => `/api/vendor/samples/${i.sampleA}`, allowed: ['vendorA'] },
  { method: 'DELETE', path: (i) => `/api/vendor/samples/${i.sampleA}`, allowed: ['vendorA'] },
  {
    method: 'POST',
    path: (i) => `/api/vendor/samples/${i.sampleA}/parts`,
    body: { partNumbers: [1] },
    allowed: ['vendorA'],
  },
  { method: 'GET', path: (i) => `/api/vendor/samples/${i.sampleA}/parts`, allowed: ['vendorA'] },
  {
    method: 'POST',
    path: (i) => `/api/vendor/samples/${i.sampleA}/complete`,
    body: { parts: [{ partNumber: 1, etag: '0123456789abcdef0123456789abcdef' }] },
    allowed: ['vendorA'],
  },
  {
    method: 'DELETE',
    path: (i) => `/api/vendor/samples/${i.sampleA}/upload`,
    allowed: ['vendorA'],
  },
  {
    method: 'PATCH',
    path: () => '/api/vendor/answers',
    body: { answers: { label_audit: 'none' } },
    allowed: ['vendorA', 'vendorB'],
  },
  { method: 'GET', path: () => '/api/dev/outbox', allowed: staffAll },
  { method: 'POST', path: () => '/api/dev/reminders', allowed: ['admin1', 'admin2'] },
  {
    method: 'PUT',
    path: () => '/api/dev/clock',
    body: { offsetDays: 0 },
    allowed: ['admin1', 'admin2'],
  },
  { method: 'GET', path: () => '/api/me', allowed: staffAll },
  { method: 'GET', path: () => '/api/templates', allowed: staffAll },
  { method: 'GET', path: () => '/api/templates/ai-training-data', allowed: staffAll },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/report`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/reports`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/samples`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/samples/${i.sampleA}/analysis`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/reports/diff?from=1&to=1`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  ...['bundle', 'csv', 'croissant', 'pdf', 'match-examples', 'frameworks/ca-ab2013'].map(
    (kind) => ({
      method: 'GET',
      path: (i: Ids) => `/api/assessments/${i.a}/reports/1/${kind}`,
      allowed: ['proc1', 'gov1', 'admin1'] as Who[],
    }),
  ),
  { method: 'GET', path: () => '/api/exports/assessments.csv', allowed: staffAll },
  { method: 'GET', path: () => '/api/portfolio/delivery-series', allowed: staffAll },
  { method: 'GET', path: () => '/api/portfolio/due', allowed: staffAll },
  // No proposal is open: an allowed caller gets 409, a denied one is stopped before the lookup.
  { method: 'POST', path: (i) => `/api/portfolio/due/${i.a}/accept`, allowed: ['proc1'] },
  { method: 'POST', path: (i) => `/api/portfolio/due/${i.a}/dismiss`, allowed: ['proc1'] },
  { method: 'GET', path: () => '/api/policy', allowed: staffAll },
  { method: 'GET', path: () => '/api/scoring-method', allowed: staffAll },
  { method: 'GET', path: () => '/api/references', allowed: ['proc1', 'gov1', 'proc2', 'gov2'] },
  {
    method: 'POST',
    path: () => '/api/references',
    body: { name: 'r', fileName: 'r.jsonl', sizeBytes: 10, contentType: 'application/jsonl' },
    allowed: ['proc1', 'gov1', 'proc2', 'gov2'],
  },
  { method: 'GET', path: (i) => `/api/references/${i.refA}`, allowed: ['proc1', 'gov1'] },
  { method: 'DELETE', path: (i) => `/api/references/${i.refA}`, allowed: ['proc1', 'gov1'] },
  {
    method: 'PUT',
    path: (i) => `/api/assessments/${i.a}/reference`,
    body: { referenceId: '0'.repeat(26) },
    allowed: ['proc1', 'gov1'],
  },
  {
    method: 'DELETE',
    path: (i) => `/api/assessments/${i.a}/reference`,
    allowed: ['proc1', 'gov1'],
  },
  ...fingerprintCases(staffAll),
  {
    method: 'PUT',
    path: () => '/api/policy',
    body: { policy: {}, version: 0, reason: 'Authorization check.' },
    allowed: ['admin1', 'admin2'],
  },
  ...evidenceRoutes,
  ...fieldMappingCases,
  ...contractCases,
  ...contactCases,
  ...integrationCases,
  ...imageCases,
];

let t: TestPortal;
const tokens = {} as Record<Who, string | undefined>;
const ids = {} as Ids;

async function assessmentWithInvite(proc: string) {
  const a = await json<{ id: string }>(
    t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() }),
  );
  const inv = await json<{ token: string }>(
    t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc }),
  );
  return { id: a.id, token: inv.token };
}

/** Everything an attacker might change, read straight from the store. */
async function snapshot() {
  const { repos } = t.portal.deps;
  const [
    a,
    events,
    samples,
    inv,
    out1,
    out2,
    list1,
    list2,
    p1,
    p2,
    r1,
    refs1,
    refs2,
    spots,
    fp1,
    fp2,
    contacts,
  ] = await Promise.all([
    repos.assessments.get('demo', ids.a),
    repos.assessments.events('demo', ids.a),
    repos.samples.list('demo', ids.a),
    repos.invitations.get('demo', ids.a),
    repos.outbox.list('demo'),
    repos.outbox.list('other'),
    repos.assessments.list('demo', { limit: 100 }),
    repos.assessments.list('other', { limit: 100 }),
    repos.policies.current('demo'),
    repos.policies.current('other'),
    repos.reports.list('demo', ids.a),
    repos.references.list('demo'),
    repos.references.list('other'),
    repos.spotChecks.list('demo', ids.a),
    repos.fingerprints.list('demo'),
    repos.fingerprints.list('other'),
    repos.contacts.list('demo', ids.a),
  ]);
  const n1 = list1.items.length;
  const n2 = list2.items.length;
  return JSON.stringify({
    ...{ a, events, samples, inv, out1, out2, n1, n2, p1, p2, r1, refs1, refs2, spots, fp1, fp2 },
    contacts,
  });
}

beforeAll(async () => {
  // The matrix makes hundreds of denied calls; the brute-force limiter is tested in errors.test.ts.
  t = await startTestPortal({ VENDOR_AUTH_FAILURE_LIMIT: '100000' });
  tokens.anonymous = undefined;
  tokens.proc1 = await t.staff('procurement', 'demo', 'pat@demo.test');
  tokens.gov1 = await t.staff('governance', 'demo', 'gail@demo.test');
  tokens.admin1 = await t.staff('admin', 'demo', 'ada@demo.test');
  tokens.proc2 = await t.staff('procurement', 'other', 'olga@other.test');
  tokens.gov2 = await t.staff('governance', 'other', 'gus@other.test');
  tokens.admin2 = await t.staff('admin', 'other', 'al@other.test');
  const a = await assessmentWithInvite(tokens.proc1);
  ids.a = a.id;
  tokens.vendorA = a.token;
  await t.call('PUT', '/api/vendor/answers', {
    token: a.token,
    body: { answers: completeAnswers() },
  });
  const sample = await json<{ sampleId: string }>(
    t.call('POST', '/api/vendor/samples', {
      token: a.token,
      body: {
        fileName: 'a.jsonl',
        role: 'training',
        sizeBytes: 5,
        contentType: 'application/jsonl',
      },
    }),
  );
  ids.sampleA = sample.sampleId;
  const ref = await json<{ referenceId: string }>(
    t.call('POST', '/api/references', {
      token: tokens.proc1,
      body: { name: 'r', fileName: 'r.jsonl', sizeBytes: 5, contentType: 'application/jsonl' },
    }),
  );
  ids.refA = ref.referenceId;
  // no spot-check exists: denied callers must be stopped before the lookup all the same
  ids.spotA = '0'.repeat(26);
  ids.packA = await registerPack(t, tokens.gov1);
  await t.call('POST', '/api/vendor/submit', { token: a.token });
  await t.drain();
  tokens.vendorB = (await assessmentWithInvite(tokens.proc2)).token;
  const revoked = await assessmentWithInvite(tokens.proc1);
  await t.call('DELETE', `/api/assessments/${revoked.id}/invitations`, { token: tokens.proc1 });
  tokens.revokedVendor = revoked.token;
  const expired = await assessmentWithInvite(tokens.proc1);
  const inv = await t.portal.deps.repos.invitations.get('demo', expired.id);
  if (!inv) throw new Error('invitation missing');
  await t.portal.deps.repos.invitations.save({
    ...inv,
    expiresAt: '2020-01-01T00:00:00.000Z',
    version: inv.version + 1,
  });
  tokens.expiredVendor = expired.token;
});

afterAll(async () => {
  await t.stop();
});

describe('authorization matrix', () => {
  for (const route of routes) {
    for (const who of everyone.filter((w) => !route.allowed.includes(w))) {
      it(`${route.method} ${route.path({ a: '{A}', sampleA: '{S}', refA: '{R}', spotA: '{C}', packA: '{P}' })} denies ${who} and changes nothing`, async () => {
        const before = await snapshot();
        const res = await t.call(route.method, route.path(ids), {
          token: tokens[who],
          body: route.body,
        });
        expect([401, 403, 404]).toContain(res.status);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await snapshot()).toBe(before);
      });
    }
  }

  it('covers every non-public route of the OpenAPI document', async () => {
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(
      t.call('GET', '/api/openapi.json'),
    );
    const publicRoutes = [
      'GET /api/health',
      'GET /api/config',
      'GET /api/dev/users',
      'POST /api/dev/session',
      // A passport link is its own credential (a random token, stored hashed, revocable).
      'GET /api/passports/{token}',
    ];
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((r) => !publicRoutes.includes(r));
    const tested = routes.map((r) =>
      `${r.method} ${r.path({ a: '{id}', sampleA: '{sampleId}', refA: '{referenceId}', spotA: '{spotCheckId}', packA: '{packId}' })}`
        .replace('/templates/ai-training-data', '/templates/{id}')
        .replace('/records/0', '/records/{position}')
        .replace('/reports/1/', '/reports/{version}/')
        .replace('/frameworks/ca-ab2013', '/frameworks/{framework}')
        .replace(`/tokens/${'0'.repeat(26)}`, '/tokens/{tokenId}')
        .replace(`/webhooks/${'0'.repeat(26)}`, '/webhooks/{webhookId}')
        .replace(/\?.*$/, ''),
    );
    expect(documented.filter((r) => !tested.includes(r))).toEqual([]);
  });

  it('vendor B reaches only its own assessment', async () => {
    const view = await json<{ assessment: { id: string } }>(
      t.call('GET', '/api/vendor/assessment', { token: tokens.vendorB }),
    );
    expect(view.assessment.id).not.toBe(ids.a);
  });

  it('tells expired and revoked links apart', async () => {
    const expired = await json<{ type: string }>(
      t.call('GET', '/api/vendor/assessment', { token: tokens.expiredVendor }),
    );
    const revoked = await json<{ type: string }>(
      t.call('GET', '/api/vendor/assessment', { token: tokens.revokedVendor }),
    );
    expect(expired.type).toMatch(/invitation-expired$/);
    expect(revoked.type).toMatch(/invitation-revoked$/);
  });

  it('stores only a hash of the vendor token', async () => {
    const inv = await t.portal.deps.repos.invitations.get('demo', ids.a);
    const secret = tokens.vendorA?.split('.')[2] ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(22);
    expect(JSON.stringify(inv)).not.toContain(secret);
  });
});
