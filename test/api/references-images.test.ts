import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGES_NOT_CALIBRATED } from '../../functions/api/services/evidence';
import { scene, zip } from '../unit/images/fixtures';
import { completeAnswers } from './answers';
import { json, startTestPortal, type TestPortal, uploadedSample } from './harness';
import { putAndSettle, textRecords, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;

beforeAll(async () => {
  t = await startTestPortal();
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  gov = await t.staff('governance', 'demo', 'gail@demo.test');
});
afterAll(async () => {
  await t.stop();
});

interface Report {
  reference: { name: string; calibrated: boolean; message: string | null } | null;
}

/** An analyzed human reference of written text in the library. */
async function textReference(): Promise<string> {
  const body = textRecords(60).join('\n');
  const target = await json<UploadTarget & { referenceId: string }>(
    t.call('POST', '/api/references', {
      token: proc,
      body: {
        name: 'Support tickets 2024 (human)',
        fileName: 'tickets.jsonl',
        sizeBytes: Buffer.byteLength(body),
        contentType: 'application/x-ndjson',
      },
    }),
  );
  await putAndSettle(t, target, body);
  return target.referenceId;
}

describe('a text reference on an assessment of images', () => {
  it('is not used to calibrate, and the report says why instead of a histogram error', async () => {
    const pictures = zip([
      { name: 'a.png', data: await scene(3, 64, 48).png().toBuffer() },
      { name: 'b.png', data: await scene(4, 64, 48).png().toBuffer() },
    ]);
    const { id, token } = await uploadedSample(
      t,
      proc,
      'pictures.zip',
      pictures,
      'application/zip',
    );
    await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } });
    expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
    await t.drain();
    const referenceId = await textReference();
    const attach = await t.call('PUT', `/api/assessments/${id}/reference`, {
      token: proc,
      body: { referenceId },
    });
    expect(attach.status, await attach.clone().text()).toBe(200);
    await t.drain();
    const report = await json<Report>(
      t.call('GET', `/api/assessments/${id}/report`, { token: gov }),
    );
    expect(report.reference).toMatchObject({ calibrated: false, message: IMAGES_NOT_CALIBRATED });
    expect(report.reference?.message).not.toMatch(/histogram|analyze again/i);
  });
});
