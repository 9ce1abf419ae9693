import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

/** One labelled corpus from ../shared/data: every text is human-written or every one machine-written. */
export interface Corpus {
  /** Domain: leave-one-domain-out holds out every corpus of a domain together. */
  domain: string;
  name: string;
  machine: boolean;
  texts: string[];
}

/** Where the public reference data lives, relative to the project root. */
export const DATA_DIR = resolve('../shared/data');

/** True when ../shared/data is present. */
export const hasData = () => existsSync(DATA_DIR);

type Row = Record<string, unknown>;
const read = (name: string) => readFileSync(join(DATA_DIR, name), 'utf8');
const jsonl = (name: string): Row[] =>
  read(name)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
const str = (x: unknown) => (typeof x === 'string' ? x : '');
const nonEmpty = (texts: string[]) => texts.filter((t) => t.trim() !== '');
const output = (r: Row) => str((r.instances as Row[] | undefined)?.[0]?.output);

const GSM_MODELS = ['6b_finetuning', '6b_verification', '175b_finetuning', '175b_verification'];
const M4 = ['arxiv', 'reddit', 'wikihow', 'wikipedia'];
/** Every seventh tweet keeps the airline corpus from outweighing the others in the fit. */
const TWEET_STRIDE = 7;

/**
 * The labelled corpora, answer texts only (the part the analyzer scores): self-instruct human and
 * text-davinci-003 answers, seed tasks, Alpaca, Wikipedia, airline tweets, GSM8K human and model
 * solutions, and the four M4 human/llama-2 pairs.
 */
export function loadCorpora(): Corpus[] {
  const c = (domain: string, name: string, machine: boolean, texts: string[]): Corpus => ({
    domain,
    name,
    machine,
    texts: nonEmpty(texts),
  });
  const gsm = jsonl('gsm8k_example_model_solutions.jsonl');
  const tweets = parse(read('airline_tweets.csv'), { columns: true }) as Row[];
  return [
    c(
      'self-instruct',
      'self-instruct human answers',
      false,
      jsonl('selfinstruct_user_tasks_human.jsonl').map(output),
    ),
    c(
      'self-instruct',
      'self-instruct text-davinci-003 answers',
      true,
      jsonl('selfinstruct_user_tasks_text-davinci-003.jsonl').map((r) => str(r.response)),
    ),
    c(
      'seed tasks',
      'self-instruct seed tasks',
      false,
      jsonl('selfinstruct_seed_tasks.jsonl').map(output),
    ),
    c(
      'alpaca',
      'Alpaca demo outputs',
      true,
      (JSON.parse(read('alpaca_en_demo.json')) as Row[]).map((r) => str(r.output)),
    ),
    c('wikipedia demo', 'Wikipedia demo documents', false, read('wiki_demo.txt').split('\n')),
    c(
      'airline tweets',
      'airline tweets',
      false,
      tweets.filter((_, i) => i % TWEET_STRIDE === 0).map((r) => str(r.text)),
    ),
    c(
      'gsm8k',
      'GSM8K human solutions',
      false,
      gsm.map((r) => str(r.ground_truth)),
    ),
    c(
      'gsm8k',
      'GSM8K model solutions',
      true,
      gsm.map((r, i) => str((r[GSM_MODELS[i % 4] as string] as Row | undefined)?.solution)),
    ),
    ...M4.flatMap((d) => {
      const rows = jsonl(`m4_${d}_llama2.jsonl`);
      return [
        c(
          `m4 ${d}`,
          `M4 ${d} human`,
          false,
          rows.map((r) => str(r.human_text)),
        ),
        c(
          `m4 ${d}`,
          `M4 ${d} llama-2`,
          true,
          rows.map((r) => str(r.machine_text)),
        ),
      ];
    }),
  ];
}
