import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepRemediation } from '../../functions/notify/remediation-sweep';
import { crateRows } from '../fixtures/crate-rows';
import { pdfFlatText } from '../support/pdf-text';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { captureMail, type SentMail } from './mail-capture';
import { deliverTrainingJsonl } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
let sent: SentMail[];
let first: string;
let second: string;
let vendorToken: string;

const CONDITIONS = [
  { metric: 'compare.overlap.nearRate', max: 0.1, note: 'recycled records' },
  { metric: 'duplicates.nearRate', max: 0.5 },
  { metric: 'pii.recordShare', source: 'feed-b', max: 0 },
];

interface Item {
  itemId: string;
  status: string;
  version: number;
  condition: { metric: string; actual: number; held: boolean; words: string };
  comments: { by: string; role: string; text: string }[];
  exception: { reason: string; until: string; by: string } | null;
  pastExceptions: { lapsedAt?: string }[];
}
interface View {
  conditions: { metric: string; words: string }[];
  check: {
    held: boolean;
    broken: number;
    conditions: {
      metric: string;
      actual: number | null;
      held: boolean | null;
      measurable: boolean;
    }[];
  } | null;
  conditionsBroken: boolean;
  items: Item[];
}

beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
  await t.portal.deps.repos.organizations.create({
    id: 'demo',
    name: 'Demo Buyer',
    createdAt: new Date().toISOString(),
    governanceEmail: 'review-board@demo.test',
  });
  sent = captureMail(t);
  const a = await invitedAssessment(t, proc);
  first = a.id;
  await deliverTrainingJsonl(t, a.token, `${crateRows(0, 120)}\n`);
}, 120_000);
afterAll(async () => {
  await t.stop();
});

describe('delivery contracts: the whole loop', () => {
  it('refuses an unknown metric path, naming it, and conditions on anything but an approval', async () => {
    const bad = await t.call('POST', `/api/assessments/${first}/decision`, {
      token: gov,
      body: {
        decision: 'approve',
        comment: '',
        conditions: [{ metric: 'duplicates.near', max: 1 }],
      },
    });
    expect(bad.status).toBe(400);
    const problem = await json<{ errors: { path: string; message: string }[] }>(bad);
    expect(problem.errors[0]?.path).toMatch(/conditions\.0\.metric/);
    expect(problem.errors[0]?.message).toContain('unknown metric "duplicates.near"');
    const reject = await t.call('POST', `/api/assessments/${first}/decision`, {
      token: gov,
      body: { decision: 'reject', comment: 'no', conditions: CONDITIONS },
    });
    expect(reject.status).toBe(400);
  });

  it('approves with conditions, in plain words in the vendor e-mail and in the audit trail', async () => {
    const before = sent.length;
    const res = await t.call('POST', `/api/assessments/${first}/decision`, {
      token: gov,
      body: { decision: 'approve', comment: '', conditions: CONDITIONS },
    });
    expect(res.status).toBe(200);
    const a = await json<{ decision: { conditions: unknown[] } }>(res);
    expect(a.decision.conditions).toEqual(CONDITIONS);
    const vendorMail = sent.slice(before).find((m) => m.to === 'data@acme.test');
    expect(vendorMail?.body).toContain('records recycled from the last delivery: at most 10 %');
    const events = await json<
      { items?: { type: string; detail: unknown }[] } | { type: string; detail: unknown }[]
    >(t.call('GET', `/api/assessments/${first}/events`, { token: proc }));
    const list = Array.isArray(events) ? events : (events.items ?? []);
    expect(JSON.stringify(list)).toContain('compare.overlap.nearRate');
  });

  it('checks a recycled re-delivery: the broken condition names the metric and its actual value', async () => {
    const b = await json<{ id: string }>(
      t.call('POST', `/api/assessments/${first}/reassess`, { token: proc }),
    );
    second = b.id;
    const inv = await json<{ token: string }>(
      t.call('POST', `/api/assessments/${second}/invitations`, { token: proc }),
    );
    vendorToken = inv.token;
    await deliverTrainingJsonl(t, vendorToken, `${crateRows(0, 60)}\n${crateRows(500, 560)}\n`);
    const view = await json<View>(
      t.call('GET', `/api/assessments/${second}/contract`, { token: proc }),
    );
    expect(view.conditions.map((c) => c.metric)).toEqual(CONDITIONS.map((c) => c.metric));
    expect(view.check?.broken).toBe(1);
    const [recycled, dupes, scoped] = view.check?.conditions ?? [];
    expect(recycled).toMatchObject({ metric: 'compare.overlap.nearRate', held: false });
    expect(recycled?.actual).toBeCloseTo(0.5, 1);
    expect(dupes).toMatchObject({ held: true, measurable: true });
    // No per-source results in this delivery: the scoped condition is not measurable, never held.
    expect(scoped).toMatchObject({ held: null, measurable: false });
    expect(view.conditionsBroken).toBe(true);
    expect(view.items).toHaveLength(1);
    expect(view.items[0]?.condition.metric).toBe('compare.overlap.nearRate');
    const a = await json<{ conditionsBroken: boolean; status: string }>(
      t.call('GET', `/api/assessments/${second}`, { token: proc }),
    );
    expect(a.conditionsBroken).toBe(true);
    expect(a.status).toBe('submitted');
  });

  it('tells procurement, governance and the vendor once (the sweep)', async () => {
    await t.portal.sweep();
    await sweepRemediation(t.portal.deps);
    const broken = sent.filter((m) => m.subject.startsWith('Delivery condition broken'));
    expect(broken.map((m) => m.to).sort()).toEqual(
      ['data@acme.test', 'gail@demo.test', 'pat@demo.test', 'review-board@demo.test'].sort(),
    );
    expect(broken[0]?.body).toMatch(
      /records recycled from the last delivery: at most 10 %.*measured 50 %/,
    );
  });

  it('lets procurement comment but not accept; the vendor comments in plain text', async () => {
    const path = `/api/assessments/${second}/remediation/condition-0`;
    expect(
      (
        await t.call('POST', `${path}/exception`, {
          token: proc,
          body: { reason: 'x', until: '2030-01-01' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('POST', `${path}/comments`, {
          token: proc,
          body: { text: 'Please re-crawl.' },
        })
      ).status,
    ).toBe(201);
    const res = await t.call('POST', '/api/vendor/remediation/condition-0/comments', {
      token: vendorToken,
      body: { text: '=HYPERLINK("x") <b>fixed</b>' },
    });
    expect(res.status).toBe(201);
    const mine = await json<View>(t.call('GET', '/api/vendor/contract', { token: vendorToken }));
    expect(mine.conditions[0]?.words).toBe('records recycled from the last delivery: at most 10 %');
    const comments = mine.items[0]?.comments ?? [];
    expect(comments.map((c) => c.text)).toEqual([
      'Please re-crawl.',
      '=HYPERLINK("x") <b>fixed</b>',
    ]);
    expect(comments[0]?.by).toBe('reviewer');
  });

  it('accepts an exception with a reason until a date; then it lapses back to review', async () => {
    const path = `/api/assessments/${second}/remediation/condition-0`;
    const far = new Date(Date.now() + 400 * 86_400_000).toISOString();
    const tooLong = await t.call('POST', `${path}/exception`, {
      token: gov,
      body: { reason: 'ok', until: far },
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain('365 days');
    const noReason = await t.call('POST', `${path}/exception`, {
      token: gov,
      body: { reason: ' ', until: '2030-01-01' },
    });
    expect(noReason.status).toBe(400);
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const ok = await t.call('POST', `${path}/exception`, {
      token: gov,
      body: { reason: 'Replacement feed ships next month.', until },
    });
    expect(ok.status).toBe(200);
    expect((await json<Item>(ok)).status).toBe('accepted');
    // Not lapsed yet: a sweep now changes nothing.
    await sweepRemediation(t.portal.deps);
    expect((await json<Item>(t.call('GET', path, { token: proc }))).status).toBe('accepted');
    const before = sent.length;
    const later = { ...t.portal.deps, clock: () => new Date(Date.now() + 11 * 86_400_000) };
    expect(await sweepRemediation(later)).toBe(1);
    const item = await json<Item>(t.call('GET', path, { token: proc }));
    expect(item.status).toBe('open');
    expect(item.exception).toBeNull();
    expect(item.pastExceptions[0]?.lapsedAt).toBeDefined();
    const lapsed = sent.slice(before).filter((m) => m.subject.startsWith('Exception lapsed'));
    expect(lapsed.map((m) => m.to)).toContain('data@acme.test');
    expect(lapsed.map((m) => m.to)).toContain('pat@demo.test');
    // Idempotent: another sweep at the same time sends nothing more.
    expect(await sweepRemediation(later)).toBe(0);
    expect(sent.length).toBe(before + lapsed.length);
    const outbox = await t.portal.deps.repos.outbox.list('demo');
    expect(outbox.some((m) => m.kind === 'contract.lapsed')).toBe(true);
  });

  it('exports the contract in the report CSV: conditions, items, exceptions; vendor text never a formula', async () => {
    const a = await json<{ report: { version: number } }>(
      t.call('GET', `/api/assessments/${second}`, { token: proc }),
    );
    const res = await t.call('GET', `/api/assessments/${second}/reports/${a.report.version}/csv`, {
      token: proc,
    });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('condition,records recycled from the last delivery: at most 10 %');
    expect(csv).toMatch(/remediation,records recycled from the last delivery: at most 10 %/);
    expect(csv).toContain('not measurable');
    // The vendor's text stays text: inside its cell after "vendor: ", never at a cell or line start.
    expect(csv).toContain('vendor: =HYPERLINK');
    expect(csv).not.toMatch(/(^|[\r\n,]|,")=HYPERLINK/m);
  });

  it('prints the contract in the report PDF: each condition with its value, the item and its lapsed exception', async () => {
    const a = await json<{ report: { version: number } }>(
      t.call('GET', `/api/assessments/${second}`, { token: proc }),
    );
    const res = await t.call('GET', `/api/assessments/${second}/reports/${a.report.version}/pdf`, {
      token: proc,
    });
    expect(res.status).toBe(200);
    const text = await pdfFlatText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Delivery contract');
    expect(text).toMatch(
      /records recycled from the last delivery: at most 10 % [—-] BROKEN, measured \d+/,
    );
    expect(text).toContain('Remediation: records recycled from the last delivery');
    expect(text).toMatch(
      /An exception until \d{4}-\d{2}-\d{2} lapsed: Replacement feed ships next month\./,
    );
  });

  it('updates owner and status with compare-and-set (governance), and refuses stale versions', async () => {
    const path = `/api/assessments/${second}/remediation/condition-0`;
    const item = await json<Item>(t.call('GET', path, { token: gov }));
    const stale = await t.call('PATCH', path, {
      token: gov,
      body: { status: 'resolved', version: item.version - 1 },
    });
    expect(stale.status).toBe(409);
    const res = await t.call('PATCH', path, {
      token: gov,
      body: { owner: 'pat@demo.test', status: 'in_progress', version: item.version },
    });
    expect(res.status).toBe(200);
    expect(await json<Item>(res)).toMatchObject({ owner: 'pat@demo.test', status: 'in_progress' });
  });
});
