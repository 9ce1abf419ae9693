import type { Answers, AnswerValue } from '../questionnaire/types';
import type { ScoredReport } from '../scoring';

/**
 * The vendor's answers a report version was scored on: every answered question by id, keys
 * sorted. Stored inside each new report version (and covered by its hash) so the version diff
 * sees every answer, not only those a report quotes.
 */
export type RecordedAnswers = Record<string, AnswerValue>;

/** The answers to record in a new report version (a sorted copy; unanswered questions absent). */
export function recordAnswers(answers: Answers): RecordedAnswers {
  return Object.fromEntries(
    Object.entries(answers)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** A stored report version as the diff reads it; `answers` is absent in versions stored before it existed. */
export type VersionedReport = ScoredReport & { version: number; answers?: RecordedAnswers };

/** One answer that differs between two versions (null: not answered). */
export interface AnswerChange {
  questionId: string;
  from: AnswerValue | null;
  to: AnswerValue | null;
}

/** The answers a report quotes (maturity evidence and discrepancies): all an older version holds. */
function quotedAnswers(r: ScoredReport): Map<string, AnswerValue | null> {
  const out = new Map<string, AnswerValue | null>();
  for (const d of r.maturity.dimensions)
    for (const e of d.evidence) if (!out.has(e.questionId)) out.set(e.questionId, e.answer);
  for (const d of r.discrepancies) if (!out.has(d.questionId)) out.set(d.questionId, d.claimed);
  return out;
}

/**
 * The answers a report version was scored on, for exports of that version: its recorded answers,
 * or for a version stored before answers were recorded, only the answers it quotes (`recorded` false).
 */
export function versionAnswers(r: VersionedReport): { answers: Answers; recorded: boolean } {
  if (r.answers) return { answers: r.answers, recorded: true };
  const quoted: RecordedAnswers = {};
  for (const [id, v] of quotedAnswers(r)) if (v !== null && v !== undefined) quoted[id] = v;
  return { answers: quoted, recorded: false };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The answers that changed between two versions. With both versions' recorded answers every
 * question is compared; otherwise only the answers both reports quote, and `notRecorded` names the
 * versions stored before answers were recorded (so "none changed" is never claimed for them).
 */
export function answerChanges(
  a: VersionedReport,
  b: VersionedReport,
): { answers: AnswerChange[]; notRecorded: number[] } {
  const notRecorded = [a, b].filter((r) => !r.answers).map((r) => r.version);
  const recorded = notRecorded.length === 0;
  const aa = recorded ? new Map(Object.entries(a.answers ?? {})) : quotedAnswers(a);
  const ab = recorded ? new Map(Object.entries(b.answers ?? {})) : quotedAnswers(b);
  const answers = [...new Set([...aa.keys(), ...ab.keys()])]
    .filter((q) => !same(aa.get(q) ?? null, ab.get(q) ?? null))
    .sort()
    .map((questionId) => ({
      questionId,
      from: aa.get(questionId) ?? null,
      to: ab.get(questionId) ?? null,
    }));
  return { answers, notRecorded: [...new Set(notRecorded)] };
}
