import type { RiskFactor, ScoredReport } from '../scoring';
import { type AnswerChange, answerChanges, type VersionedReport } from './answers';
import { type ImageFacts, imageFacts } from './image-words';

export type { VersionedReport } from './answers';

/** A factor present in both versions whose points or reason changed. */
export interface FactorChange {
  id: string;
  from: { points: number; reason: string };
  to: { points: number; reason: string };
}

/** What changed between two report versions of one assessment. */
export interface ReportDiff {
  from: { version: number; generatedAt: string; sha256: string };
  to: { version: number; generatedAt: string; sha256: string };
  score: { from: number; to: number; change: number };
  tier: { from: string; to: string; changed: boolean };
  maturity: { from: number; to: number };
  factors: { added: RiskFactor[]; removed: RiskFactor[]; changed: FactorChange[] };
  /** Answers that changed: every answer when both versions recorded them (see `answersNotRecorded`). */
  answers: AnswerChange[];
  /** Versions stored before reports recorded every answer: only their quoted answers were compared. */
  answersNotRecorded: number[];
  samples: {
    role: string;
    change: 'added' | 'removed' | 'changed';
    from?: SampleFacts;
    to?: SampleFacts;
  }[];
  discrepancies: { added: string[]; removed: string[] };
}

/** The headline facts of a sample in a report. */
export interface SampleFacts {
  records: number;
  bytes: number;
  nearRate: number;
  estimatedShare: number;
  /** An archive of images: its image measures (the text facts above do not describe it). */
  images?: ImageFacts;
}

const facts = (s: ScoredReport['samples'][number]): SampleFacts => ({
  records: s.input.records,
  bytes: s.input.bytes,
  nearRate: s.duplicates.nearRate,
  estimatedShare: s.synthetic.estimatedShare,
  ...(s.images ? { images: imageFacts(s.images) } : {}),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The differences between two versions of a report: score and tier, factors, answers, samples. */
export function diffReports(a: VersionedReport, b: VersionedReport): ReportDiff {
  const fa = new Map(a.risk.factors.map((f) => [f.id, f]));
  const fb = new Map(b.risk.factors.map((f) => [f.id, f]));
  const changed: FactorChange[] = [];
  for (const [id, f] of fb) {
    const old = fa.get(id);
    if (old && (old.points !== f.points || old.reason !== f.reason))
      changed.push({
        id,
        from: { points: old.points, reason: old.reason },
        to: { points: f.points, reason: f.reason },
      });
  }
  const { answers, notRecorded } = answerChanges(a, b);
  const samples: ReportDiff['samples'] = [];
  for (const role of ['training', 'holdout']) {
    const sa = a.samples.find((s) => s.role === role);
    const sb = b.samples.find((s) => s.role === role);
    if (sa && !sb) samples.push({ role, change: 'removed', from: facts(sa) });
    else if (!sa && sb) samples.push({ role, change: 'added', to: facts(sb) });
    else if (sa && sb && !same(facts(sa), facts(sb)))
      samples.push({ role, change: 'changed', from: facts(sa), to: facts(sb) });
  }
  const da = new Set(a.discrepancies.map((d) => d.questionId));
  const db = new Set(b.discrepancies.map((d) => d.questionId));
  const meta = (r: VersionedReport) => ({
    version: r.version,
    generatedAt: r.generatedAt,
    sha256: r.sha256,
  });
  return {
    from: meta(a),
    to: meta(b),
    score: { from: a.risk.score, to: b.risk.score, change: b.risk.score - a.risk.score },
    tier: { from: a.risk.tier, to: b.risk.tier, changed: a.risk.tier !== b.risk.tier },
    maturity: { from: a.maturity.level, to: b.maturity.level },
    factors: {
      added: b.risk.factors.filter((f) => !fa.has(f.id)),
      removed: a.risk.factors.filter((f) => !fb.has(f.id)),
      changed,
    },
    answers,
    answersNotRecorded: notRecorded,
    samples,
    discrepancies: {
      added: [...db].filter((q) => !da.has(q)),
      removed: [...da].filter((q) => !db.has(q)),
    },
  };
}
