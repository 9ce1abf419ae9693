import type { Analysis } from '../analysis/types';
import type { ScoredReport } from '../scoring';
import { packMatches } from '../scoring/matches';
import type { PdfWriter } from './pdf-layout';

/** A match with the vendor's example texts the API adds for the PDF (services/match-texts.ts). */
type MatchShown = ReturnType<typeof packMatches>[number] & {
  exampleTexts?: { record: number; text: string }[];
};

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** "Matches with known corpora": each fingerprint pack match with a few of the vendor's records. */
export function matchesSection(w: PdfWriter, report: ScoredReport): void {
  const matched = report.samples.flatMap((s) =>
    packMatches(s as Analysis).map((m) => ({ role: s.role, m: m as MatchShown })),
  );
  if (matched.length === 0) return;
  w.heading('Matches with known corpora');
  for (const { role, m } of matched) {
    w.text(`${m.pack} (${m.kind}), ${role} sample: ${pct(m.matchedShare)} of records match`, {
      bold: true,
    });
    w.text(
      `Exactly the same ${pct(m.exactShare)}, nearly the same ${pct(m.nearShare)}. Records: ${m.examples.join(', ') || '-'}.`,
      { indent: 10 },
    );
    for (const e of m.exampleTexts ?? [])
      w.text(`Record ${e.record}: "${e.text}"`, { indent: 20, size: 9 });
    w.text(' ', { gap: 4 });
  }
}
