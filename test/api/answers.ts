import { getTemplate, questionsOf } from '../../functions/core/questionnaire';

/** Honest, complete answers for the built-in template: contract claims set, the rest plausible. */
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
        answers[q.id] = [q.options.find((o) => !q.exclusive?.includes(o.value))?.value ?? q.options[0]?.value];
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
    collection_newest_date: '2024-01-01',
    holdout_refresh_months: 6,
    holdout_synthetic_free: 'yes',
    ...overrides,
  };
}
