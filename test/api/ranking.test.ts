import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { putAndSettle, type UploadTarget } from './upload-helpers';

interface Row {
  id: string;
  status: string;
  report: { score: number; tier: string } | null;
}

let t: TestPortal;
let proc = '';
let gov = '';
let admin = '';
let open = { id: '', token: '' };
let done = { id: '', token: '' };

/** The vendor answers part of the questionnaire and uploads a machine-like sample, unsubmitted. */
async function halfDone(token: string) {
  const { synthetic_share_percent } = completeAnswers();
  await t.call('PUT', '/api/vendor/answers', {
    token,
    body: { answers: { synthetic_share_percent } },
  });
  const body = `${Array(200)
    .fill(JSON.stringify({ text: 'As an AI language model, I cannot do that.' }))
    .join('\n')}\n`;
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: 'sample.jsonl',
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
    },
  });
  expect(res.status).toBe(201);
  await putAndSettle(t, await json<UploadTarget>(res), body);
  await t.drain();
}

beforeAll(async () => {
  ({ t, proc, gov, admin } = await startWithStaff());
  open = await invitedAssessment(t, proc, {
    vendor: { name: 'Halfway Data', contactEmail: 'team@halfway.test' },
  });
  await halfDone(open.token);
  done = await invitedAssessment(t, proc, {
    vendor: { name: 'Halfway Data', contactEmail: 'team@halfway.test' },
    dataset: { name: 'Halfway corpus v2', intendedUse: 'fine-tuning' },
  });
  await t.call('PUT', '/api/vendor/answers', {
    token: done.token,
    body: { answers: completeAnswers() },
  });
  await t.call('POST', '/api/vendor/submit', { token: done.token });
  await t.drain();
  await t.call('POST', `/api/assessments/${done.id}/decision`, {
    token: gov,
    body: { decision: 'approve', comment: 'Fine.' },
  });
});
afterAll(async () => {
  await t.stop();
});

describe('unsubmitted assessments are not ranked', () => {
  it('keeps a provisional report on the assessment itself', async () => {
    const one = await json<Row>(t.call('GET', `/api/assessments/${open.id}`, { token: proc }));
    expect(one.status).toBe('in_progress');
    expect(one.report?.score).toBeGreaterThan(0);
  });

  it('lists it with no score or tier, below every submitted one', async () => {
    const page = await json<{ items: Row[] }>(t.call('GET', '/api/assessments', { token: gov }));
    const row = page.items.find((a) => a.id === open.id);
    expect(row?.status).toBe('in_progress');
    expect(row?.report).toBeNull();
    expect(page.items.find((a) => a.id === done.id)?.report?.score).toEqual(expect.any(Number));
  });

  it('leaves it out of the policy preview', async () => {
    const preview = await json<{ items: { assessmentId: string }[] }>(
      t.call('POST', '/api/policy/preview', { token: admin, body: { policy: {} } }),
    );
    const ids = preview.items.map((i) => i.assessmentId);
    expect(ids).toContain(done.id);
    expect(ids).not.toContain(open.id);
  });

  it('exports the list as CSV: status, due date, score blank until submitted, decision', async () => {
    const res = await t.call('GET', '/api/exports/assessments.csv', { token: proc });
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const openRow = rows.find((r) => r.id === open.id);
    const doneRow = rows.find((r) => r.id === done.id);
    expect(openRow).toMatchObject({ status: 'In progress', score: '', tier: '', decision: '' });
    expect(openRow?.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doneRow).toMatchObject({ status: 'Approved', decision: 'Approved' });
    expect(Number(doneRow?.score)).toBeGreaterThanOrEqual(0);
  });
});

describe('per-vendor history', () => {
  it("lists the vendor's other assessments, scores only once submitted", async () => {
    const res = await t.call('GET', `/api/assessments/${open.id}/vendor-history`, { token: gov });
    expect(res.status).toBe(200);
    const body = await json<{ items: { id: string; score: number | null; decision: unknown }[] }>(
      res,
    );
    expect(body.items.map((i) => i.id)).toEqual([done.id]);
    expect(body.items[0]?.decision).toMatchObject({ decision: 'approve' });
    const back = await json<{ items: { id: string; score: number | null; tier: string | null }[] }>(
      t.call('GET', `/api/assessments/${done.id}/vendor-history`, { token: proc }),
    );
    expect(back.items).toEqual([expect.objectContaining({ id: open.id, score: null, tier: null })]);
  });

  it('answers 404 for an assessment of another organization', async () => {
    const other = await t.staff('governance', 'other-org', 'olga@other.test');
    const res = await t.call('GET', `/api/assessments/${open.id}/vendor-history`, {
      token: other,
    });
    expect(res.status).toBe(404);
  });
});
