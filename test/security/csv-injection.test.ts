import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitedAssessment, startWithStaff, type TestPortal } from '../api/harness';
import { deliverTrainingJsonl, textRecords } from '../api/upload-helpers';

/**
 * How many tools read CSV: rows split on any line break (quotes ignored), cells on commas. Returns
 * the cells a spreadsheet would run as a formula (plain numbers aside).
 */
function formulaCellsForNaiveReader(csv: string): string[] {
  return csv
    .split(/\r\n|\n|\r/)
    .flatMap((line) => line.split(','))
    .map((cell) => cell.replace(/^"/, ''))
    .filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
}

const vendorName = 'Acme\n=1+1';
const rareLabel = "zz\n=cmd|'/C calc'!A0";

let t: TestPortal;
let gov: string;
let id: string;
beforeAll(async () => {
  const s = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' });
  ({ t, gov } = s);
  const a = await invitedAssessment(t, s.proc, {
    vendor: { name: vendorName, contactEmail: 'x@acme.test' },
  });
  id = a.id;
  const rows = textRecords(300).map((r, i) =>
    JSON.stringify({ ...JSON.parse(r), label: i % 2 ? 'a' : 'b' }),
  );
  rows.push(
    JSON.stringify({ text: 'One record of a rare class, worded its own way.', label: rareLabel }),
  );
  await deliverTrainingJsonl(t, a.token, `${rows.join('\n')}\n`);
});
afterAll(async () => {
  await t.stop();
});

describe('CSV exports against a line break before a formula', () => {
  it('quotes the vendor name and neutralizes the text after its line break (assessments.csv)', async () => {
    const res = await t.call('GET', '/api/exports/assessments.csv', { token: gov });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(formulaCellsForNaiveReader(csv)).toEqual([]);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.vendor).toBe("Acme\n'=1+1");
  });

  it('neutralizes a rare label quoted in a factor (report CSV)', async () => {
    const a = (await (await t.call('GET', `/api/assessments/${id}`, { token: gov })).json()) as {
      report: { version: number };
    };
    const res = await t.call('GET', `/api/assessments/${id}/reports/${a.report.version}/csv`, {
      token: gov,
    });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain('zz\n');
    expect(formulaCellsForNaiveReader(csv)).toEqual([]);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const rare = rows.find((r) => r.reason?.includes('zz'));
    expect(rare?.reason).toContain("zz\n'=cmd|'/C calc'!A0");
  });
});
