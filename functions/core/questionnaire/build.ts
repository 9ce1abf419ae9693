import {
  type ChoiceOption,
  type Citation,
  LONG_TEXT_MAX,
  type Question,
  SHORT_TEXT_MAX,
  type SourceId,
} from './types';

/** A citation written as a bare source id or as `[sourceId, clause]`. */
export type CiteInput = SourceId | readonly [SourceId, string];

/** Options shared by every question builder; `required` defaults to false. */
export interface CommonInput {
  sources: readonly CiteInput[];
  required?: boolean;
  help?: string;
}

type OptionInput = readonly [value: string, label: string];

const cite = (input: CiteInput): Citation =>
  typeof input === 'string' ? { source: input } : { source: input[0], detail: input[1] };

const base = (id: string, prompt: string, c: CommonInput) => ({
  id,
  prompt,
  ...(c.help === undefined ? {} : { help: c.help }),
  required: c.required ?? false,
  sources: c.sources.map(cite),
});

const options = (list: readonly OptionInput[]): ChoiceOption[] =>
  list.map(([value, label]) => ({ value, label }));

/** Terse constructors that keep the template files readable. */
export const q = {
  single: (id: string, prompt: string, opts: readonly OptionInput[], c: CommonInput): Question => ({
    ...base(id, prompt, c),
    type: 'single_choice',
    options: options(opts),
  }),
  multi: (
    id: string,
    prompt: string,
    opts: readonly OptionInput[],
    c: CommonInput & { exclusive?: readonly string[] },
  ): Question => ({
    ...base(id, prompt, c),
    type: 'multi_choice',
    options: options(opts),
    ...(c.exclusive ? { exclusive: [...c.exclusive] } : {}),
  }),
  percent: (id: string, prompt: string, c: CommonInput): Question => ({
    ...base(id, prompt, c),
    type: 'percent',
  }),
  number: (
    id: string,
    prompt: string,
    c: CommonInput & { min?: number; max?: number; integer?: boolean; unit?: string },
  ): Question => {
    const { min, max, integer, unit } = c;
    return {
      ...base(id, prompt, c),
      type: 'number',
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
      ...(integer === undefined ? {} : { integer }),
      ...(unit === undefined ? {} : { unit }),
    };
  },
  date: (id: string, prompt: string, c: CommonInput): Question => ({
    ...base(id, prompt, c),
    type: 'date',
  }),
  short: (id: string, prompt: string, c: CommonInput): Question => ({
    ...base(id, prompt, c),
    type: 'short_text',
    maxLength: SHORT_TEXT_MAX,
  }),
  long: (id: string, prompt: string, c: CommonInput): Question => ({
    ...base(id, prompt, c),
    type: 'long_text',
    maxLength: LONG_TEXT_MAX,
  }),
  yesNo: (id: string, prompt: string, c: CommonInput): Question => ({
    ...base(id, prompt, c),
    type: 'yes_no',
  }),
};

/** Freezes a value and everything reachable from it, so a published template cannot change. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
