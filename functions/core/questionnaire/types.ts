/** The literal every question accepts for "unknown / prefer not to say"; scoring treats it as risk. */
export const UNKNOWN = 'unknown';

/** Longest accepted answer to a short_text question, in characters. */
export const SHORT_TEXT_MAX = 500;

/** Longest accepted answer to a long_text question, in characters. */
export const LONG_TEXT_MAX = 5000;

/** The kinds of question a template can ask. */
export type QuestionType =
  | 'single_choice'
  | 'multi_choice'
  | 'percent'
  | 'number'
  | 'date'
  | 'short_text'
  | 'long_text'
  | 'yes_no';

/** Identifiers of the published standards and papers questions cite. */
export type SourceId =
  | 'dta-provenance'
  | 'croissant-rai'
  | 'datasheets'
  | 'eu-ai-act'
  | 'nist-ai-rmf'
  | 'nist-ai-600-1'
  | 'iso-42001'
  | 'shumailov-2024'
  | 'gerstgrasser-2024'
  | 'alemohammad-2024'
  | 'dohmatob-2024'
  | 'lee-2022';

/** A published standard or paper, listed once per template. */
export interface Reference {
  id: SourceId;
  title: string;
  publisher: string;
  year: number;
  url: string;
}

/** Where a question comes from: a reference and, optionally, the clause or field within it. */
export interface Citation {
  source: SourceId;
  detail?: string;
}

/** One selectable answer of a choice question. */
export interface ChoiceOption {
  value: string;
  label: string;
}

interface QuestionBase {
  id: string;
  prompt: string;
  help?: string;
  required: boolean;
  sources: readonly Citation[];
}

/** Pick exactly one option. */
export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single_choice';
  options: readonly ChoiceOption[];
}

/** Pick one or more options; an `exclusive` option (such as "none") cannot be combined. */
export interface MultiChoiceQuestion extends QuestionBase {
  type: 'multi_choice';
  options: readonly ChoiceOption[];
  exclusive?: readonly string[];
}

/** A number from 0 to 100. */
export interface PercentQuestion extends QuestionBase {
  type: 'percent';
}

/** A finite number within optional bounds. */
export interface NumberQuestion extends QuestionBase {
  type: 'number';
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
}

/** A calendar date written YYYY-MM-DD. */
export interface DateQuestion extends QuestionBase {
  type: 'date';
}

/** Free text up to `maxLength` characters. */
export interface TextQuestion extends QuestionBase {
  type: 'short_text' | 'long_text';
  maxLength: number;
}

/** "yes" or "no". */
export interface YesNoQuestion extends QuestionBase {
  type: 'yes_no';
}

/** Any question of a template. */
export type Question =
  | SingleChoiceQuestion
  | MultiChoiceQuestion
  | PercentQuestion
  | NumberQuestion
  | DateQuestion
  | TextQuestion
  | YesNoQuestion;

/** A titled group of questions. */
export interface Section {
  id: string;
  title: string;
  description: string;
  questions: readonly Question[];
}

/** A check across questions, kept as data so templates stay serializable. */
export type TemplateRule =
  | { kind: 'sum_at_most'; questionIds: readonly string[]; max: number }
  | { kind: 'date_order'; earlier: string; later: string };

/** A published, immutable questionnaire: an assessment pins `id` and `version`. */
export interface QuestionnaireTemplate {
  id: string;
  version: number;
  title: string;
  description: string;
  publishedAt: string;
  sections: readonly Section[];
  rules: readonly TemplateRule[];
  references: readonly Reference[];
}

/** One answer: a string (choice, date, text, yes/no, "unknown"), a number, or a list of choices. */
export type AnswerValue = string | number | readonly string[];

/** Answers keyed by question id. */
export type Answers = Readonly<Record<string, AnswerValue>>;

/** One problem with an answer: `path` is the question id (or '' for the whole answers object). */
export interface ValidationError {
  path: string;
  message: string;
}

/** The outcome of validation: `ok` is true exactly when `errors` is empty. */
export interface ValidationResult {
  ok: boolean;
  errors: ValidationError[];
}
