import type { AnswerValue } from '../questionnaire/types';
import type { RiskFactor, ScoredReport } from '../scoring';

/** A stored report version as the diff reads it. */
export type VersionedReport = ScoredReport & { version: number };

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
  answers: { questionId: string; from: AnswerValue | null; to: AnswerValue | null }[];
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
}

/** The answers a report records (the maturity evidence quotes every answer it judged). */
function answersOf(r: ScoredReport): Map<string, AnswerValue | null> {
  const out = new Map<string, AnswerValue | null>();
  for (const d of r.maturity.dimensions)
    for (const e of d.evidence) if (!out.has(e.questionId)) out.set(e.questionId, e.answer);
  for (const d of r.discrepancies) if (!out.has(d.questionId)) out.set(d.questionId, d.claimed);
  return out;
}

const facts = (s: ScoredReport['samples'][number]): SampleFacts => ({
  records: s.input.records,
  bytes: s.input.bytes,
  nearRate: s.duplicates.nearRate,
  estimatedShare: s.synthetic.estimatedShare,
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
  const aa = answersOf(a);
  const ab = answersOf(b);
  const answers = [...new Set([...aa.keys(), ...ab.keys()])]
    .filter((q) => !same(aa.get(q) ?? null, ab.get(q) ?? null))
    .sort()
    .map((questionId) => ({
      questionId,
      from: aa.get(questionId) ?? null,
      to: ab.get(questionId) ?? null,
    }));
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
    samples,
    discrepancies: {
      added: [...db].filter((q) => !da.has(q)),
      removed: [...da].filter((q) => !db.has(q)),
    },
  };
}
