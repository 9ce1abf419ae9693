import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { franc } from 'franc';
import { CANDIDATES } from '../../functions/core/analysis/languages/codes';

// Usage: npx tsx test/bench/languages-accuracy.ts
// franc's accuracy on short records: each text is cut at a word boundary to at most L characters
// and detected with no minimum length; prints, per length, the share detected correctly, detected
// as another language, and undetermined ('und'). English comes from ../shared/data (human tweets,
// Wikipedia lines, alpaca outputs, M4 human text); fr/de/es/zh from test/fixtures/languages.

const DATA = join(process.cwd(), '..', 'shared', 'data');
const FIX = join(process.cwd(), 'test', 'fixtures', 'languages');
const LENGTHS = [10, 15, 20, 25, 30, 40, 50, 60, 80, 120, 200];

function english(): string[] {
  if (!existsSync(DATA)) throw new Error(`${DATA} is missing: the English corpora live there`);
  const out: string[] = [];
  const tweets = readFileSync(join(DATA, 'airline_tweets.csv'), 'utf8').split('\n').slice(1, 801);
  for (const t of tweets) {
    const m = /,"?(@[^,]*?[^,]{20,})"?,/.exec(t);
    if (m?.[1]) out.push(m[1].replace(/@\w+/g, '').trim());
  }
  for (const l of readFileSync(join(DATA, 'wiki_demo.txt'), 'utf8').split('\n').filter(Boolean))
    out.push(l);
  const alpaca = JSON.parse(readFileSync(join(DATA, 'alpaca_en_demo.json'), 'utf8')) as {
    output: string;
  }[];
  for (const a of alpaca.slice(0, 400)) out.push(a.output);
  for (const d of ['arxiv', 'reddit', 'wikihow', 'wikipedia']) {
    const lines = readFileSync(join(DATA, `m4_${d}_llama2.jsonl`), 'utf8').split('\n');
    for (const l of lines.filter(Boolean)) out.push(JSON.parse(l).human_text as string);
  }
  return out.filter((t) => t.length >= 40);
}

const fixture = (lang: string) =>
  readFileSync(join(FIX, `${lang}.txt`), 'utf8')
    .split('\n')
    .filter(Boolean);

/** `text` cut to at most `max` characters at a space (characters for scripts without spaces). */
export function cut(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const at = t.lastIndexOf(' ', max);
  return at > max / 2 ? t.slice(0, at) : t.slice(0, max);
}

function measure(name: string, code: string, texts: string[]): void {
  const rows: string[] = [];
  for (const len of LENGTHS) {
    let ok = 0;
    let und = 0;
    let n = 0;
    for (const t of texts) {
      const c = cut(t, len);
      if (c.length < len * 0.8 && len > 10) continue; // only texts that reach this length
      n++;
      const got = franc(c, { minLength: 1, only: [...CANDIDATES] });
      if (got === code) ok++;
      else if (got === 'und') und++;
    }
    if (n === 0) continue;
    const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
    rows.push(
      `  ≤${len} chars (n=${n}): correct ${pct(ok)}, other ${pct(n - ok - und)}, und ${pct(und)}`,
    );
  }
  console.log(`${name} (${code})\n${rows.join('\n')}`);
}

measure('English, ../shared/data', 'eng', english());
measure('French fixture', 'fra', fixture('fr'));
measure('German fixture', 'deu', fixture('de'));
measure('Spanish fixture', 'spa', fixture('es'));
measure('Chinese fixture', 'cmn', fixture('zh'));
