import type { Analysis } from '../analysis/types';
import { answerText } from '../questionnaire/answer-text';
import { findQuestion } from '../questionnaire/registry';
import type { Answers, QuestionnaireTemplate } from '../questionnaire/types';
import { measurementFor } from './image-measurements';
import { MEASUREMENTS } from './measurements';
import type { Framework, FrameworkId, FrameworkSource } from './types';

/** The frameworks a vendor publishes itself and can download a prefilled draft of. */
export const DRAFT_FRAMEWORKS = ['ca-ab2013', 'eu-gpai-summary'] as const satisfies FrameworkId[];

/** What a vendor's measurement line says when no sample has been analyzed yet. */
export const NOT_MEASURED_YET = 'not measured yet';

/** One item of a vendor's draft: its own answers, the measurements of its sample, or "to complete". */
export interface DraftItem {
  id: string;
  ref: string;
  title: string;
  /** Answered by the vendor, only measured on its sample, or still to complete. */
  status: 'answered' | 'measured' | 'to_complete';
  /** The vendor's own answers, as text (never rendered as HTML). */
  answers: { questionId: string; prompt: string; text: string }[];
  /** Measurements of the vendor's samples; `text` is "not measured yet" before any analysis. */
  measurements: { ref: string; label: string; text: string }[];
  /** What is left to do for the item, when something is. */
  note: string | null;
}

/** A vendor's prefilled draft of one framework's disclosure (not legal advice). */
export interface VendorDraft {
  draft: true;
  notice: string;
  framework: { id: FrameworkId; title: string; source: FrameworkSource };
  generatedAt: string;
  /** The answers it was made from: the assessment's version and when it was saved or submitted. */
  answersFrom: { version: number; savedAt: string; submittedAt: string | null };
  dataset: { name: string };
  vendor: { name: string };
  counts: { answered: number; measured: number; toComplete: number };
  items: DraftItem[];
}

/** What a draft is made from: the vendor's current answers and its analyzed samples (if any). */
export interface VendorDraftInput {
  framework: Framework;
  template: QuestionnaireTemplate;
  answers: Answers;
  analyses: { training?: Analysis; holdout?: Analysis };
  generatedAt: string;
  answersFrom: VendorDraft['answersFrom'];
  dataset: { name: string };
  vendor: { name: string };
}

const given = (v: unknown) =>
  v !== undefined && v !== null && v !== '' && v !== 'unknown' && !(Array.isArray(v) && !v.length);

/** The plain statement every draft starts with: a draft, not legal advice, from which answers. */
export function draftNotice(input: Pick<VendorDraftInput, 'generatedAt' | 'answersFrom'>): string {
  const { version, savedAt, submittedAt } = input.answersFrom;
  const from = submittedAt
    ? `your answers as submitted on ${submittedAt.slice(0, 10)}`
    : `your current answers (not yet submitted; last saved ${savedAt.slice(0, 10)})`;
  return (
    `This is a draft, not legal advice. Diligence generated it on ${input.generatedAt.slice(0, 10)} ` +
    `from ${from}, questionnaire version ${version}, and the measurements of your uploaded samples. ` +
    'Check every item, complete the ones marked "to complete", and have it reviewed before you publish it.'
  );
}

function draftItem(def: Framework['items'][number], input: VendorDraftInput): DraftItem {
  const answers = def.questions.flatMap((id) => {
    const q = findQuestion(input.template, id);
    const v = Object.hasOwn(input.answers, id) ? input.answers[id] : undefined;
    if (!q || v === undefined || v === '') return [];
    const text = v === 'unknown' ? 'unknown (not disclosed)' : answerText(q, v);
    return [{ questionId: id, prompt: q.prompt, text }];
  });
  const roles = (['training', 'holdout'] as const).filter((r) => input.analyses[r]);
  const measurements = roles.length
    ? roles.flatMap((role) =>
        def.measurements.flatMap((id) => {
          const a = input.analyses[role] as Analysis;
          const m = measurementFor(id, a);
          const value = m?.read(a) ?? null;
          return m && value !== null ? [{ ref: `${role}.${id}`, label: m.label, text: value }] : [];
        }),
      )
    : def.measurements.flatMap((id) => {
        const m = MEASUREMENTS[id];
        return m ? [{ ref: id, label: m.label, text: NOT_MEASURED_YET }] : [];
      });
  const answered = def.questions.some((id) => given(input.answers[id]));
  const measured = measurements.some((m) => m.text !== NOT_MEASURED_YET);
  const open = def.questions
    .filter((id) => !given(input.answers[id]))
    .map((id) => `"${findQuestion(input.template, id)?.prompt ?? id}"`);
  const note = def.gap
    ? `To complete yourself: ${def.gap}`
    : !answered && open.length
      ? `To complete: answer ${open.join(', ')} in the questionnaire.`
      : null;
  return {
    id: def.id,
    ref: def.ref,
    title: def.title,
    status: answered ? 'answered' : measured ? 'measured' : 'to_complete',
    answers,
    measurements,
    note,
  };
}

/**
 * A vendor's draft of a framework's disclosure, prefilled item by item from its own answers and the
 * measurements of its samples; items nothing speaks to are marked "to complete". Buyer-side
 * findings (contradicted claims, scores, fingerprint matches) are never part of it.
 */
export function vendorDraft(input: VendorDraftInput): VendorDraft {
  const items = input.framework.items.map((def) => draftItem(def, input));
  const count = (s: DraftItem['status']) => items.filter((i) => i.status === s).length;
  return {
    draft: true,
    notice: draftNotice(input),
    framework: {
      id: input.framework.id,
      title: input.framework.title,
      source: input.framework.source,
    },
    generatedAt: input.generatedAt,
    answersFrom: input.answersFrom,
    dataset: { name: input.dataset.name },
    vendor: { name: input.vendor.name },
    counts: {
      answered: count('answered'),
      measured: count('measured'),
      toComplete: count('to_complete'),
    },
    items,
  };
}
