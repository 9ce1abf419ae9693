import type { PackKind } from '../types';

/** A pack shipped with the project: which public corpus files (and text fields) it is built from. */
export interface ShippedPackSource {
  name: string;
  kind: PackKind;
  /** File name inside this folder. */
  file: string;
  inputs: { file: string; text: string | string[] }[];
  source: string;
  licence: string;
}

/**
 * The unkeyed packs in this folder, rebuilt by `scripts/build-packs.ts` from `../shared/data`.
 * Only corpora under permissive licences are shipped; Alpaca (CC BY-NC 4.0) and M4 (no licence)
 * are left out (see docs/fingerprints.md).
 */
export const SHIPPED_PACKS: ShippedPackSource[] = [
  {
    name: 'selfinstruct-text-davinci-003',
    kind: 'synthetic',
    file: 'selfinstruct-text-davinci-003.dfp',
    inputs: [{ file: 'selfinstruct_user_tasks_text-davinci-003.jsonl', text: 'response' }],
    source:
      'yizhongw/self-instruct @0b26cca, human_eval/predictions/text-davinci-003_predictions.jsonl (answers written by text-davinci-003)',
    licence: 'Apache-2.0',
  },
  {
    name: 'gsm8k-model-solutions',
    kind: 'synthetic',
    file: 'gsm8k-model-solutions.dfp',
    inputs: [
      {
        file: 'gsm8k_example_model_solutions.jsonl',
        text: '6b_finetuning.solution',
      },
      { file: 'gsm8k_example_model_solutions.jsonl', text: '6b_verification.solution' },
      { file: 'gsm8k_example_model_solutions.jsonl', text: '175b_finetuning.solution' },
      { file: 'gsm8k_example_model_solutions.jsonl', text: '175b_verification.solution' },
    ],
    source:
      'openai/grade-school-math @3101c7d, grade_school_math/data/example_model_solutions.jsonl (four model-written solutions per problem)',
    licence: 'MIT',
  },
  {
    name: 'gsm8k-test-questions',
    kind: 'eval',
    file: 'gsm8k-test-questions.dfp',
    inputs: [{ file: 'gsm8k_example_model_solutions.jsonl', text: 'question' }],
    source:
      'openai/grade-school-math @3101c7d, grade_school_math/data/example_model_solutions.jsonl (the 1,319 GSM8K test questions)',
    licence: 'MIT',
  },
  {
    name: 'selfinstruct-seed-tasks',
    kind: 'eval',
    file: 'selfinstruct-seed-tasks.dfp',
    inputs: [{ file: 'selfinstruct_seed_tasks.jsonl', text: 'instruction' }],
    source: 'yizhongw/self-instruct @0b26cca, data/seed_tasks.jsonl (175 seed-task instructions)',
    licence: 'Apache-2.0',
  },
];
