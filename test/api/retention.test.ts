import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescore } from '../../functions/api/services/reports';
import type { Assessment } from '../../functions/core/assessment/types';
import { PURGE_EVENT, purgeDueSamples } from '../../functions/retention/purge';
import type { Sample } from '../../functions/store/samples';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { putAndSettle, textRecords, type UploadTarget } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let admin: string;
beforeAll(async () => {
  ({ t, proc, gov, admin } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

const org = 'demo';
const bucket = () => t.portal.deps.config.SAMPLES_BUCKET;

async function upload(token: string, role: 'training' | 'holdout', seed: number) {
  const body = `${textRecords(40, { label: 'a' }, seed).join('\n')}\n`;
  const res = await t.call('POST', '/api/vendor/samples', {
    token,
    body: {
      fileName: `${role}-${seed}.jsonl`,
      role,
      sizeBytes: Buffer.byteLength(body),
      contentType: 'application/x-ndjson',
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  await putAndSettle(t, await json<UploadTarget>(res), body);
}

async function submitted(token: string) {
  expect(
    (await t.call('PUT', '/api/vendor/answers', { token, body: { answers: completeAnswers() } }))
      .status,
  ).toBe(200);
  expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
  await t.drain();
}

async function shiftClock(offsetDays: number) {
  const res = await t.call('PUT', '/api/dev/clock', { token: admin, body: { offsetDays } });
  expect(res.status).toBe(200);
}

const samplesOf = (id: string) => t.portal.deps.repos.samples.list(org, id);
const objectKeys = (samples: Sample[]) =>
  samples.flatMap((s) => [s.key, s.analysisKey, s.partialKey]).filter((k): k is string => !!k);
async function existing(keys: string[]) {
  const heads = await Promise.all(keys.map((k) => t.portal.deps.blobs.head(bucket(), k)));
  return keys.filter((_, i) => heads[i] !== undefined);
}
const purgeEvents = async (id: string) =>
  (await t.portal.deps.repos.assessments.events(org, id)).filter((e) => e.type === PURGE_EVENT);

describe('sample retention counted from the decision', () => {
  it('deletes a decided assessment’s sample data after the retention, keeps the report, leaves open ones alone', async () => {
    const decided = await invitedAssessment(t, proc);
    await upload(decided.token, 'training', 1);
    await upload(decided.token, 'holdout', 7);
    await submitted(decided.token);
    const approve = await t.call('POST', `/api/assessments/${decided.id}/decision`, {
      token: gov,
      body: { decision: 'approve', comment: 'Fine.' },
    });
    expect(approve.status).toBe(200);
    expect(
      (await t.call('POST', `/api/assessments/${decided.id}/archive`, { token: proc })).status,
    ).toBe(200);
    const open = await invitedAssessment(t, proc);
    await upload(open.token, 'training', 3);

    const held = objectKeys(await samplesOf(decided.id));
    expect(held).toHaveLength(6); // two files, their analyses and partials
    const openKeys = objectKeys(await samplesOf(open.id));
    expect(await existing(openKeys)).toEqual(openKeys);
    const report = await json<{ sha256: string }>(
      t.call('GET', `/api/assessments/${decided.id}/report`, { token: gov }),
    );

    // A day before the retention runs out nothing is deleted.
    await shiftClock(179);
    await t.portal.sweep();
    expect(await existing(held)).toEqual(held);
    expect(await purgeEvents(decided.id)).toEqual([]);

    // The portal's periodic sweep runs the purge on the dev clock.
    await shiftClock(181);
    await t.portal.sweep();
    expect(await existing(held)).toEqual([]);
    const purged = await samplesOf(decided.id);
    expect(
      purged.map((s) => [s.purgedAt ? 'purged' : 'held', s.analysisKey, s.partialKey]),
    ).toEqual([
      ['purged', null, null],
      ['purged', null, null],
    ]);
    expect(purged.every((s) => (s.summary?.records ?? 0) === 40)).toBe(true);
    const events = await purgeEvents(decided.id);
    expect(events.map((e) => [e.role, e.detail.files])).toEqual([['system', 2]]);
    const a = await t.portal.deps.repos.assessments.get(org, decided.id);
    expect(a?.samplesPurgedAt).toBe(purged[0]?.purgedAt);
    expect(a?.archivedAt).toBeTruthy();

    // The open assessment is untouched.
    expect(await existing(openKeys)).toEqual(openKeys);
    expect((await samplesOf(open.id)).every((s) => !s.purgedAt && s.analysisKey)).toBe(true);

    // The stored report stays readable and unchanged; staff see when the data went.
    const after = await t.call('GET', `/api/assessments/${decided.id}/report`, { token: gov });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { sha256: string }).sha256).toBe(report.sha256);
    const listed = await json<{ items: { purgedAt: string | null }[] }>(
      t.call('GET', `/api/assessments/${decided.id}/samples`, { token: gov }),
    );
    expect(listed.items.map((s) => s.purgedAt)).toEqual([a?.samplesPurgedAt, a?.samplesPurgedAt]);
    const analysis = await t.call(
      'GET',
      `/api/assessments/${decided.id}/samples/${purged[0]?.sampleId}/analysis`,
      { token: gov },
    );
    expect(analysis.status).toBe(409);
    expect(((await analysis.json()) as { detail: string }).detail).toMatch(/retention policy/);
    // Scoring that reads analyses (the policy preview) does not fail on the deleted objects.
    const preview = await t.call('POST', '/api/policy/preview', {
      token: admin,
      body: { policy: { weights: { no_sample: 25 } } },
    });
    expect(preview.status).toBe(200);

    // A second run finds nothing to do.
    const again = await purgeDueSamples(t.portal.deps);
    expect(again).toEqual({ assessments: 0, samples: 0, objects: 0, failed: 0 });
    expect(await purgeEvents(decided.id)).toHaveLength(1);
  });

  it('re-scores a cancelled assessment after the deletion and says its data went under retention', async () => {
    await shiftClock(0);
    const c = await invitedAssessment(t, proc);
    await upload(c.token, 'training', 11);
    const cancel = await t.call('POST', `/api/assessments/${c.id}/cancel`, {
      token: proc,
      body: { reason: 'Project stopped' },
    });
    expect(cancel.status).toBe(200);
    await shiftClock(181);
    const keys = objectKeys(await samplesOf(c.id));
    expect(keys).toHaveLength(3);
    expect((await purgeDueSamples(t.portal.deps)).failed).toBe(0);
    expect(await existing(keys)).toEqual([]);

    const current = (await t.portal.deps.repos.assessments.get(org, c.id)) as Assessment;
    const report = await rescore(t.portal.deps, current, 'test');
    const notes = (report as unknown as { unusableSamples: { fileName: string; reason: string }[] })
      .unusableSamples;
    expect(notes).toEqual([
      expect.objectContaining({
        fileName: 'training-11.jsonl',
        reason: expect.stringMatching(/deleted on .* under the retention policy/),
      }),
    ]);
    expect(report?.samples).toEqual([]);
  });
});
