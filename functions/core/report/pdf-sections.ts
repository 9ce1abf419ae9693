/** Sections of the report PDF: decision, samples, since last delivery, how this was measured. */
import type { ScoredReport } from '../scoring';
import { decisionWords, type VersionDecision } from './decision-record';
import { imageFacts, imageSentence } from './image-words';
import type { Labels } from './labels';
import type { PdfWriter } from './pdf-layout';
import { changeSentence, deliveryWords, isMethodNote, pct } from './plain-words';

/** The decision on this version, with the reviewer's e-mail address and every comment. */
export function decisionSection(
  w: PdfWriter,
  version: number | undefined,
  d: VersionDecision | undefined,
  label: Labels,
): void {
  w.heading('Decision');
  if (!d) {
    w.text('No decision yet: this report is awaiting review.');
    return;
  }
  const r = d.record;
  const line = `${decisionWords[r.decision]} on ${r.at.slice(0, 10)} (${r.at.slice(11, 16)} UTC) by ${r.by}`;
  if (version !== undefined && d.version !== version) {
    w.text(
      `No decision on this version. The latest decision (${line}) was made on report version ${d.version}.`,
    );
    return;
  }
  w.text(`${line}, on this report version.`, { bold: true });
  if (r.comments.length === 0) w.text('No comment was given.');
  for (const c of r.comments)
    w.text(
      c.questionId
        ? `Comment on "${label.other(c.questionId)}": ${c.comment}`
        : `Comment: ${c.comment}`,
      { indent: 10, gap: 2 },
    );
}

/** The files the report is built on (name, role, SHA-256) and what was found in them. */
export function samplesSection(w: PdfWriter, report: ScoredReport): void {
  w.heading('What this report is built on');
  if (report.samples.length === 0) w.text('No sample was analyzed.');
  for (const s of report.samples) {
    const role = s.role === 'holdout' ? 'holdout' : 'training';
    const name = s.file?.fileName ?? `an unnamed ${role} file`;
    const facts = s.images ? imageFacts(s.images) : null;
    w.text(
      `${name} (${role} sample, ${facts ? `${facts.decoded + facts.undecodable} images` : `${s.input.records} records`})`,
      { bold: true },
    );
    if (s.file)
      w.text(
        `Uploaded ${s.file.uploadedAt.slice(0, 10)}; SHA-256 ${s.file.sha256 || 'not recorded'}`,
        {
          indent: 10,
          size: 8,
        },
      );
    if (facts) {
      w.text(imageSentence(facts), { indent: 10, gap: 6 });
      continue;
    }
    w.text(
      `Machine-made (estimate): ${pct(s.synthetic.estimatedShare)} of records. Recycled: ${pct(s.duplicates.nearRate)} near copies, ${pct(s.duplicates.exactRate)} exact copies. Records with a recorded source: ${pct(s.provenance.completeness)}. Records with personal data: ${pct(s.pii.recordShare)}.`,
      { indent: 10, gap: 6 },
    );
  }
}

/** "Since last delivery" in buyer words: machine-made, recycled, what changed, what to do. */
export function deliverySection(w: PdfWriter, report: ScoredReport): void {
  const c = report.sinceLastDelivery;
  if (!c) return;
  const words = deliveryWords(c);
  w.heading('Since last delivery');
  w.text(words.verdict, { bold: true });
  w.text(words.machineMade);
  w.text(words.recycled);
  for (const line of words.changed) w.text(line);
  w.text(words.todo, { bold: true, gap: 5 });
  for (const m of c.changes) w.text(changeSentence(m), { indent: 10, gap: 1 });
}

/** The method, last: measurement names, method notes and the comparison's technical detail. */
export function methodSection(w: PdfWriter, report: ScoredReport): void {
  w.heading('How this was measured');
  for (const s of report.samples) {
    w.text(`${s.file?.fileName ?? s.role}: ${s.synthetic.method}`, { size: 8 });
    if (s.images) w.text(`Copies: ${s.images.duplicates.method}`, { size: 8 });
    else
      w.text(
        `Diversity: distinct-2 ${s.diversity.distinct2.toFixed(3)}, compression ratio ${s.diversity.compressionRatio.toFixed(2)}.`,
        { size: 8 },
      );
    for (const f of s.findings.filter(isMethodNote)) w.text(f.message, { size: 8 });
  }
  const c = report.sinceLastDelivery;
  if (c) {
    w.text(
      `Delivery comparison: vocabulary drift (Jensen-Shannon divergence) ${c.drift.vocabularyJsd.toFixed(3)}; diversity compared on ${c.basis.diversityTokens} words of each delivery, noise = spread between random halves.`,
      { size: 8 },
    );
    for (const f of c.findings) w.text(f.message, { size: 8 });
  }
}
