import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const COMMON = (
  'the of and to a in is that for it as was with be by on not he this are or his from at which but have ' +
  'an they you were her she there one all we their been has would when who will more no if out so said ' +
  'what up its about into than them can only other new some could time these two may then do first any ' +
  'my now such like our over man me even most made after also did many before must through back years ' +
  'where much your way well down should because each just those people how too little state good very ' +
  'make world still own see men work long get here between both life being under never day same another ' +
  'know while last might us great old year off come since against go came right used take three'
).split(' ');
const SYLLABLES =
  'ka lo mi ter on ra ve sa tion pro de con in ex al ur ne ba ti ro men ly ing est ar or'.split(
    ' ',
  );

/** Deterministic 32-bit LCG in [0, 1). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Builds the record generator: ~200-word English-like texts with Zipf-like content words. */
export function recordMaker(seed = 7) {
  const r = rng(seed);
  const vocab: string[] = [];
  for (let i = 0; i < 30_000; i++) {
    let w = '';
    const n = 1 + Math.floor(r() * 3);
    for (let j = 0; j < n; j++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    vocab.push(w);
  }
  const word = () =>
    r() < 0.5
      ? (COMMON[Math.floor(r() * COMMON.length)] as string)
      : (vocab[Math.floor(r() ** 3 * vocab.length)] as string);
  const text = () => {
    const sentences: string[] = [];
    let words = 0;
    while (words < 200) {
      const len = 5 + Math.floor(r() * 25);
      const s: string[] = [];
      for (let k = 0; k < len; k++) s.push(word() + (k < len - 1 && r() < 0.06 ? ',' : ''));
      const first = s[0] as string;
      s[0] = first.charAt(0).toUpperCase() + first.slice(1);
      sentences.push(`${s.join(' ')}${r() < 0.1 ? '?' : '.'}`);
      words += len;
    }
    return sentences.join(' ');
  };
  const recent: string[] = [];
  return (i: number): string => {
    const roll = r();
    let t: string;
    if (roll < 0.03 && recent.length > 0) t = recent[Math.floor(r() * recent.length)] as string;
    else if (roll < 0.06 && recent.length > 0) {
      const w = (recent[Math.floor(r() * recent.length)] as string).split(' ');
      for (let e = 0; e < 4; e++) w[Math.floor(r() * w.length)] = word();
      t = w.join(' ');
    } else t = text();
    if (recent.length < 500) recent.push(t);
    else recent[Math.floor(r() * 500)] = t;
    const day = 1 + (i % 28);
    return JSON.stringify({
      id: i,
      text: t,
      label: ['positive', 'negative', 'neutral', 'mixed'][Math.floor(r() ** 2 * 4)],
      source: 'bench',
      created_at: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    });
  };
}

/** Writes `n` records as JSON Lines to `path`; resolves to the byte count. */
export async function writeCorpus(path: string, n: number, seed = 7): Promise<number> {
  const out = createWriteStream(path);
  const make = recordMaker(seed);
  let bytes = 0;
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    const line = `${make(i)}\n`;
    bytes += Buffer.byteLength(line);
    buf.push(line);
    if (buf.length === 2000) {
      if (!out.write(buf.join(''))) await once(out, 'drain');
      buf = [];
    }
  }
  out.end(buf.join(''));
  await once(out, 'finish');
  return bytes;
}
