import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ScoredReport } from '../scoring';
import type { VersionDecision } from './decision-record';
import type { Labels } from './labels';
import { contractSection, type PdfContract } from './pdf-contract';
import { PdfWriter } from './pdf-layout';
import { matchesSection } from './pdf-matches';
import { decisionSection, deliverySection, methodSection, samplesSection } from './pdf-sections';
import { plainText } from './plain-words';

/**
 * The report as a PDF (A4, standard fonts, no browser), a decision record: the decision with the
 * reviewer's e-mail address and comments (see `decision-record.ts` for why it is joined at render
 * time), the files the report is built on (names and SHA-256), score, factors with bars, claims
 * the sample contradicts, the comparison with the last delivery in buyer words, the delivery
 * contract and its remediation items, and the method
 * under "How this was measured" at the end. Answers read as option labels and units. Runs in Lambda.
 */
export async function reportPdf(
  report: ScoredReport & { version?: number },
  options: { title: string; label: Labels; decision?: VersionDecision; contract?: PdfContract },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(options.title);
  doc.setCreator('Diligence');
  doc.setCreationDate(new Date(report.generatedAt));
  doc.setModificationDate(new Date(report.generatedAt));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new PdfWriter(doc, regular, bold, `Diligence report, SHA-256 ${report.sha256}`);
  const label = options.label;
  w.text(options.title, { size: 18, bold: true, gap: 6 });
  w.text(
    `Report version ${report.version ?? '-'}, generated ${report.generatedAt}, policy version ${report.policyVersion}.`,
  );
  w.text(
    `Collapse-risk score ${report.risk.score} / 100 (${report.risk.tier} risk). Maturity level ${report.maturity.level} of 4.`,
    { size: 12, bold: true, gap: 8 },
  );
  decisionSection(w, report.version, options.decision, label);
  samplesSection(w, report);

  w.heading('Risk factors');
  if (report.risk.factors.length === 0) w.text('No risk factors.');
  const max = Math.max(1, ...report.risk.factors.map((f) => f.points));
  for (const f of report.risk.factors) {
    w.bar(`${f.points.toFixed(1)} points - ${label.factor(f.id)}`, f.points, max);
    w.text(label.plain(plainText(f.reason)), { indent: 10 });
    w.text(`What to do: ${label.plain(plainText(f.remediation))}`, { indent: 10, gap: 5 });
  }

  w.heading('Claims the sample contradicts');
  if (report.discrepancies.length === 0)
    w.text('None: every checked claim agrees with the sample.');
  for (const d of report.discrepancies) {
    w.text(`${label.other(d.questionId)}`, { bold: true });
    w.text(
      `Claimed: ${label.answer(d.questionId, d.claimed)}. ${label.plain(plainText(d.message))}`,
      {
        indent: 10,
        gap: 4,
      },
    );
  }

  w.heading('Maturity by dimension');
  for (const d of report.maturity.dimensions) w.text(`${label.other(d.id)}: level ${d.level} of 4`);

  matchesSection(w, report);
  deliverySection(w, report);
  contractSection(w, options.contract);
  methodSection(w, report);
  w.text(' ', { gap: 8 });
  w.text(
    `SHA-256 of the report: ${report.sha256}. Check a downloaded bundle with: npx diligence verify <file>.`,
    { size: 8 },
  );
  return doc.save({ useObjectStreams: false });
}
