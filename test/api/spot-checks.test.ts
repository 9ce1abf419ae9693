import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeDueSamples } from '../../functions/retention/purge';
import { scene, zip } from '../unit/images/fixtures';
import { completeAnswers } from './answers';
import {
  invitedAssessment,
  json,
  startTestPortal,
  type TestPortal,
  uploadedSample,
} from './harness';
import { dropSpotPool, expectSpotPool } from './spot-check-pool';
import { putAndSettle, textRecords, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let admin: string;
let otherGov: string;

beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  gov = await t.staff('governance', 'demo', 'gail@demo.test');
  admin = await t.staff('admin', 'demo', 'ada@demo.test');
  otherGov = await t.staff('governance', 'other', 'gus@other.test');
});
afterAll(async () => {
  await t.stop();
});

interface SpotCheck {
  spotCheckId: string;
  assessmentId: string;
  sampleId: string;
  status: 'open' | 'finished';
  size: number;
  tagged: number;
  createdBy: string;
  finishedAt: string | null;
  result: { share: number; interval: [number, number]; reviewed: number } | null;
}

/** A submitted assessment claiming `claim` % synthetic, with one analyzed training sample of `n` records. */
async function submitted(claim = 0, n = 40) {
  const { id, token } = await invitedAssessment(t, proc);
  const answers = completeAnswers({ synthetic_share_percent: claim });
  await t.call('PUT', '/api/vendor/answers', { token, body: { answers } });
  const body = textRecords(n, {}, 3).join('\n');
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
  await expectSpotPool(t, 'demo', id);
  return { id, token };
}

const start = async (id: string, body: unknown = { size: 10 }, token = gov) =>
  t.call('POST', `/api/assessments/${id}/spot-checks`, { token, body });

async function started(id: string, size = 10) {
  const res = await start(id, { size });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<SpotCheck>(res);
}

const recordPath = (id: string, s: string, p: number) =>
  `/api/assessments/${id}/spot-checks/${s}/records/${p}`;

async function tagAll(id: string, s: SpotCheck, tag: string) {
  for (let p = 0; p < s.size; p++) {
    const res = await t.call('PUT', recordPath(id, s.spotCheckId, p), {
      token: gov,
      body: { tag },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
}

describe('spot-checks', () => {
  it('lets governance and admins draw, procurement only read; other organizations get 404', async () => {
    const { id } = await submitted();
    expect((await start(id, { size: 5 }, proc)).status).toBe(403);
    expect((await start(id, { size: 5 }, otherGov)).status).toBe(404);
    const s = await json<SpotCheck>(start(id, { size: 5 }, admin));
    expect(s).toMatchObject({ assessmentId: id, status: 'open', size: 5, tagged: 0, result: null });
    const list = await json<{ items: SpotCheck[] }>(
      t.call('GET', `/api/assessments/${id}/spot-checks`, { token: proc }),
    );
    expect(list.items.map((x) => x.spotCheckId)).toEqual([s.spotCheckId]);
    const path = `/api/assessments/${id}/spot-checks/${s.spotCheckId}`;
    expect((await t.call('GET', path, { token: proc })).status).toBe(200);
    expect((await t.call('GET', path, { token: otherGov })).status).toBe(404);
    expect((await t.call('GET', recordPath(id, s.spotCheckId, 0), { token: proc })).status).toBe(
      403,
    );
    const tag = await t.call('PUT', recordPath(id, s.spotCheckId, 0), {
      token: proc,
      body: { tag: 'human' },
    });
    expect(tag.status).toBe(403);
  });

  it('refuses bad input with problem+json naming the field', async () => {
    const { id } = await submitted();
    const bad = await start(id, { size: 0 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = await json<{ errors: { path: string; message: string }[] }>(bad);
    expect(problem.errors.map((e) => e.path)).toContain('size');
    const s = await started(id, 3);
    const wrongTag = await t.call('PUT', recordPath(id, s.spotCheckId, 0), {
      token: gov,
      body: { tag: 'maybe' },
    });
    expect(wrongTag.status).toBe(400);
    expect((await json<{ errors: { path: string }[] }>(wrongTag)).errors[0]?.path).toBe('tag');
    const beyond = await t.call('GET', recordPath(id, s.spotCheckId, 3), { token: gov });
    expect(beyond.status).toBe(404);
    expect((await json<{ detail: string }>(beyond)).detail).toMatch(/positions 0 to 2/);
    expect((await t.call('GET', recordPath(id, s.spotCheckId, -1), { token: gov })).status).toBe(
      400,
    );
  });

  it('draws deterministically and shows the reader the text only', async () => {
    const { id } = await submitted();
    const a = await started(id, 8);
    const b = await started(id, 8);
    const texts = async (s: SpotCheck) => {
      const out: string[] = [];
      for (let p = 0; p < s.size; p++) {
        const r = await json<Record<string, unknown>>(
          t.call('GET', recordPath(id, s.spotCheckId, p), { token: gov }),
        );
        expect(Object.keys(r).sort()).toEqual(
          ['flags', 'position', 'tag', 'text', 'total', 'truncated'].sort(),
        );
        out.push(String(r.text));
      }
      return out;
    };
    const first = await texts(a);
    expect(new Set(first).size).toBe(8);
    expect(await texts(b)).toEqual(first);
  });

  it('refuses to finish while records are untagged, saying how many', async () => {
    const { id } = await submitted();
    const s = await started(id, 4);
    const tagged = await json<{ next: number | null; tag: string; flags: string[] }>(
      t.call('PUT', recordPath(id, s.spotCheckId, 1), {
        token: gov,
        body: { tag: 'unsure', flags: ['off_domain'] },
      }),
    );
    expect(tagged).toMatchObject({ tag: 'unsure', flags: ['off_domain'], next: 2 });
    const res = await t.call('POST', `/api/assessments/${id}/spot-checks/${s.spotCheckId}/finish`, {
      token: gov,
    });
    expect(res.status).toBe(409);
    expect((await json<{ detail: string }>(res)).detail).toMatch(/3 of 4 records are not tagged/);
  });

  it('asks for a new analysis when the sample was analyzed without a pool of records', async () => {
    const { id } = await submitted();
    await dropSpotPool(t, 'demo', id);
    const res = await start(id);
    expect(res.status).toBe(409);
    expect((await json<{ detail: string }>(res)).detail).toMatch(/analyze the sample again/);
  });

  it('says a spot-check reviews text when the training sample is an archive of images', async () => {
    const png = await scene(1, 64, 48).png().toBuffer();
    const archive = zip([
      { name: 'a.png', data: png },
      { name: 'b.png', data: await scene(2, 64, 48).png().toBuffer() },
    ]);
    const { id } = await uploadedSample(t, proc, 'pictures.zip', archive, 'application/zip');
    const res = await start(id);
    expect(res.status).toBe(409);
    expect((await json<{ detail: string }>(res)).detail).toMatch(
      /"pictures\.zip" is an archive of images: a spot-check reviews text records/,
    );
  });

  it('finishes to reviewed evidence: a 0 % claim on all-machine records is contradicted from the lower bound', async () => {
    const { id, token } = await submitted(0, 40);
    const before = await json<{ version: number }>(
      t.call('GET', `/api/assessments/${id}/report`, { token: gov }),
    );
    const s = await started(id, 40);
    await tagAll(id, s, 'machine');
    const finish = await t.call(
      'POST',
      `/api/assessments/${id}/spot-checks/${s.spotCheckId}/finish`,
      { token: gov },
    );
    expect(finish.status, await finish.clone().text()).toBe(200);
    const done = await json<SpotCheck>(finish);
    expect(done).toMatchObject({ status: 'finished', tagged: 40 });
    expect(done.result?.interval[0]).toBeGreaterThanOrEqual(0.5);
    await t.drain();
    const report = await json<{
      version: number;
      claimChecks: { questionId: string; status: string; evidence: string; lowerBound: number }[];
      discrepancies: { questionId: string; evidence: string }[];
      risk: { factors: { id: string; points: number; reason: string }[] };
    }>(t.call('GET', `/api/assessments/${id}/report`, { token: proc }));
    expect(report.version).toBe(before.version + 1);
    const check = report.claimChecks.find((c) => c.questionId === 'synthetic_share_percent');
    expect(check).toMatchObject({ status: 'contradicted', evidence: 'reviewed' });
    expect(check?.lowerBound).toBeGreaterThanOrEqual(50);
    const factor = report.risk.factors.find((f) => f.id === 'synthetic_share_understated');
    expect(factor?.points).toBeGreaterThan(0);
    expect(factor?.reason).toMatch(/lower bound, set by reviewed evidence/);

    const tagAfter = await t.call('PUT', recordPath(id, s.spotCheckId, 0), {
      token: gov,
      body: { tag: 'human' },
    });
    expect(tagAfter.status).toBe(409);
    const events = await json<{ items: { type: string; detail: Record<string, unknown> }[] }>(
      t.call('GET', `/api/assessments/${id}/events`, { token: gov }),
    );
    const finished = events.items.find((e) => e.type === 'spot_check_finished');
    expect(finished?.detail).toMatchObject({ tagged: 40, reviewer: 'gail@demo.test' });
    expect(finished?.detail.tags).toHaveLength(40);
    const vendorView = await (await t.call('GET', '/api/vendor/assessment', { token })).text();
    expect(vendorView).not.toContain('gail@demo.test');
  });

  it('gives every sample a secret draw key that no view shows', async () => {
    const { id, token } = await submitted();
    const [sample] = await t.portal.deps.repos.samples.list('demo', id);
    expect(sample?.drawKey?.length).toBeGreaterThanOrEqual(22);
    const key = sample?.drawKey ?? 'missing';
    const views = await Promise.all([
      t.call('GET', '/api/vendor/assessment', { token }),
      t.call('GET', `/api/vendor/samples/${sample?.sampleId}`, { token }),
      t.call('GET', `/api/assessments/${id}/samples`, { token: gov }),
      t.call('GET', `/api/assessments/${id}`, { token: gov }),
      t.call('GET', `/api/assessments/${id}/report`, { token: gov }),
    ]);
    for (const v of views) {
      expect(v.status).toBe(200);
      expect(await v.text()).not.toContain(key);
    }
  });

  it('empties the quoted texts under the retention policy and keeps the tags', async () => {
    const { id } = await submitted();
    const s = await started(id, 3);
    await tagAll(id, s, 'human');
    const decide = await t.call('POST', `/api/assessments/${id}/decision`, {
      token: gov,
      body: { decision: 'approve', comment: 'Fine.' },
    });
    expect(decide.status).toBe(200);
    const deps = t.portal.deps;
    const later = new Date(Date.now() + (deps.config.SAMPLE_RETENTION_DAYS + 2) * 86_400_000);
    await purgeDueSamples({ ...deps, clock: () => later });
    const r = await json<{ text: string; tag: string }>(
      t.call('GET', recordPath(id, s.spotCheckId, 0), { token: gov }),
    );
    expect(r).toMatchObject({ text: '', tag: 'human' });
  });
});
