import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packUploadKey } from '../../functions/store/fingerprint-packs';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';
import { putAndSettle, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let admin: string;
let otherGov: string;

beforeAll(async () => {
  t = await startTestPortal({ MAX_SAMPLE_BYTES: '1000000' });
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  gov = await t.staff('governance', 'demo', 'gail@demo.test');
  admin = await t.staff('admin', 'demo', 'ada@demo.test');
  otherGov = await t.staff('governance', 'other', 'olga@other.test');
});
afterAll(async () => {
  await t.stop();
});

interface Pack {
  packId: string;
  name: string;
  kind: string;
  keyed: boolean;
  status: string;
  error: string | null;
  records: number | null;
  attachedTo: { assessmentId: string }[];
}

interface Match {
  pack: string;
  kind: string;
  matchedShare: number;
  examples: number[];
}

interface Report {
  version: number;
  samples: { role: string; matches?: Match[] }[];
  fingerprints: { packId: string; applied: boolean; via: string[] }[];
  risk: { factors: { id: string; reason: string }[] };
  discrepancies: { questionId: string; evidence: string; message: string }[];
}

/**
 * The vendor's 40 training records (JSON Lines, field `text`): words drawn at random from a large
 * made-up vocabulary, so no two records share a shingle or a 13-word run and each pack record
 * matches exactly one sample record.
 */
const vendorRecords = distinctRecords(40);

function distinctRecords(n: number): string[] {
  let state = 0x2545f491;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state;
  };
  const word = () =>
    `${'bcdfghjklmnprstvz'[next() % 17]}${'aeiou'[next() % 5]}${'bcdfghjklmnprstvz'[next() % 17]}${'aeiou'[next() % 5]}${next() % 100}`;
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({ text: `Record ${i}: ${Array.from({ length: 24 }, word).join(' ')}.` }),
  );
}
const vendorTexts = vendorRecords.map((r) => (JSON.parse(r) as { text: string }).text);

async function register(token: string, body: Record<string, unknown>) {
  return t.call('POST', '/api/fingerprints', {
    token,
    body: {
      name: 'Public chat corpus',
      kind: 'synthetic',
      source: 'corpus',
      fileName: 'corpus.jsonl',
      sizeBytes: 100,
      contentType: 'application/x-ndjson',
      ...body,
    },
  });
}

/** Registers and uploads `content`; resolves to the pack once built (or refused). */
async function uploadedPack(token: string, content: string, body: Record<string, unknown> = {}) {
  const res = await register(token, { sizeBytes: Buffer.byteLength(content), ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  const target = await json<UploadTarget & { packId: string }>(res);
  await putAndSettle(t, target, content);
  return json<Pack>(t.call('GET', `/api/fingerprints/${target.packId}`, { token }));
}

/** A corpus (JSON Lines) holding the first `n` vendor texts and some unrelated ones. */
function corpusWith(n: number, field = 'text'): string {
  const own = vendorTexts.slice(0, n);
  const other = Array.from({ length: 10 }, (_, i) => `An unrelated machine answer number ${i}.`);
  return [...own, ...other].map((text) => JSON.stringify({ [field]: text })).join('\n');
}

/** An assessment whose vendor answered (synthetic share claimed 10 %) and delivered the records. */
async function reportedAssessment(buyer = proc) {
  const { id, token } = await invitedAssessment(t, buyer);
  await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
  const body = vendorRecords.join('\n');
  const target = await json<UploadTarget>(
    t.call('POST', '/api/vendor/samples', {
      token,
      body: {
        fileName: 'train.jsonl',
        role: 'training',
        sizeBytes: Buffer.byteLength(body),
        contentType: 'application/x-ndjson',
      },
    }),
  );
  await putAndSettle(t, target, body);
  expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
  await t.drain();
  return id;
}

interface MatchExamples {
  items: {
    pack: string;
    kind: string;
    role: string;
    examples: { record: number; text: string }[];
  }[];
}

const report = (id: string) =>
  json<Report>(t.call('GET', `/api/assessments/${id}/report`, { token: gov }));

describe('fingerprint library', () => {
  it('builds a pack from a corpus and deletes the corpus object', async () => {
    const pack = await uploadedPack(gov, corpusWith(5));
    expect(pack).toMatchObject({ status: 'ready', error: null, kind: 'synthetic', keyed: false });
    expect(pack.records).toBe(15);
    const upload = packUploadKey('demo', pack.packId);
    expect(await t.portal.deps.blobs.head(t.portal.deps.config.SAMPLES_BUCKET, upload)).toBe(
      undefined,
    );
  });

  it('keys eval corpora by default and reads the chosen text field', async () => {
    const pack = await uploadedPack(gov, corpusWith(3, 'question'), {
      kind: 'eval',
      fields: { text: 'question' },
    });
    expect(pack).toMatchObject({ status: 'ready', kind: 'eval', keyed: true, records: 13 });
  });

  it('refuses a file that is not a pack, with a message', async () => {
    const pack = await uploadedPack(admin, '{"hello": "world"}', {
      source: 'pack',
      fileName: 'pack.json',
      contentType: 'application/json',
    });
    expect(pack.status).toBe('failed');
    expect(pack.error).toMatch(/not a fingerprint pack/);
  });

  it('refuses keyed uploads of built packs and wrong file types, naming the field', async () => {
    const res = await register(gov, { source: 'pack', fileName: 'p.json', keyed: true });
    expect(res.status).toBe(400);
    const problem = await json<{ errors: { path: string }[] }>(res);
    expect(problem.errors.map((e) => e.path)).toContain('keyed');
    const csv = await register(gov, { fileName: 'corpus.csv' });
    expect(csv.status).toBe(400);
  });

  it('lets staff read, and only admins and governance keep the library', async () => {
    expect((await register(proc, {})).status).toBe(403);
    expect((await t.call('GET', '/api/fingerprints', { token: proc })).status).toBe(200);
  });

  it('keeps packs inside the organization', async () => {
    const pack = await uploadedPack(gov, corpusWith(2));
    const path = `/api/fingerprints/${pack.packId}`;
    expect((await t.call('GET', path, { token: otherGov })).status).toBe(404);
    expect((await t.call('DELETE', path, { token: otherGov })).status).toBe(404);
    const theirs = await json<{ items: Pack[] }>(
      t.call('GET', '/api/fingerprints', { token: otherGov }),
    );
    expect(theirs.items.map((p) => p.packId)).not.toContain(pack.packId);
  });

  it('holds at most 50 packs per organization', async () => {
    const capped = await t.staff('governance', 'capped', 'cap@capped.test');
    for (let i = 0; i < 50; i++)
      expect((await register(capped, { name: `p${i}` })).status).toBe(201);
    const full = await register(capped, { name: 'one too many' });
    expect(full.status).toBe(409);
    expect((await json<{ detail: string }>(full)).detail).toMatch(/at most 50/);
  });
});

describe('fingerprint matches in reports', () => {
  it('contradicts an understated synthetic share with the matched records', async () => {
    const id = await reportedAssessment();
    const pack = await uploadedPack(gov, corpusWith(30));
    const put = await t.call('PUT', `/api/assessments/${id}/fingerprints/${pack.packId}`, {
      token: proc,
    });
    expect(put.status, await put.clone().text()).toBe(200);
    await t.drain();
    const r = await report(id);
    const m = r.samples[0]?.matches?.[0];
    expect(m).toMatchObject({ pack: 'Public chat corpus', kind: 'synthetic' });
    expect(m?.matchedShare).toBeCloseTo(0.75, 2);
    expect(m?.examples[0]).toBe(0);
    const d = r.discrepancies.find((x) => x.questionId === 'synthetic_share_percent');
    expect(d?.evidence).toBe('measured');
    expect(d?.message).toMatch(/match "Public chat corpus"/);
    expect(r.fingerprints).toEqual([
      expect.objectContaining({ packId: pack.packId, applied: true }),
    ]);
    const base = `/api/assessments/${id}/reports/${r.version}`;
    const csv = await (await t.call('GET', `${base}/csv`, { token: gov })).text();
    expect(csv).toMatch(/^match,"Public chat corpus \(synthetic, training\)",.*records: 0 1 2/m);
    const pdf = await t.call('GET', `${base}/pdf`, { token: gov });
    expect(pdf.status).toBe(200);
    // the web report's example texts: the vendor's records, read from the sample
    const ex = await t.call('GET', `${base}/match-examples`, { token: proc });
    expect(ex.status, await ex.clone().text()).toBe(200);
    const { items } = await json<MatchExamples>(ex);
    expect(items).toEqual([
      {
        pack: 'Public chat corpus',
        kind: 'synthetic',
        role: 'training',
        examples: [0, 1, 2].map((record) => ({ record, text: vendorTexts[record] })),
      },
    ]);
    const foreign = await t.call('GET', `${base}/match-examples`, { token: otherGov });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect(await foreign.text()).not.toContain(vendorTexts[0]);
    const events = await json<{ items: { type: string; detail: Record<string, unknown> }[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: gov }),
    );
    expect(events.items.find((e) => e.type === 'fingerprint_attached')?.detail).toMatchObject({
      pack: 'Public chat corpus',
    });
    // detached: the match is gone from the next report
    expect(
      (
        await t.call('DELETE', `/api/assessments/${id}/fingerprints/${pack.packId}`, {
          token: proc,
        })
      ).status,
    ).toBe(204);
    await t.drain();
    const after = await report(id);
    expect(after.samples[0]?.matches ?? []).toEqual([]);
    expect(after.discrepancies.map((x) => x.message).join(' ')).not.toMatch(/Public chat corpus/);
  });

  it('names an eval pack and its count as contamination (keyed)', async () => {
    const id = await reportedAssessment();
    const pack = await uploadedPack(gov, corpusWith(4), { kind: 'eval', name: 'Holdout Q3' });
    expect(pack.keyed).toBe(true);
    await t.call('PUT', `/api/assessments/${id}/fingerprints/${pack.packId}`, { token: proc });
    await t.drain();
    const f = (await report(id)).risk.factors.find((x) => x.id === 'eval_contamination');
    expect(f?.reason).toMatch(
      /^4 records \(10 %\) of the training sample contain records of your evaluation set "Holdout Q3"/,
    );
  });

  it('refuses to delete an attached pack, then deletes it once detached', async () => {
    const id = await reportedAssessment();
    const pack = await uploadedPack(gov, corpusWith(1));
    await t.call('PUT', `/api/assessments/${id}/fingerprints/${pack.packId}`, { token: proc });
    const path = `/api/fingerprints/${pack.packId}`;
    expect((await t.call('DELETE', path, { token: gov })).status).toBe(409);
    await t.call('DELETE', `/api/assessments/${id}/fingerprints/${pack.packId}`, { token: proc });
    expect((await t.call('DELETE', path, { token: gov })).status).toBe(204);
    expect((await t.call('GET', path, { token: gov })).status).toBe(404);
  });

  it('applies packs named in the policy to every assessment, re-scoring on the change', async () => {
    const pProc = await t.staff('procurement', 'policyorg', 'pia@policyorg.test');
    const pGov = await t.staff('governance', 'policyorg', 'gil@policyorg.test');
    const pAdmin = await t.staff('admin', 'policyorg', 'abe@policyorg.test');
    const id = await reportedAssessment(pProc);
    const pack = await uploadedPack(pGov, corpusWith(20), { name: 'Policy corpus' });
    const put = await t.call('PUT', '/api/policy', {
      token: pAdmin,
      body: { policy: { fingerprintPacks: [pack.packId] }, version: 0, reason: 'Apply the pack.' },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    await t.drain();
    const r = await json<Report>(t.call('GET', `/api/assessments/${id}/report`, { token: pGov }));
    expect(r.samples[0]?.matches?.[0]).toMatchObject({ pack: 'Policy corpus', matchedShare: 0.5 });
    expect(r.fingerprints[0]).toMatchObject({ packId: pack.packId, via: ['policy'] });
    const del = await t.call('DELETE', `/api/fingerprints/${pack.packId}`, { token: pGov });
    expect(del.status).toBe(409);
    expect((await json<{ detail: string }>(del)).detail).toMatch(/policy/);
  });

  it('refuses a policy naming a pack that is neither in the library nor built in', async () => {
    const res = await t.call('PUT', '/api/policy', {
      token: admin,
      body: {
        policy: { fingerprintPacks: ['builtin-no-such-corpus', 'nosuchpack'] },
        version: 0,
        reason: 'Apply the pack.',
      },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json<{ errors: { path: string; message: string }[] }>(res);
    expect(body.errors.map((e) => e.path)).toEqual([
      'policy.fingerprintPacks.0',
      'policy.fingerprintPacks.1',
    ]);
    expect(body.errors[0]?.message).toMatch(/"builtin-no-such-corpus" is not a pack shipped/);
    expect(body.errors[1]?.message).toMatch(/"nosuchpack" .*GET \/api\/fingerprints/);
    // a pack of another organization's library is unknown here too
    const foreign = await uploadedPack(otherGov, corpusWith(1), { name: 'Other org corpus' });
    const other = await t.call('PUT', '/api/policy', {
      token: admin,
      body: {
        policy: { fingerprintPacks: [foreign.packId] },
        version: 0,
        reason: 'Apply the pack.',
      },
    });
    expect(other.status).toBe(400);
    expect(JSON.stringify(await other.json())).toContain(foreign.packId);
    const policy = await json<{ version: number }>(t.call('GET', '/api/policy', { token: admin }));
    expect(policy.version).toBe(0);
  });

  it('accepts a built-in pack id in the policy', async () => {
    const packs = await json<{ items: { packId: string; builtin: boolean }[] }>(
      t.call('GET', '/api/fingerprints', { token: gov }),
    );
    const builtin = packs.items.find((p) => p.builtin);
    expect(builtin?.packId).toMatch(/^builtin-/);
    const pAdmin = await t.staff('admin', 'builtinorg', 'bea@builtinorg.test');
    const put = await t.call('PUT', '/api/policy', {
      token: pAdmin,
      body: {
        policy: { fingerprintPacks: [builtin?.packId] },
        version: 0,
        reason: 'Apply the pack.',
      },
    });
    expect(put.status, await put.clone().text()).toBe(200);
  });
});
