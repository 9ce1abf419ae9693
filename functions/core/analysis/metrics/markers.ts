/** Kinds of machine-text boilerplate the analyzer recognizes. */
export type MarkerKind = 'self-reference' | 'refusal' | 'chat-closing' | 'knowledge-cutoff';

/** Marker kinds in the order of the regular expression's groups. */
export const MARKER_KINDS: readonly MarkerKind[] = [
  'self-reference',
  'refusal',
  'chat-closing',
  'knowledge-cutoff',
];

// Narrow on purpose: each phrase is one assistants produce and people rarely write. Broad phrases
// ("in conclusion", "it is important to note") fire on human essays and are deliberately absent.
const SELF = [
  'as an ai(?: language)? model',
  'as an ai assistant',
  'as an artificial intelligence',
  'as a (?:large )?language model',
  "i(?: am|'m) an ai(?: language model| assistant| model)?\\b",
  "i(?: am|'m) a (?:large )?language model",
  "i(?: was|'ve been| have been) trained by openai",
  "i (?:do not|don't) have personal (?:opinions|experiences|feelings|beliefs|preferences)",
].join('|');
const REFUSAL = [
  "i(?:'m| am) sorry, but i (?:cannot|can't|am unable to|won't be able to) (?:assist|help|fulfill|comply|provide|create|generate)",
  "i (?:cannot|can't) (?:fulfill|comply with) (?:this|that|your) request",
  "i(?:'m| am) (?:unable|not able) to (?:fulfill|comply with) (?:this|that|your) request",
  "i (?:cannot|can't) assist with (?:this|that) request",
].join('|');
const CLOSING = [
  'i hope this helps',
  'i hope (?:this|that) (?:information|explanation|answer) (?:is|was) helpful',
  'is there anything else i can (?:help|assist) you with',
  'feel free to ask if you have any (?:other|more|further) questions',
].join('|');
const CUTOFF = [
  'as of my (?:last |latest )?(?:knowledge )?(?:update|cutoff|cut-off|training)',
  'my (?:knowledge|training) (?:cutoff|cut-off)',
  'my training data (?:only )?(?:goes|extends) up to',
  "i (?:do not|don't) have (?:access to )?real-time (?:information|data)",
  "i (?:do not|don't) have the ability to browse",
].join('|');

const MARKERS = new RegExp(`(${SELF})|(${REFUSAL})|(${CLOSING})|(${CUTOFF})`, 'i');
const CURLY_APOSTROPHE = /\u2019/g;

/** The first marker in `text`, or null. Curly apostrophes count as straight ones. */
export function findMarker(text: string): { kind: MarkerKind; phrase: string } | null {
  const input = text.includes('\u2019') ? text.replace(CURLY_APOSTROPHE, "'") : text;
  const m = MARKERS.exec(input);
  if (!m) return null;
  for (let g = 1; g <= MARKER_KINDS.length; g++) {
    if (m[g] !== undefined)
      return { kind: MARKER_KINDS[g - 1] as MarkerKind, phrase: m[g] as string };
  }
  return null;
}

// Every marker phrase contains one of these word pairs, so records without any skip the regex.
const ANCHORS = [
  'an ai',
  'an artificial',
  'language model',
  'by openai',
  'have personal',
  'sorry but',
  'this request',
  'that request',
  'your request',
  'this helps',
  'is helpful',
  'was helpful',
  'anything else',
  'feel free',
  'my last',
  'my latest',
  'my knowledge',
  'my update',
  'my cutoff',
  'my cut',
  'my training',
  'real time',
  'to browse',
];

let anchorFilter: Uint32Array | null = null;
let anchorValues: Int32Array | null = null;

const pairHash = (a: number, b: number) => Math.imul(a, 0x9e3779b1) ^ b;

/** Builds the anchor filter once, with the same word hashing the scanner uses. */
export function initAnchors(hashWords: (phrase: string) => Int32Array): void {
  if (anchorFilter) return;
  const filter = new Uint32Array(128);
  const values = new Int32Array(ANCHORS.length);
  ANCHORS.forEach((phrase, i) => {
    const [a, b] = hashWords(phrase) as unknown as [number, number];
    const h = pairHash(a, b);
    values[i] = h;
    filter[(h >>> 5) & 127] = (filter[(h >>> 5) & 127] as number) | (1 << (h & 31));
  });
  anchorFilter = filter;
  anchorValues = values;
}

/** True when some adjacent word pair in `words[from..to)` is a marker anchor. */
export function hasMarkerAnchor(words: Int32Array, from: number, to: number): boolean {
  const filter = anchorFilter as Uint32Array;
  const values = anchorValues as Int32Array;
  for (let i = from + 1; i < to; i++) {
    const h = pairHash(words[i - 1] as number, words[i] as number);
    if (((filter[(h >>> 5) & 127] as number) & (1 << (h & 31))) === 0) continue;
    if (values.includes(h)) return true;
  }
  return false;
}
