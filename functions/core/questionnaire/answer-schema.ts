import * as z from 'zod';
import type { MultiChoiceQuestion, NumberQuestion, Question } from './types';

const OR_UNKNOWN = ', or "unknown"';

const quoteList = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ');

function numberExpectation(q: NumberQuestion): string {
  const kind = q.integer ? 'a whole number' : 'a number';
  const unit = q.unit ? ` (${q.unit})` : '';
  if (q.min !== undefined && q.max !== undefined) return `${kind} from ${q.min} to ${q.max}${unit}`;
  if (q.min !== undefined) return `${kind} of at least ${q.min}${unit}`;
  if (q.max !== undefined) return `${kind} of at most ${q.max}${unit}`;
  return `${kind}${unit}`;
}

/** What a valid answer to `question` looks like, phrased to follow "must be". */
export function expectation(question: Question): string {
  switch (question.type) {
    case 'percent':
      return `must be a number from 0 to 100${OR_UNKNOWN}`;
    case 'number':
      return `must be ${numberExpectation(question)}${OR_UNKNOWN}`;
    case 'date':
      return `must be a calendar date written YYYY-MM-DD (for example 2024-03-31)${OR_UNKNOWN}`;
    case 'single_choice':
      return `must be one of ${quoteList(question.options.map((o) => o.value))}${OR_UNKNOWN}`;
    case 'multi_choice':
      return `must be a list of one or more of ${quoteList(question.options.map((o) => o.value))}${OR_UNKNOWN}`;
    case 'short_text':
    case 'long_text':
      return `must be text of 1 to ${question.maxLength} characters${OR_UNKNOWN}`;
    case 'yes_no':
      return 'must be "yes", "no" or "unknown"';
  }
}

function numberSchema(q: NumberQuestion, message: string) {
  let schema = z.number({ error: message });
  if (q.integer) schema = schema.int({ error: message });
  if (q.min !== undefined) schema = schema.min(q.min, { error: message });
  if (q.max !== undefined) schema = schema.max(q.max, { error: message });
  return schema;
}

function multiSchema(q: MultiChoiceQuestion, message: string) {
  const values = q.options.map((o) => o.value);
  const exclusive = q.exclusive ?? [];
  return z
    .array(z.string({ error: message }), { error: message })
    .min(1, { error: message })
    .superRefine((list, ctx) => {
      const unknownOption = list.find((v) => !values.includes(v));
      if (unknownOption !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `lists "${unknownOption}", which is not an option; ${message}`,
        });
        return;
      }
      const repeated = list.find((v, i) => list.indexOf(v) !== i);
      if (repeated !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `lists "${repeated}" twice; list each option once`,
        });
      }
      const alone = list.find((v) => exclusive.includes(v));
      if (alone !== undefined && list.length > 1) {
        ctx.addIssue({
          code: 'custom',
          message: `"${alone}" cannot be combined with other options; choose it alone`,
        });
      }
    });
}

function textSchema(maxLength: number, message: string) {
  return z
    .string({ error: message })
    .refine((s) => s.trim().length > 0, {
      error: 'must not be empty; answer "unknown" if you prefer not to say',
    })
    .refine((s) => s.length <= maxLength, {
      error: (issue) =>
        `is ${String(issue.input).length} characters long; shorten it to at most ${maxLength} characters`,
    });
}

const cache = new WeakMap<Question, z.ZodType>();

/** The zod schema of a known (not "unknown") answer to `question`; its issue messages are user-facing. */
export function knownAnswerSchema(question: Question): z.ZodType {
  let schema = cache.get(question);
  if (!schema) {
    schema = buildSchema(question);
    cache.set(question, schema);
  }
  return schema;
}

function buildSchema(question: Question): z.ZodType {
  const message = expectation(question);
  switch (question.type) {
    case 'percent':
      return z.number({ error: message }).min(0, { error: message }).max(100, { error: message });
    case 'number':
      return numberSchema(question, message);
    case 'date':
      return z.iso.date({ error: message });
    case 'single_choice':
      return z.enum(
        question.options.map((o) => o.value),
        { error: message },
      );
    case 'multi_choice':
      return multiSchema(question, message);
    case 'short_text':
    case 'long_text':
      return textSchema(question.maxLength, message);
    case 'yes_no':
      return z.enum(['yes', 'no'], { error: message });
  }
}

/** Any answer value on the wire (before checking it against its question): for request schemas. */
export const answerValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);
