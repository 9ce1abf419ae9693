import { parse } from 'csv-parse/sync';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { aiTrainingDataV1 } from '../../../functions/core/questionnaire';
import {
  croissantExport,
  diffReports,
  labeler,
  partialAnswersNote,
  REQUIRED_RAI,
  reportCsv,
  safeCell,
  toCsv,
  verifyReport,
  versionAnswers,
} from '../../../functions/core/report';
import { reportPdf } from '../../../functions/core/report/pdf';
import { withHash } from '../../../functions/core/scoring';
import { loadAnswers, run } from '../scoring/inputs';
import { makeAnalysis } from '../scoring/make-analysis';

const honest = loadAnswers('honest-vendor');
const label = labeler(aiTrainingDataV1);
const v1 = { ...withHash(run(honest)), version: 1 };
const v2 = {
  ...withHash(
    run(
      { ...honest, synthetic_share_percent: 40, dedup_method: 'none' },
      { training: makeAnalysis({ duplicates: { nearRate: 0.3, exactRate: 0.2 } }) },
    ),
  ),
  version: 2,
};

describe('CSV export', () => {
  it('neutralizes every cell a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'])
      expect(safeCell(bad)).toBe(`'${bad}`);
    expect(safeCell('plain')).toBe('plain');
    expect(safeCell(-3)).toBe(-3);
    const csv = toCsv(['name'], [['=HYPERLINK("http://x")'], ['a,"b"\nc']]);
    const rows = parse(csv) as string[][];
    expect(rows[1]?.[0]).toBe('\'=HYPERLINK("http://x")');
    expect(rows[2]?.[0]).toBe('a,"b"\nc');
  });

  it('neutralizes the text after every line break in a cell and quotes the cell', () => {
    expect(safeCell('Acme\n=1+1')).toBe("Acme\n'=1+1");
    expect(safeCell('a\r\n@x\r+y\n\t z')).toBe("a\r\n'@x\r'+y\n'\t z");
    expect(safeCell('=a\n-b')).toBe("'=a\n'-b");
    expect(safeCell('two\nlines')).toBe('two\nlines');
    const csv = toCsv(
      ['name', 'n'],
      [
        ['bare\nbreak', 1],
        ['cr\ronly', 2],
      ],
    );
    expect(csv).toBe('name,n\r\n"bare\nbreak",1\r\n"cr\ronly",2\r\n');
  });

  it("lists a report's factors and discrepancies, one row each", () => {
    const rows = parse(reportCsv(v2, label), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.kind === 'factor')).toHaveLength(v2.risk.factors.length);
    expect(rows.filter((r) => r.kind === 'discrepancy')).toHaveLength(v2.discrepancies.length);
    expect(v2.discrepancies.length).toBeGreaterThan(0);
    expect(rows[0]?.points).toBe(String(v2.risk.factors[0]?.points));
  });
});

describe('report integrity', () => {
  it('verifies an intact report and names what changed in a tampered one', () => {
    expect(verifyReport(v2)).toMatchObject({ ok: true, version: 2, sha256: v2.sha256 });
    const tampered = structuredClone(v2);
    tampered.risk.score = 0;
    const r = verifyReport(tampered);
    expect(r.ok).toBe(false);
    expect(verifyReport({ hello: 1 })).toMatchObject({ ok: false });
    expect(verifyReport(v2, 'f'.repeat(64))).toMatchObject({ ok: false });
  });
});

describe('version diff', () => {
  it('shows score, tier, factors, answers and samples that changed', () => {
    const d = diffReports(v1, v2);
    expect(d.score.change).toBe(v2.risk.score - v1.risk.score);
    expect(d.score.change).toBeGreaterThan(0);
    expect(d.factors.added.map((f) => f.id)).toContain('no_dedup');
    expect(d.answers.map((a) => a.questionId)).toEqual(
      expect.arrayContaining(['synthetic_share_percent', 'dedup_method']),
    );
    expect(d.answers.find((a) => a.questionId === 'dedup_method')?.to).toBe('none');
    expect(d.samples).toEqual([expect.objectContaining({ role: 'training', change: 'added' })]);
    const same = diffReports(v1, v1);
    expect(same.factors).toEqual({ added: [], removed: [], changed: [] });
    expect(same.answers).toEqual([]);
  });
});

describe('Croissant RAI export', () => {
  it('carries the RAI context, every required property, and measurements marked as measured', () => {
    const doc = croissantExport({
      report: v2,
      answers: honest,
      template: aiTrainingDataV1,
      dataset: { name: 'Support chats', intendedUse: 'fine-tuning a support assistant' },
    });
    expect(doc['@context']).toMatchObject({
      cr: 'http://mlcommons.org/croissant/',
      rai: 'http://mlcommons.org/croissant/RAI/',
    });
    for (const prop of REQUIRED_RAI) expect((doc[prop] as string[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(doc['rai:dataCollectionType'])).toContain('Measured in the sample');
    expect(JSON.stringify(doc['rai:dataUseCases'])).toContain('fine-tuning a support assistant');
    const measured = doc.variableMeasured as {
      name: string;
      value: unknown;
      description: string;
    }[];
    expect(measured.find((m) => m.name === 'near-duplicate rate')?.value).toBe(0.3);
    expect(measured.every((m) => m.description.includes('not claimed'))).toBe(true);
  });
});

describe('answers of a report version', () => {
  it('are its recorded answers, or for an older version only those it quotes', () => {
    const recorded = { ...v2, answers: { dataset_version: 'r7', synthetic_share_percent: 40 } };
    expect(versionAnswers(recorded)).toEqual({ answers: recorded.answers, recorded: true });
    const older = versionAnswers(v2);
    expect(older.recorded).toBe(false);
    const quoted = v2.discrepancies[0];
    expect(quoted && older.answers[quoted.questionId]).toEqual(quoted?.claimed);
    const doc = croissantExport({
      report: v2,
      ...{ answers: older.answers, answersRecorded: older.recorded },
      template: aiTrainingDataV1,
    });
    expect((doc['dct:source'] as { description?: string }).description).toBe(partialAnswersNote);
  });
});

describe('PDF', () => {
  it('renders the report to a readable PDF without a browser', async () => {
    const bytes = await reportPdf(v2, { title: 'Support chats (Acme)', label });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe('Support chats (Acme)');
  });
});
