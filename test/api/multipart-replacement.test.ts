import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { sampleKeys } from '../../functions/store/samples';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';
import { bigJsonl, multipartEnv, registerBig } from './multipart-helpers';
import { putAndSettle, textRecords } from './upload-helpers';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  t = await startTestPortal(multipartEnv);
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
}, 60_000);
afterAll(async () => {
  await t.stop();
});

interface Registration {
  sampleId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
  replaced: string[];
  retiresOnUpload: string[];
}

async function register(token: string, body: string, fileName: string) {
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName,
      role: 'training',
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/jsonl',
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json<Registration>(res);
}

/** Which sample counts for training, in the vendor's view and in the buyer's report. */
async function counting(id: string, token: string) {
  const view = await json<{ samples: { sampleId: string; status: string; counts: boolean }[] }>(
    t.call('GET', '/api/vendor/assessment', { token }),
  );
  const report = await json<{ samples: { file: { sampleId: string } }[] }>(
    t.call('GET', `/api/assessments/${id}/report`, { token: proc }),
  );
  return {
    vendor: view.samples.filter((s) => s.counts).map((s) => s.sampleId),
    listed: view.samples.map((s) => [s.sampleId, s.status]),
    report: report.samples.map((s) => s.file.sampleId),
  };
}

/** The assessment's registered-samples counter (the 20-slot limit). */
async function slotsTaken(id: string): Promise<number> {
  const { doc } = createAwsClients(t.portal.deps.config);
  const out = await doc.send(
    new GetCommand({
      TableName: t.portal.deps.config.TABLE_NAME,
      Key: { PK: sampleKeys.pk('demo'), SK: sampleKeys.counter(id) },
    }),
  );
  return Number(out.Item?.registered);
}

describe('replacing a sample keeps the old one until the new file arrives', () => {
  it('an abandoned replacement leaves the old sample counting; an upload retires it', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const oldBody = textRecords(40).join('\n');
    const old = await register(token, oldBody, 'old.jsonl');
    await putAndSettle(t, old, oldBody);
    // Registered, never uploaded: the old sample still counts everywhere.
    const abandoned = await register(token, textRecords(50, {}, 7).join('\n'), 'new.jsonl');
    expect(abandoned.retiresOnUpload).toEqual([old.sampleId]);
    expect(abandoned.replaced).toEqual([]);
    const before = await counting(id, token);
    expect(before.vendor).toEqual([old.sampleId]);
    expect(before.report).toEqual([old.sampleId]);
    expect(before.listed).toContainEqual([abandoned.sampleId, 'awaiting_upload']);
    expect(await slotsTaken(id)).toBe(2);
    // A second try supersedes the abandoned one (it never had a file); the old one stays.
    const newBody = textRecords(60, {}, 11).join('\n');
    const retry = await register(token, newBody, 'new.jsonl');
    expect(retry.replaced).toEqual([abandoned.sampleId]);
    expect(retry.retiresOnUpload).toEqual([old.sampleId]);
    expect((await counting(id, token)).vendor).toEqual([old.sampleId]);
    expect(await slotsTaken(id)).toBe(2);
    // The file arrives: the old sample is retired and the new one counts.
    await putAndSettle(t, retry, newBody);
    const after = await counting(id, token);
    expect(after.vendor).toEqual([retry.sampleId]);
    expect(after.report).toEqual([retry.sampleId]);
    expect(after.listed).toEqual([[retry.sampleId, 'analyzed']]);
    expect((await t.call('GET', `/api/vendor/samples/${old.sampleId}`, { token })).status).toBe(
      404,
    );
    expect(await slotsTaken(id)).toBe(1);
  }, 60_000);

  it('an aborted multipart replacement leaves the old sample counting and its slot free', async () => {
    const { id, token } = await invitedAssessment(t, proc);
    const oldBody = textRecords(40).join('\n');
    const old = await register(token, oldBody, 'old.jsonl');
    await putAndSettle(t, old, oldBody);
    const big = await registerBig(t, token, bigJsonl(6));
    expect(big.retiresOnUpload).toEqual([old.sampleId]);
    const abort = await t.call('DELETE', `/api/vendor/samples/${big.sampleId}/upload`, { token });
    expect(abort.status).toBe(204);
    const after = await counting(id, token);
    expect(after.vendor).toEqual([old.sampleId]);
    expect(after.listed).toEqual([[old.sampleId, 'analyzed']]);
    expect(await slotsTaken(id)).toBe(1);
  }, 60_000);
});
