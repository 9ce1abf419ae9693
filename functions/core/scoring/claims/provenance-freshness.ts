import type { Analysis } from '../../analysis/types';
import { type Ctx, fmt, list, monthsBefore, none, parseDate, pct, ramp, str } from '../context';
import { fieldShare } from '../evidence';
import {
  IMAGE_META_LIST,
  imageSourceShare,
  provenanceCompleteness,
  unitsOf,
} from '../sample-units';
import { type ClaimRule, factor } from './rule';

const FIELDS = [
  'source',
  'creation_method',
  'license',
  'collection_date',
  'transformation_history',
];

const sampleShare = (a: Analysis, field: string): number | undefined => {
  // an archive of images: only a source per image is read (from its metadata list), no other field
  if (a.images) return field === 'source' ? imageSourceShare(a) : undefined;
  if (field === 'source') return fieldShare(a, 'source');
  if (field === 'license') return fieldShare(a, 'license');
  if (field === 'collection_date') return fieldShare(a, 'createdAt');
  if (field === 'creation_method')
    return Math.max(fieldShare(a, 'synthetic'), fieldShare(a, 'generator'));
  return undefined;
};

/** Provenance fields records lack, and claimed fields the sample lacks. */
export const provenanceFieldsRule: ClaimRule = {
  questionIds: ['provenance_fields'],
  candidates: () => [{ value: ['none'] }, ...FIELDS.map((f) => ({ value: [f] }))],
  evaluate(ctx) {
    const out = none();
    const id = 'provenance_fields';
    const claimed = (list(ctx.answers, id) ?? []).filter((f) => FIELDS.includes(f));
    const lacking = FIELDS.length - claimed.length;
    if (lacking > 0) {
      const units = ctx.training?.images ? 'Images' : 'Records';
      const reason = `${units} lack ${lacking} of ${FIELDS.length} provenance fields (carry: ${claimed.join(', ') || 'none'}).`;
      out.factors.push(
        factor(
          'no_provenance_fields',
          (ctx.policy.weights.no_provenance_fields * lacking) / FIELDS.length,
          reason,
          'answer',
          [id],
        ),
      );
    }
    const t = ctx.training;
    if (!t) return out;
    const tol = ctx.policy.tolerances.provenanceShare;
    for (const field of claimed) {
      const share = sampleShare(t, field);
      if (share === undefined || share >= 1 - tol) continue;
      const message = t.images
        ? `"${field}" is claimed on every image, but ${IMAGE_META_LIST} names one for ${pct(share)} of the images; tolerance ${pct(tol)}.`
        : `"${field}" is claimed on every record, but ${pct(share)} of sample records carry it; tolerance ${pct(tol)}.`;
      out.discrepancies.push({
        questionId: id,
        claimed: field,
        measured: Math.round(share * 1000) / 1000,
        tolerance: tol,
        unit: 'share',
        message,
        evidence: 'measured',
      });
    }
    if (out.discrepancies.length > 0) {
      const reason = out.discrepancies.map((d) => d.message).join(' ');
      out.factors.push(
        factor(
          'provenance_contradicted',
          ctx.policy.weights.provenance_contradicted,
          reason,
          'discrepancy',
          [id],
        ),
      );
    }
    return out;
  },
  evasion: (_id, ctx) =>
    ctx.training
      ? {
          severity: 1 - provenanceCompleteness(ctx.training),
          measured: ctx.training.images
            ? `provenance completeness ${pct(provenanceCompleteness(ctx.training))} (a source listed for ${pct(imageSourceShare(ctx.training))} of the images in ${IMAGE_META_LIST}, the one provenance field an archive is read for)`
            : `provenance completeness ${pct(provenanceCompleteness(ctx.training))}`,
        }
      : undefined,
};

const NEWEST = 'collection_newest_date';
const OLDEST = 'collection_oldest_date';
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const measuredDates = (ctx: Ctx) => {
  const f = ctx.training?.freshness;
  return {
    newest: f ? parseDate(f.newest) : undefined,
    oldest: f ? parseDate(f.oldest) : undefined,
  };
};

function staleness(ctx: Ctx, ms: number): number {
  const t = ctx.policy.thresholds;
  return ramp(monthsBefore(ctx.now, ms), t.dataStaleMonths, t.dataStaleFullMonths);
}

/** Age of the newest data (the staler of claim and sample) and dates outside the claimed window. */
export const freshnessRule: ClaimRule = {
  questionIds: [NEWEST, OLDEST],
  candidates: (id) =>
    id === NEWEST
      ? [{ value: '0001-01-01', label: 'the oldest possible date' }]
      : [{ value: '9999-12-31', label: 'the newest possible date' }],
  evaluate(ctx) {
    const out = none();
    const claimedNewest = parseDate(str(ctx.answers, NEWEST) ?? '');
    const claimedOldest = parseDate(str(ctx.answers, OLDEST) ?? '');
    const m = measuredDates(ctx);
    const useSample =
      m.newest !== undefined && (claimedNewest === undefined || m.newest < claimedNewest);
    const newest = useSample ? m.newest : claimedNewest;
    if (newest !== undefined && staleness(ctx, newest) > 0) {
      const reason = `The newest ${useSample ? 'sample record' : `${unitsOf(ctx.training).one} claimed`} dates from ${day(newest)}, ${fmt(monthsBefore(ctx.now, newest))} months ago.`;
      out.factors.push(
        factor(
          'stale_data',
          ctx.policy.weights.stale_data * staleness(ctx, newest),
          reason,
          useSample ? 'sample' : 'answer',
          [NEWEST],
        ),
      );
    }
    const tolDays = ctx.policy.tolerances.dateDays;
    const tol = tolDays * 24 * 3600 * 1000;
    const push = (questionId: string, claimed: number, measured: number, message: string) =>
      out.discrepancies.push({
        questionId,
        claimed: day(claimed),
        measured: day(measured),
        tolerance: tolDays,
        unit: 'days',
        message,
        evidence: 'measured',
      });
    if (m.newest !== undefined && claimedNewest !== undefined) {
      if (m.newest < claimedNewest - tol)
        push(
          NEWEST,
          claimedNewest,
          m.newest,
          `The newest sample record (${day(m.newest)}) is more than ${tolDays} days older than the claimed newest date (${day(claimedNewest)}).`,
        );
      if (m.newest > claimedNewest + tol)
        push(
          NEWEST,
          claimedNewest,
          m.newest,
          `The sample has records dated ${day(m.newest)}, more than ${tolDays} days after the claimed newest date (${day(claimedNewest)}).`,
        );
    }
    if (m.oldest !== undefined && claimedOldest !== undefined && m.oldest < claimedOldest - tol) {
      push(
        OLDEST,
        claimedOldest,
        m.oldest,
        `The sample has records dated ${day(m.oldest)}, more than ${tolDays} days before the claimed oldest date (${day(claimedOldest)}).`,
      );
    }
    if (out.discrepancies.length > 0) {
      const ids = [...new Set(out.discrepancies.map((d) => d.questionId))];
      out.factors.push(
        factor(
          'freshness_contradicted',
          ctx.policy.weights.freshness_contradicted,
          out.discrepancies.map((d) => d.message).join(' '),
          'discrepancy',
          ids,
        ),
      );
    }
    return out;
  },
  evasion: (id, ctx) => {
    const newest = measuredDates(ctx).newest;
    if (id !== NEWEST || newest === undefined) return undefined;
    return {
      severity: staleness(ctx, newest),
      measured: `newest sample record from ${day(newest)}`,
    };
  },
};

/** "No personal data" claims the sample contradicts. */
export const personalDataRule: ClaimRule = {
  questionIds: ['personal_data'],
  candidates: () => [{ value: 'yes' }, { value: 'no' }],
  evaluate(ctx) {
    const t = ctx.training;
    const tol = ctx.policy.tolerances.personalDataShare;
    if (str(ctx.answers, 'personal_data') !== 'no' || !t || t.pii.recordShare <= tol) return none();
    const message = `No personal data is claimed, but ${pct(t.pii.recordShare)} of sample records contain some; tolerance ${pct(tol)}.`;
    return {
      factors: [
        factor(
          'personal_data_contradicted',
          ctx.policy.weights.personal_data_contradicted,
          message,
          'discrepancy',
          ['personal_data'],
        ),
      ],
      discrepancies: [
        {
          questionId: 'personal_data',
          claimed: 'no',
          measured: Math.round(t.pii.recordShare * 1000) / 1000,
          tolerance: tol,
          unit: 'share',
          message,
          evidence: 'measured',
        },
      ],
    };
  },
  evasion: (_id, ctx) =>
    ctx.training
      ? {
          severity: ramp(ctx.training.pii.recordShare, 0, ctx.policy.thresholds.personalDataFull),
          measured: `${pct(ctx.training.pii.recordShare)} of records with personal data`,
        }
      : undefined,
};
