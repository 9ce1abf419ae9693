import { getTemplate, questionsOf } from '../core/questionnaire';

/** Plausible complete answers for the built-in template: every required question answered. */
export function completeAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const template = getTemplate('ai-training-data');
  if (!template) throw new Error('built-in template missing');
  const answers: Record<string, unknown> = {};
  for (const q of questionsOf(template)) {
    if (!q.required) continue;
    switch (q.type) {
      case 'single_choice':
        answers[q.id] = q.options[0]?.value;
        break;
      case 'multi_choice':
        answers[q.id] = [
          q.options.find((o) => !q.exclusive?.includes(o.value))?.value ?? q.options[0]?.value,
        ];
        break;
      case 'percent':
        answers[q.id] = 0;
        break;
      case 'number':
        answers[q.id] = q.min ?? 1;
        break;
      case 'date':
        answers[q.id] = '2024-01-01';
        break;
      case 'yes_no':
        answers[q.id] = 'yes';
        break;
      default:
        answers[q.id] = 'Documented in our datasheet, section 2.';
    }
  }
  return {
    ...answers,
    synthetic_share_percent: 10,
    synthetic_records_tagged: 'all',
    real_data_policy: 'accumulate',
    model_labeled_share_percent: 0,
    label_audit: 'full',
    dedup_method: 'near',
    near_duplicate_rate_percent: 1,
    collection_oldest_date: '2023-01-01',
    collection_newest_date: '2025-06-01',
    holdout_refresh_months: 6,
    holdout_synthetic_free: 'yes',
    ...overrides,
  };
}

const subjects = [
  'The customer',
  'Our agent',
  'A traveller',
  'The engineer',
  'My neighbour',
  'The analyst',
];
const verbs = ['asked about', 'complained about', 'reported', 'praised', 'questioned', 'described'];
const objects = [
  'a delayed refund for the March order',
  'the new billing page that hides the invoice link',
  'a login loop on the mobile app after the update',
  'how long delivery to the coast usually takes',
  'the warranty terms for refurbished laptops',
  'an error code shown when exporting the yearly report',
];
const endings = [
  'and wanted a call back before Friday.',
  'and attached two screenshots.',
  'but the chat closed before anyone answered.',
  'and said the last agent was very helpful.',
  'and asked whether this affects other accounts.',
  'and mentioned it happened twice this week.',
];

/** A deterministic demo sample: support tickets with labels, dates and a few duplicates. */
export function demoSampleJsonl(records = 400): string {
  const lines: string[] = [];
  for (let i = 0; i < records; i++) {
    const k = (i * 7919) % 1296;
    const text =
      i % 25 === 24
        ? ((JSON.parse(lines[i - 10] ?? '{}') as { text?: string }).text ?? '')
        : `${subjects[k % 6]} ${verbs[Math.floor(k / 6) % 6]} ${objects[Math.floor(k / 36) % 6]} ${endings[Math.floor(k / 216) % 6]} Ticket ${1000 + i}.`;
    const label = ['billing', 'technical', 'delivery', 'billing', 'technical', 'feedback'][k % 6];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      JSON.stringify({
        text,
        label,
        source: 'helpdesk-export',
        created_at: `2024-${month}-${day}`,
        synthetic: false,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
