import { type Ctx, none, type Outcome, pct } from '../context';
import { type ClaimRule, factor } from './rule';

const HONOURED = 'do_not_train_honoured';
const LICENSE = 'license';
/** A licence text that itself excludes AI training (then a prohibition in the files agrees with it). */
const NO_TRAINING =
  /\b(no[- ]?(ai|train|training|tdm)|not (for|allowed for) (ai|training)|non[- ]?commercial|all rights reserved)\b/i;

/** Images whose own metadata prohibits AI training or data mining (C2PA training-mining, PLUS DataMining). */
export function trainingProhibited(ctx: Ctx): number {
  const p = ctx.training?.images?.provenance;
  if (!p) return 0;
  const plus = Object.entries(p.dataMining)
    .filter(([k]) => /PROHIBITED/i.test(k))
    .reduce((s, [, v]) => s + v, 0);
  return (p.c2pa.trainingMining.notAllowed ?? 0) + plus;
}

/**
 * Image archives: files that say "no AI training" in their own metadata contradict a vendor who
 * says do-not-train signals are honoured, or a licence that allows training (a discrepancy,
 * measured); a C2PA manifest that fails validation is a finding of its own (a sample factor),
 * never counted as evidence of AI origin either way.
 */
export const imageProvenanceRule: ClaimRule = {
  questionIds: [HONOURED, LICENSE],
  candidates: (id) => (id === HONOURED ? [{ value: 'yes' }] : [{ value: 'allows training' }]),
  evaluate(ctx: Ctx): Outcome {
    const images = ctx.training?.images;
    const out = none();
    if (!images) return out;
    const w = ctx.policy.weights;
    const invalid = images.provenance.c2pa.invalid;
    if (invalid > 0) {
      const share = invalid / Math.max(1, images.decoded);
      out.factors.push(
        factor(
          'image_manifest_invalid',
          w.image_manifest_invalid * Math.min(1, share / 0.05),
          `${invalid} sample ${invalid === 1 ? 'image' : 'images'} (${pct(share)}) ${invalid === 1 ? 'carries' : 'carry'} a C2PA manifest that fails validation: changed after signing, or broken.`,
          'sample',
          [],
        ),
      );
    }
    const prohibited = trainingProhibited(ctx);
    if (prohibited === 0) return out;
    const share = prohibited / Math.max(1, images.decoded);
    const licence =
      typeof ctx.answers[LICENSE] === 'string' ? (ctx.answers[LICENSE] as string) : undefined;
    const claims: [string, string][] = [];
    if (ctx.answers[HONOURED] === 'yes')
      claims.push([HONOURED, 'do-not-train signals are honoured']);
    if (licence && licence !== 'unknown' && !NO_TRAINING.test(licence))
      claims.push([LICENSE, `the licence ("${licence.slice(0, 80)}") allows training`]);
    for (const [questionId, claimed] of claims) {
      const message = `The answers say ${claimed}, but ${prohibited} sample ${prohibited === 1 ? 'image' : 'images'} (${pct(share)}) ${prohibited === 1 ? 'prohibits' : 'prohibit'} AI training or data mining in their own metadata (C2PA training-mining "notAllowed" or PLUS DataMining).`;
      out.factors.push(
        factor(
          'image_training_prohibited',
          w.image_training_prohibited * Math.min(1, share / 0.05),
          message,
          'discrepancy',
          [questionId],
        ),
      );
      out.discrepancies.push({
        questionId,
        claimed: String(ctx.answers[questionId]),
        measured: Math.round(share * 1000) / 1000,
        tolerance: 0,
        unit: 'share',
        message,
        evidence: 'measured',
      });
    }
    return out;
  },
};
