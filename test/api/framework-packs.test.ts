import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkPack } from '../../functions/core/frameworks';
import { crateRows } from '../fixtures/crate-rows';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { deliverTrainingJsonl } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let base: string;
beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
  const a = await invitedAssessment(t, proc);
  await deliverTrainingJsonl(t, a.token, `${crateRows(0, 120)}\n`);
  const { report } = await json<{ report: { version: number } }>(
    t.call('GET', `/api/assessments/${a.id}`, { token: gov }),
  );
  base = `/api/assessments/${a.id}/reports/${report.version}/frameworks`;
});
afterAll(async () => {
  await t.stop();
});

describe('GET …/reports/{version}/frameworks/{framework}', () => {
  it('maps the report version to every framework, item by item, with evidence', async () => {
    for (const id of [
      'eu-ai-act-art10',
      'eu-gpai-summary',
      'ca-ab2013',
      'iso42001-a7',
      'nist-ai-600-1',
    ]) {
      const pack = await json<FrameworkPack>(t.call('GET', `${base}/${id}`, { token: proc }));
      expect(pack.id).toBe(id);
      expect(pack.items.length).toBeGreaterThan(3);
      const total = Object.values(pack.counts).reduce((s, n) => s + n, 0);
      expect(total).toBe(pack.items.length);
      // the delivered sample was measured, so some item cites a measurement of it
      expect(pack.counts.measured + pack.counts.contradicted, id).toBeGreaterThan(0);
      for (const i of pack.items)
        if (i.status !== 'missing') expect(i.evidence.length, `${id} ${i.id}`).toBeGreaterThan(0);
    }
    const ab = await json<FrameworkPack>(t.call('GET', `${base}/ca-ab2013`, { token: gov }));
    const records = ab.items.find((i) => i.id === 'ab2013-3');
    expect(records?.status).toBe('measured');
    expect(records?.evidence.some((e) => e.ref === 'training.records')).toBe(true);
  });

  it('gives the same pack for the same version every time', async () => {
    const a = await (await t.call('GET', `${base}/eu-gpai-summary`, { token: gov })).text();
    const b = await (await t.call('GET', `${base}/eu-gpai-summary`, { token: gov })).text();
    expect(a).toBe(b);
  });

  it('refuses a framework it does not map, naming the ones it does', async () => {
    const res = await t.call('GET', `${base}/sox`, { token: gov });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors[0]?.path).toBe('framework');
    expect(body.errors[0]?.message).toMatch(/ca-ab2013/);
  });
});
