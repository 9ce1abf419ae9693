import type { Analysis } from '../analysis/types';
import { answerText } from '../questionnaire/answer-text';
import { findQuestion } from '../questionnaire/registry';
import type { Answers, QuestionnaireTemplate } from '../questionnaire/types';
import { plainText } from '../report/plain-words';
import type { ReportSample, ScoredReport } from '../scoring/types';
import { measurementFor } from './image-measurements';
import type {
  Framework,
  FrameworkItemDef,
  FrameworkPack,
  ItemEvidence,
  ItemStatus,
  PackItem,
} from './types';

/** What a pack is computed from: one report version, the answers it was scored on, its template. */
export interface PackInput {
  report: ScoredReport & { version?: number };
  answers: Answers;
  template: QuestionnaireTemplate;
}

const unanswered = (v: unknown) =>
  v === undefined || v === null || v === '' || v === 'unknown' || (Array.isArray(v) && !v.length);

function answerEvidence(def: FrameworkItemDef, input: PackInput): ItemEvidence[] {
  return def.questions.flatMap((id) => {
    const q = findQuestion(input.template, id);
    const v = Object.hasOwn(input.answers, id) ? input.answers[id] : undefined;
    if (!q || v === undefined || v === null || v === '') return [];
    const text = v === 'unknown' ? 'unknown (not disclosed)' : answerText(q, v);
    return [{ kind: 'answer' as const, ref: id, text: plainText(`${q.prompt}: ${text}`) }];
  });
}

function measurementEvidence(def: FrameworkItemDef, samples: ReportSample[]): ItemEvidence[] {
  return samples.flatMap((s) =>
    def.measurements.flatMap((id) => {
      // An archive of images is read in image words; text measurements do not apply to it.
      const m = measurementFor(id, s as Analysis);
      const value = m?.read(s as Analysis) ?? null;
      if (!m || value === null) return [];
      return [
        { kind: 'measurement' as const, ref: `${s.role}.${id}`, text: `${m.label}: ${value}` },
      ];
    }),
  );
}

function discrepancyEvidence(def: FrameworkItemDef, report: ScoredReport): ItemEvidence[] {
  const claims = new Set([...def.questions, ...(def.claims ?? [])]);
  return report.discrepancies
    .filter((d) => claims.has(d.questionId))
    .map((d) => ({ kind: 'discrepancy' as const, ref: d.questionId, text: plainText(d.message) }));
}

/** One item's status and evidence: a contradiction over a measurement over an answer. */
export function evaluateItem(def: FrameworkItemDef, input: PackInput): PackItem {
  const discrepancies = discrepancyEvidence(def, input.report);
  const measurements = measurementEvidence(def, input.report.samples);
  const answers = answerEvidence(def, input);
  const answered = def.questions.some((id) => !unanswered(input.answers[id]));
  const status: ItemStatus = discrepancies.length
    ? 'contradicted'
    : measurements.length
      ? 'measured'
      : answered
        ? 'answered'
        : 'missing';
  return {
    id: def.id,
    title: def.title,
    ref: def.ref,
    status,
    evidence: [...discrepancies, ...measurements, ...answers],
  };
}

/**
 * The framework pack of one report version: every item's status and evidence, computed only from
 * the report, the answers it was scored on and the template, so a version always yields the same
 * pack.
 */
export function computePack(framework: Framework, input: PackInput): FrameworkPack {
  const items = framework.items.map((def) => evaluateItem(def, input));
  const counts: Record<ItemStatus, number> = {
    answered: 0,
    measured: 0,
    contradicted: 0,
    missing: 0,
  };
  for (const i of items) counts[i.status] += 1;
  return {
    id: framework.id,
    title: framework.title,
    source: framework.source,
    report: {
      assessmentId: input.report.assessmentId,
      version: input.report.version ?? null,
      sha256: input.report.sha256,
    },
    counts,
    items,
  };
}
