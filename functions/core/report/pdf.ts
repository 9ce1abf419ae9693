import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Analysis } from '../analysis/types';
import type { ScoredReport } from '../scoring';
import { packMatches } from '../scoring/matches';
import type { Labels } from './labels';
import { PdfWriter } from './pdf-layout';

/** A match with the vendor's example texts the API adds for the PDF (services/match-texts.ts). */
type MatchShown = ReturnType<typeof packMatches>[number] & {
  exampleTexts?: { record: number; text: string }[];
};

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
const round = (x: number | string | null) =>
  typeof x === 'number' ? String(Math.round(x * 1000) / 1000) : String(x ?? '-');

/**
 * The report as a PDF (A4, standard fonts, no browser): score, factors with bars, claims the
 * sample contradicts, samples, and the comparison with the last delivery. Runs in Lambda.
 */
export async function reportPdf(
  report: ScoredReport & { version?: number },
  options: { title: string; label: Labels },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(options.title);
  doc.setCreator('Diligence');
  doc.setCreationDate(new Date(report.generatedAt));
  doc.setModificationDate(new Date(report.generatedAt));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new PdfWriter(doc, regular, bold, `Diligence report, SHA-256 ${report.sha256}`);
  w.text(options.title, { size: 18, bold: true, gap: 6 });
  w.text(
    `Report version ${report.version ?? '-'}, generated ${report.generatedAt}, policy version ${report.policyVersion}.`,
  );
  w.text(
    `Collapse-risk score ${report.risk.score} / 100 (${report.risk.tier} risk). Maturity level ${report.maturity.level} of 4.`,
    { size: 12, bold: true, gap: 8 },
  );

  w.heading('Risk factors');
  if (report.risk.factors.length === 0) w.text('No risk factors.');
  const max = Math.max(1, ...report.risk.factors.map((f) => f.points));
  for (const f of report.risk.factors) {
    w.bar(`${f.points.toFixed(1)} points - ${options.label.factor(f.id)}`, f.points, max);
    w.text(f.reason, { indent: 10 });
    w.text(`Fix: ${f.remediation}`, { indent: 10, gap: 5 });
  }

  w.heading('Claims the sample contradicts');
  if (report.discrepancies.length === 0)
    w.text('None: every checked claim agrees with the sample.');
  for (const d of report.discrepancies)
    w.text(`${options.label.other(d.questionId)}: ${d.message}`);

  w.heading('Maturity by dimension');
  for (const d of report.maturity.dimensions)
    w.text(`${options.label.other(d.id)}: level ${d.level}`);

  w.heading('Samples');
  if (report.samples.length === 0) w.text('No sample was analyzed.');
  for (const s of report.samples) {
    w.text(`${s.role === 'holdout' ? 'Holdout' : 'Training'} sample: ${s.input.records} records`, {
      bold: true,
    });
    w.text(
      `Near-duplicates ${pct(s.duplicates.nearRate)}; estimated machine text ${pct(s.synthetic.estimatedShare)}; distinct-2 ${round(s.diversity.distinct2)}; compression ratio ${round(s.diversity.compressionRatio)}; provenance ${pct(s.provenance.completeness)}; personal data ${pct(s.pii.recordShare)}.`,
      { indent: 10, gap: 6 },
    );
  }

  const matched = report.samples.flatMap((s) =>
    packMatches(s as Analysis).map((m) => ({ role: s.role, m: m as MatchShown })),
  );
  if (matched.length > 0) {
    w.heading('Matches with known corpora');
    for (const { role, m } of matched) {
      w.text(`${m.pack} (${m.kind}), ${role} sample: ${pct(m.matchedShare)} of records match`, {
        bold: true,
      });
      w.text(
        `Exact ${pct(m.exactShare)}, near ${pct(m.nearShare)}. Records: ${m.examples.join(', ') || '-'}.`,
        { indent: 10 },
      );
      for (const e of m.exampleTexts ?? [])
        w.text(`Record ${e.record}: "${e.text}"`, { indent: 20, size: 9 });
      w.text(' ', { gap: 4 });
    }
  }

  const c = report.sinceLastDelivery;
  if (c) {
    w.heading('Since last delivery');
    w.text(
      c.degraded
        ? 'Degraded since the previous delivery.'
        : 'No sign of degradation since the previous delivery.',
      { bold: true },
    );
    w.text(
      `Recycled: ${pct(c.overlap.nearRate)} of records repeat the previous delivery. Vocabulary drift (JSD) ${round(c.drift.vocabularyJsd)}.`,
    );
    for (const m of c.changes)
      w.text(`${m.metric}: ${round(m.previous)} -> ${round(m.current)}`, { indent: 10, gap: 1 });
    for (const f of c.findings) w.text(`[${f.severity}] ${f.message}`, { gap: 3 });
  }
  w.text(' ', { gap: 8 });
  w.text(
    `SHA-256 of the report: ${report.sha256}. Check a downloaded bundle with: npx diligence verify <file>.`,
    { size: 8 },
  );
  return doc.save({ useObjectStreams: false });
}
