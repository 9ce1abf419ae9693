import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFlatText } from '../support/pdf-text';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { putAndSettle, textRecords, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
});
afterAll(async () => {
  await t.stop();
});

interface Event {
  type: string;
  detail: Record<string, unknown>;
}

/** Registers and uploads a JSON Lines file; returns its sample id. */
async function upload(
  token: string,
  fileName: string,
  role: 'training' | 'holdout',
  body: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName,
      role,
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  const target = await json<UploadTarget & { sampleId: string }>(res);
  await putAndSettle(t, target, body);
  await t.drain();
  return target.sampleId;
}

describe('what the report is built on, and the decision record', () => {
  let id: string;
  let events: Event[];
  beforeAll(async () => {
    const a = await invitedAssessment(t, proc);
    id = a.id;
    const { token } = a;
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    const old = await upload(token, 'old.jsonl', 'training', `${textRecords(150).join('\n')}\n`);
    const replacement = textRecords(150, {}, 7).map((r) =>
      JSON.stringify({ body: (JSON.parse(r) as { text: string }).text }),
    );
    await upload(token, 'data.jsonl', 'training', `${replacement.join('\n')}\n`, {
      fields: { text: 'body' },
    });
    const holdout = await upload(
      token,
      'holdout.jsonl',
      'holdout',
      `${textRecords(60, {}, 99).join('\n')}\n`,
    );
    expect((await t.call('DELETE', `/api/vendor/samples/${holdout}`, { token })).status).toBe(204);
    await t.drain();
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const decided = await t.call('POST', `/api/assessments/${id}/decision`, {
      token: gov,
      body: { decision: 'reject', comment: 'Half of the March records are recycled.' },
    });
    expect(decided.status).toBe(200);
    events = (
      await json<{ items: Event[] }>(
        t.call('GET', `/api/assessments/${id}/events`, { token: proc }),
      )
    ).items;
    expect(old).toMatch(/^[a-z0-9]{26}$/);
  });

  it('records uploads, replacements, mapping changes and deletions in the audit trail by file', () => {
    const registered = events.filter((e) => e.type === 'sample_registered');
    expect(registered.map((e) => e.detail.fileName)).toEqual([
      'old.jsonl',
      'data.jsonl',
      'holdout.jsonl',
    ]);
    const swap = registered[1]?.detail as {
      replaces: { fileName: string; sha256?: string }[];
      fields: Record<string, string>;
      fieldsBefore?: Record<string, string>;
    };
    expect(swap.replaces.map((r) => r.fileName)).toEqual(['old.jsonl']);
    expect(swap.replaces[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(swap.fields).toEqual({ text: 'body' });
    expect(swap.fieldsBefore).toEqual({});
    const deleted = events.find((e) => e.type === 'sample_deleted');
    expect(deleted?.detail).toMatchObject({ fileName: 'holdout.jsonl', role: 'holdout' });
    expect(deleted?.detail.sha256).toMatch(/^[0-9a-f]{64}$/);
    const changes = events
      .filter((e) => e.type === 'scored')
      .flatMap(
        (e) =>
          (e.detail.fileChanges ?? []) as {
            change: string;
            from?: { fileName: string };
            to?: { fileName: string };
          }[],
      );
    expect(changes).toContainEqual(
      expect.objectContaining({
        change: 'replaced',
        from: expect.objectContaining({ fileName: 'old.jsonl' }),
        to: expect.objectContaining({ fileName: 'data.jsonl' }),
      }),
    );
  });

  it('names each report sample by file and SHA-256, and each version by its files', async () => {
    const report = await json<{ samples: { file?: { fileName: string; sha256: string } }[] }>(
      t.call('GET', `/api/assessments/${id}/report`, { token: gov }),
    );
    expect(report.samples.map((s) => s.file?.fileName)).toEqual(['data.jsonl']);
    expect(report.samples[0]?.file?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const versions = await json<{ items: { samples?: { fileName: string }[] }[] }>(
      t.call('GET', `/api/assessments/${id}/reports`, { token: gov }),
    );
    const names = versions.items.map((v) => (v.samples ?? []).map((s) => s.fileName).join('+'));
    expect(names).toContain('old.jsonl');
    expect(names.at(-1)).toBe('data.jsonl');
  });

  it("renders the latest version's PDF as the decision record", async () => {
    const versions = await json<{ items: { version: number }[] }>(
      t.call('GET', `/api/assessments/${id}/reports`, { token: gov }),
    );
    const latest = versions.items.at(-1)?.version;
    const res = await t.call('GET', `/api/assessments/${id}/reports/${latest}/pdf`, { token: gov });
    expect(res.status).toBe(200);
    const text = await pdfFlatText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Rejected on');
    expect(text).toContain('gail@demo.test');
    expect(text).toContain('Half of the March records are recycled.');
    expect(text).toContain('data.jsonl');
    const report = await json<{ samples: { file: { sha256: string } }[] }>(
      t.call('GET', `/api/assessments/${id}/report`, { token: gov }),
    );
    expect(text).toContain(report.samples[0]?.file.sha256);
    const first = await t.call('GET', `/api/assessments/${id}/reports/1/pdf`, { token: gov });
    const older = await pdfFlatText(new Uint8Array(await first.arrayBuffer()));
    expect(older).toContain('No decision on this version');
    expect(older).not.toContain('Half of the March records');
  });
});
