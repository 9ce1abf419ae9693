import { parseDeclaredLanguages } from '../../analysis/languages/codes';
import { type Ctx, none, type Outcome, pct } from '../context';
import { type ClaimRule, factor } from './rule';

/** A measured language not declared is a discrepancy from this share of records... */
export const UNDECLARED_SHARE = 0.1;
/** ...when its lower bound (share minus the sampling error) is still above this. */
export const UNDECLARED_LOWER_BOUND = 0.05;
/** A declared language measured below this share of records is absent. */
export const ABSENT_BELOW = 0.01;
/** Records a sample needs before languages are checked at all. */
export const LANGUAGE_MIN_RECORDS = 50;

/** Half-width of the 95 % interval of a share measured on `k` records out of `n`. */
function margin(p: number, k: number, n: number): number {
  if (k <= 0 || k >= n) return 0;
  return 1.96 * Math.sqrt(((p * (1 - p)) / k) * ((n - k) / Math.max(1, n - 1)));
}

/** The records the language shares were measured on (the language sample, or every record). */
function sampled(ctx: Ctx): number {
  const t = ctx.training;
  const method = t?.findings.find((f) => f.id === 'languages.method');
  const k = method?.evidence.sampled;
  return typeof k === 'number' ? k : (t?.input.records ?? 0);
}

/**
 * Declared languages (`languages`, ISO 639 codes) the sample contradicts: a language measured on
 * at least `UNDECLARED_SHARE` of records (lower bound above `UNDECLARED_LOWER_BOUND`) that was not
 * declared, or a declared one measured below `ABSENT_BELOW`. An answer that is not a list of codes
 * counts as undeclared: no discrepancy.
 */
export const languagesRule: ClaimRule = {
  questionIds: ['languages'],
  candidates: () => [{ value: '', label: 'no list of codes' }],
  evaluate(ctx: Ctx): Outcome {
    const declared = parseDeclaredLanguages(ctx.answers.languages);
    const measured = ctx.training?.languages;
    const t = ctx.training;
    if (!declared || !measured || !t || t.input.records < LANGUAGE_MIN_RECORDS) return none();
    const k = sampled(ctx);
    const out = none();
    const claimed = declared.join(', ');
    for (const { language, share } of measured.detected) {
      if (declared.includes(language)) continue;
      const lower = share - margin(share, k, t.input.records);
      if (share < UNDECLARED_SHARE || lower <= UNDECLARED_LOWER_BOUND) continue;
      out.discrepancies.push({
        questionId: 'languages',
        claimed,
        measured: Math.round(share * 1000) / 1000,
        tolerance: UNDECLARED_SHARE,
        unit: 'share',
        message: `The declared languages are ${claimed}, but ${pct(share)} of sample records are in "${language}" (at least ${pct(Math.max(0, lower))}); tolerance ${pct(UNDECLARED_SHARE)}.`,
        evidence: 'measured',
      });
    }
    for (const language of declared) {
      const share = measured.detected.find((d) => d.language === language)?.share ?? 0;
      if (share >= ABSENT_BELOW) continue;
      out.discrepancies.push({
        questionId: 'languages',
        claimed,
        measured: Math.round(share * 1000) / 1000,
        tolerance: ABSENT_BELOW,
        unit: 'share',
        message: `"${language}" is declared, but only ${pct(share)} of sample records are in it (below ${pct(ABSENT_BELOW)}).`,
        evidence: 'measured',
      });
    }
    if (out.discrepancies.length > 0) {
      out.factors.push(
        factor(
          'languages_contradicted',
          ctx.policy.weights.languages_contradicted,
          out.discrepancies.map((d) => d.message).join(' '),
          'discrepancy',
          ['languages'],
        ),
      );
    }
    return out;
  },
};
