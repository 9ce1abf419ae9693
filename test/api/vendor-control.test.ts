import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
});
afterAll(async () => {
  await t.stop();
});

const invited = () => invitedAssessment(t, proc);

function jsonl(n: number, seed = 0): string {
  const words = ['data', 'model', 'river', 'stone', 'quiet', 'market', 'signal', 'harbor'];
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      text: `${i} ${Array.from({ length: 25 }, (_, j) => words[(i * 5 + j * 3 + seed) % 8]).join(' ')}`,
    }),
  ).join('\n');
}

interface Upload {
  sampleId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  replaced?: string[];
  retiresOnUpload?: string[];
}

interface View {
  answers: Record<string, unknown>;
  version: number;
  buyer: { name: string; contactEmail: string };
  samples: { sampleId: string; role: string; status: string; counts: boolean }[];
}

async function upload(token: string, body: string, fileName = 'train.jsonl', role = 'training') {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: { fileName, role, sizeBytes: Buffer.byteLength(body), contentType: 'application/jsonl' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const target = await json<Upload>(res);
  const put = await fetch(new URL(target.uploadUrl, t.portal.url), {
    method: 'PUT',
    headers: target.uploadHeaders,
    body,
  });
  expect(put.status).toBe(200);
  await t.portal.idle();
  return target;
}

const view = (token: string) => json<View>(t.call('GET', '/api/vendor/assessment', { token }));

describe('PATCH /api/vendor/answers (merge save)', () => {
  it('stores every valid answer and returns each refused one with a message in the question’s words', async () => {
    const { token } = await invited();
    const res = await t.call('PATCH', '/api/vendor/answers', {
      token,
      body: {
        answers: {
          dataset_name: 'Support dialogues',
          label_audit: 'sampled',
          synthetic_share_percent: 150,
          origin_human_percent: 60,
          origin_public_web_percent: 70,
        },
      },
    });
    expect(res.status).toBe(200);
    const body = await json<{
      saved: string[];
      errors: { path: string; message: string }[];
      version: number;
    }>(res);
    expect(body.saved.sort()).toEqual(['dataset_name', 'label_audit', 'origin_human_percent']);
    expect(body.errors.map((e) => e.path).sort()).toEqual([
      'answers.origin_public_web_percent',
      'answers.synthetic_share_percent',
    ]);
    const sum = body.errors.find((e) => e.path === 'answers.origin_public_web_percent');
    expect(sum?.message).toContain('“Share of records collected from the public web” (70 %)');
    for (const e of body.errors) expect(e.message).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    const after = await view(token);
    expect(after.answers).toEqual({
      dataset_name: 'Support dialogues',
      label_audit: 'sampled',
      origin_human_percent: 60,
    });
    expect(after.version).toBe(body.version);
  });

  it('answers 409 for a stale version and after submission', async () => {
    const { token } = await invited();
    const first = await view(token);
    const stale = await t.call('PATCH', '/api/vendor/answers', {
      token,
      body: { answers: { dataset_name: 'x' }, version: first.version + 5 },
    });
    expect(stale.status).toBe(409);
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const locked = await t.call('PATCH', '/api/vendor/answers', {
      token,
      body: { answers: { dataset_name: 'y' } },
    });
    expect(locked.status).toBe(409);
  });
});

describe('sample control', () => {
  it('replaces the earlier sample of a role on re-upload, so one sample counts per role', async () => {
    const { token } = await invited();
    const first = await upload(token, jsonl(20), 'first.jsonl');
    const hold = await upload(token, jsonl(10, 3), 'hold.jsonl', 'holdout');
    const second = await upload(token, jsonl(30, 1), 'second.jsonl');
    // The earlier sample counted until the new file arrived (it was uploaded by now).
    expect(second.retiresOnUpload).toEqual([first.sampleId]);
    expect(second.replaced).toEqual([]);
    expect(hold.retiresOnUpload).toEqual([]);
    const v = await view(token);
    expect(v.samples.map((s) => [s.sampleId, s.role, s.counts]).sort()).toEqual(
      [
        [second.sampleId, 'training', true],
        [hold.sampleId, 'holdout', true],
      ].sort(),
    );
    const gone = await t.call('GET', `/api/vendor/samples/${first.sampleId}`, { token });
    expect(gone.status).toBe(404);
  });

  it('names each report sample by file name, upload time, records and SHA-256', async () => {
    const { id, token } = await invited();
    const body = jsonl(40);
    const target = await upload(token, body, 'named.jsonl');
    const report = await json<{
      samples: {
        role: string;
        file: {
          sampleId: string;
          fileName: string;
          uploadedAt: string;
          records: number;
          sha256: string;
        };
      }[];
    }>(t.call('GET', `/api/assessments/${id}/report`, { token: proc }));
    expect(report.samples).toHaveLength(1);
    const file = report.samples[0]?.file;
    expect(file?.sampleId).toBe(target.sampleId);
    expect(file?.fileName).toBe('named.jsonl');
    expect(file?.records).toBe(40);
    expect(file?.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(Number.isNaN(Date.parse(file?.uploadedAt ?? ''))).toBe(false);
  });

  it('deletes a sample, re-scores without it, and refuses deletion once submitted', async () => {
    const { id, token } = await invited();
    const target = await upload(token, jsonl(20));
    const del = await t.call('DELETE', `/api/vendor/samples/${target.sampleId}`, { token });
    expect(del.status).toBe(204);
    await t.drain();
    expect((await view(token)).samples).toEqual([]);
    const reports = await json<{ items: { trigger: string }[] }>(
      t.call('GET', `/api/assessments/${id}/reports`, { token: proc }),
    );
    expect(reports.items.at(-1)?.trigger).toBe('sample deleted');
    const report = await json<{ samples: unknown[] }>(
      t.call('GET', `/api/assessments/${id}/report`, { token: proc }),
    );
    expect(report.samples).toEqual([]);
    const again = await t.call('DELETE', `/api/vendor/samples/${target.sampleId}`, { token });
    expect(again.status).toBe(404);

    const kept = await upload(token, jsonl(20, 2));
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const frozen = await t.call('DELETE', `/api/vendor/samples/${kept.sampleId}`, { token });
    expect(frozen.status).toBe(409);
    expect((await json<{ detail: string }>(frozen)).detail).toMatch(/no longer be deleted/);
    expect((await view(token)).samples).toHaveLength(1);
  });

  it('refuses a PDF, saying the type is not supported and which ones are', async () => {
    const { token } = await invited();
    const res = await t.call('POST', '/api/vendor/samples', {
      token,
      body: {
        fileName: 'spec.pdf',
        role: 'training',
        sizeBytes: 10,
        contentType: 'application/pdf',
      },
    });
    expect(res.status).toBe(400);
    const problem = await json<{ errors: { path: string; message: string }[] }>(res);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['contentType', 'fileName']);
    for (const e of problem.errors) {
      expect(e.message).toMatch(/not supported/);
      expect(e.message).toMatch(/CSV.*JSON Lines.*JSON array.*plain text.*gzip/);
    }
  });

  it('names the buyer organization and its contact in the vendor view', async () => {
    const { token } = await invited();
    const v = await view(token);
    expect(v.buyer.contactEmail).toBe('pat@demo.test');
    expect(v.buyer.name.length).toBeGreaterThan(0);
  });

  it('says "revoked" for a link a newer invitation replaced, and "not valid" for a forged one', async () => {
    const { id, token } = await invited();
    const reissued = await t.call('POST', `/api/assessments/${id}/invitations`, { token: proc });
    expect(reissued.status).toBe(201);
    const old = await t.call('GET', '/api/vendor/assessment', { token });
    expect(old.status).toBe(401);
    expect((await json<{ type: string }>(old)).type).toMatch(/invitation-revoked$/);
    const forged = await t.call('GET', '/api/vendor/assessment', {
      token: `${token.slice(0, -4)}AAAA`,
    });
    expect((await json<{ type: string }>(forged)).type).toMatch(/invitation-invalid$/);
  });
});
