import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReport } from '../../functions/core/report';
import { crateRows } from '../fixtures/crate-rows';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { deliverTrainingJsonl } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let other: string;
beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
  other = await t.staff('governance', 'other-org', 'olga@other.test');
});
afterAll(async () => {
  await t.stop();
});

let first: string;
beforeAll(async () => {
  const a = await invitedAssessment(t, proc, {
    vendor: { name: '=HYPERLINK("http://evil")', contactEmail: 'x@acme.test' },
  });
  first = a.id;
  await deliverTrainingJsonl(t, a.token, `${crateRows(0, 120)}\n`);
});

describe('report versions and exports', () => {
  it('diffs two versions: score, factors, samples', async () => {
    const res = await t.call('GET', `/api/assessments/${first}/reports/diff?from=1&to=2`, {
      token: gov,
    });
    expect(res.status).toBe(200);
    const d = await json<{
      from: { version: number };
      to: { version: number };
      score: { change: number };
      factors: { added: unknown[]; removed: { id: string }[] };
    }>(res);
    expect(d.from.version).toBe(1);
    expect(d.to.version).toBe(2);
    expect(typeof d.score.change).toBe('number');
    const missing = await t.call('GET', `/api/assessments/${first}/reports/diff?from=1&to=9`, {
      token: gov,
    });
    expect(missing.status).toBe(404);
    expect((await json<{ detail: string }>(missing)).detail).toMatch(/No report version 9/);
    const bad = await t.call('GET', `/api/assessments/${first}/reports/diff?from=x&to=2`, {
      token: gov,
    });
    expect(bad.status).toBe(400);
  });

  it('downloads a bundle that the verifier accepts', async () => {
    const res = await t.call('GET', `/api/assessments/${first}/reports/2/bundle`, { token: gov });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(verifyReport(await res.json())).toMatchObject({ ok: true, version: 2 });
  });

  it('exports factors as CSV and the assessments list with formula cells neutralized', async () => {
    const csv = await t.call('GET', `/api/assessments/${first}/reports/2/csv`, { token: gov });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    const list = await t.call('GET', '/api/exports/assessments.csv', { token: gov });
    expect(list.status).toBe(200);
    const items = parse(await list.text(), { columns: true }) as Record<string, string>[];
    expect(items.map((r) => r.vendor)).toContain('\'=HYPERLINK("http://evil")');
    const theirs = parse(
      await (await t.call('GET', '/api/exports/assessments.csv', { token: other })).text(),
    );
    expect(theirs).toHaveLength(1);
  });

  it('exports Croissant JSON-LD and a PDF', async () => {
    const c = await t.call('GET', `/api/assessments/${first}/reports/2/croissant`, { token: gov });
    expect(c.status).toBe(200);
    const doc = await json<Record<string, unknown>>(c);
    expect(doc['@context']).toMatchObject({ rai: 'http://mlcommons.org/croissant/RAI/' });
    expect(doc.name).toBe('Acme Instructions v3');
    const pdf = await t.call('GET', `/api/assessments/${first}/reports/2/pdf`, { token: gov });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('returns 404 for another organization and 401 without a token', async () => {
    expect(
      (await t.call('GET', `/api/assessments/${first}/reports/1/pdf`, { token: other })).status,
    ).toBe(404);
    expect((await t.call('GET', `/api/assessments/${first}/reports/1/csv`, {})).status).toBe(401);
  });
});

describe('since last delivery', () => {
  it('compares a re-assessment with the delivery it re-assesses and charges recycling', async () => {
    const b = await json<{ id: string }>(
      t.call('POST', `/api/assessments/${first}/reassess`, { token: proc }),
    );
    const { token } = await json<{ token: string }>(
      t.call('POST', `/api/assessments/${b.id}/invitations`, { token: proc }),
    );
    await deliverTrainingJsonl(t, token, `${crateRows(0, 90)}\n${crateRows(500, 530)}\n`);
    const report = await json<{
      sinceLastDelivery?: {
        previousAssessmentId: string;
        overlap: { exactRate: number };
        degraded: boolean;
      };
      risk: { factors: { id: string; points: number }[] };
    }>(t.call('GET', `/api/assessments/${b.id}/report`, { token: gov }));
    expect(report.sinceLastDelivery?.previousAssessmentId).toBe(first);
    expect(report.sinceLastDelivery?.overlap.exactRate).toBeCloseTo(0.75, 2);
    expect(report.sinceLastDelivery?.degraded).toBe(true);
    expect(
      report.risk.factors.find((f) => f.id === 'delivery_degradation')?.points,
    ).toBeGreaterThan(0);
    const firstReport = await json<Record<string, unknown>>(
      t.call('GET', `/api/assessments/${first}/report`, { token: gov }),
    );
    expect(firstReport.sinceLastDelivery).toBeUndefined();
  });
});
