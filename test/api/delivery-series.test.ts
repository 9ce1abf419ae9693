import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crateRows } from '../fixtures/crate-rows';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { deliverTrainingJsonl } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let other: string;
let first: string;
let second: string;

interface Page {
  items: {
    vendor: string;
    dataset: string;
    degradedCount: number;
    deliveries: {
      assessmentId: string;
      number: number;
      records: number | null;
      diversity: { distinct2: number; mattr: number } | null;
      machineText: { share: number; interval: [number, number]; evidence: string } | null;
      nearDuplicateRate: number | null;
      sincePrevious: {
        overlap: { exactRate: number; nearRate: number };
        degraded: boolean;
        findings: { severity: string; message: string }[];
      } | null;
      notMeasured?: string;
    }[];
  }[];
  total: number;
  nextOffset: number | null;
}

beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
  other = await t.staff('governance', 'other-org', 'olga@other.test');
  const a = await invitedAssessment(t, proc);
  first = a.id;
  await deliverTrainingJsonl(t, a.token, `${crateRows(0, 120)}\n`);
  const b = await json<{ id: string }>(
    t.call('POST', `/api/assessments/${first}/reassess`, { token: proc }),
  );
  second = b.id;
  const { token } = await json<{ token: string }>(
    t.call('POST', `/api/assessments/${second}/invitations`, { token: proc }),
  );
  // The re-delivery repeats 60 of the first delivery's records and adds 60 new ones.
  await deliverTrainingJsonl(t, token, `${crateRows(0, 60)}\n${crateRows(500, 560)}\n`);
  // A second dataset that has no delivery yet.
  await invitedAssessment(t, proc, {
    vendor: { name: 'Zeta Corpus', contactEmail: 'z@zeta.test' },
    dataset: { name: 'Zeta dialogues', intendedUse: 'evaluation' },
  });
}, 120_000);
afterAll(async () => {
  await t.stop();
});

describe('GET /api/portfolio/delivery-series', () => {
  it('returns each dataset’s deliveries with the numbers of their stored reports', async () => {
    const res = await t.call('GET', '/api/portfolio/delivery-series', { token: gov });
    expect(res.status).toBe(200);
    const page = await json<Page>(res);
    expect(page.total).toBe(2);
    expect(page.nextOffset).toBeNull();
    const acme = page.items.find((s) => s.vendor === 'Acme Data');
    expect(acme?.deliveries.map((d) => [d.number, d.assessmentId])).toEqual([
      [1, first],
      [2, second],
    ]);
    const report = await json<{
      samples: {
        role: string;
        input: { records: number };
        diversity: { distinct2: number; mattr: number };
        duplicates: { nearRate: number };
        synthetic: { estimatedShare: number; interval: [number, number] };
      }[];
      sinceLastDelivery: { overlap: { exactRate: number; nearRate: number }; degraded: boolean };
    }>(t.call('GET', `/api/assessments/${second}/report`, { token: gov }));
    const training = report.samples.find((s) => s.role === 'training');
    const two = acme?.deliveries[1];
    expect(two?.records).toBe(training?.input.records);
    expect(two?.diversity?.distinct2).toBe(training?.diversity.distinct2);
    expect(two?.nearDuplicateRate).toBe(training?.duplicates.nearRate);
    expect(two?.machineText?.interval).toEqual(training?.synthetic.interval);
    expect(two?.machineText?.evidence).toBe('screening');
    expect(two?.sincePrevious?.overlap).toEqual(report.sinceLastDelivery.overlap);
    expect(two?.sincePrevious?.overlap.exactRate).toBeCloseTo(0.5, 2);
    expect(two?.sincePrevious?.degraded).toBe(true);
    expect(two?.sincePrevious?.findings[0]?.message).toMatch(/repeat records of the previous one/);
    expect(acme?.deliveries[0]?.sincePrevious).toBeNull();
    expect(acme?.degradedCount).toBe(1);
    const zeta = page.items.find((s) => s.vendor === 'Zeta Corpus');
    expect(zeta?.deliveries[0]?.notMeasured).toMatch(/No report yet/);
  });

  it('pages by dataset', async () => {
    const one = await json<Page>(
      t.call('GET', '/api/portfolio/delivery-series?limit=1', { token: proc }),
    );
    expect(one.items).toHaveLength(1);
    expect(one.nextOffset).toBe(1);
    const rest = await json<Page>(
      t.call('GET', '/api/portfolio/delivery-series?limit=1&offset=1', { token: proc }),
    );
    expect(rest.items).toHaveLength(1);
    expect(rest.nextOffset).toBeNull();
    expect(rest.items[0]?.vendor).not.toBe(one.items[0]?.vendor);
  });

  it('shows another organization nothing of this one', async () => {
    const res = await t.call('GET', '/api/portfolio/delivery-series', { token: other });
    expect(res.status).toBe(200);
    expect(await json<Page>(res)).toEqual({ items: [], total: 0, nextOffset: null });
  });

  it('refuses a missing token and bad paging with problem details naming the field', async () => {
    expect((await t.call('GET', '/api/portfolio/delivery-series')).status).toBe(401);
    for (const query of ['limit=0', 'limit=51', 'offset=-1', 'limit=x', 'page=2']) {
      const res = await t.call('GET', `/api/portfolio/delivery-series?${query}`, { token: gov });
      expect(res.status).toBe(400);
      const body = await json<{ errors: { path: string }[] }>(res);
      expect(body.errors[0]?.path).toBe(query.split('=')[0]);
    }
  });

  it('records every answer in the new report versions', async () => {
    const report = await json<{ answers?: Record<string, unknown> }>(
      t.call('GET', `/api/assessments/${second}/report`, { token: gov }),
    );
    expect(report.answers).toEqual(
      Object.fromEntries(Object.entries(completeAnswers()).sort(([a], [b]) => (a < b ? -1 : 1))),
    );
    const diff = await json<{ answersNotRecorded: number[] }>(
      t.call('GET', `/api/assessments/${second}/reports/diff?from=1&to=2`, { token: gov }),
    );
    expect(diff.answersNotRecorded).toEqual([]);
  });
});
