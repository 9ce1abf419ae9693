import { scanWords } from '../text/scan';
import { WordBuffer } from '../text/word-buffer';

/**
 * Closed-class word groups whose rates the style model reads: pronouns, function words, hedges and
 * discourse markers. Words are matched after the tokenizer's normalization (lower case, apostrophes
 * dropped: "I'm" is "im"). No group measures vocabulary sophistication.
 */
export const WORD_GROUPS = {
  firstSingular: 'i me my mine myself im ive id ill',
  secondPerson: 'you your yours yourself youre youve youll youd',
  firstPlural: 'we us our ours ourselves were weve',
  thirdPerson: 'he she they him her them his hers their theirs hes shes theyre',
  deictic: 'it its this that these those',
  articles: 'the a an',
  conjunctions: 'and but or so yet nor',
  prepositions: 'of in to for with on at by from about into over',
  copula: 'is are was be been being am',
  modals: 'can could may might should would must will shall',
  informal: 'yeah ok okay lol gonna wanna kinda stuff guess anyway btw pretty really just',
  hedges: 'maybe perhaps probably possibly apparently seems seem likely unlikely somewhat',
  negation: 'not no never nothing none nobody dont doesnt didnt cant wont isnt arent wasnt',
  discourse:
    'however additionally furthermore moreover overall therefore thus ultimately consequently ' +
    'conclusion summary essentially importantly notably hence',
  emphasis:
    'ensure crucial essential vital various comprehensive significant key potential enhance ' +
    'provide valuable unique overall important',
  questions: 'what which who whom whose when where why how',
} as const;

/** A word group's name. */
export type WordGroup = keyof typeof WORD_GROUPS;

/** Group names in feature order. */
export const GROUP_NAMES = Object.keys(WORD_GROUPS) as WordGroup[];

/** Word hash → bit mask of the groups it belongs to. */
export const GROUP_OF: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  const wb = new WordBuffer();
  GROUP_NAMES.forEach((name, g) => {
    for (const word of WORD_GROUPS[name].split(' ')) {
      wb.reset();
      scanWords(word, wb);
      const h = wb.hashes[0] as number;
      map.set(h, (map.get(h) ?? 0) | (1 << g));
    }
  });
  return map;
})();

const hashOf = (word: string): number => {
  const wb = new WordBuffer();
  scanWords(word, wb);
  return wb.hashes[0] as number;
};

/** Combines two word hashes into one number for the pair lookup. */
export const pairKey = (a: number, b: number): number => Math.imul(a, 0x9e3779b1) ^ b;

/** Word pairs of assistant-style discourse ("it is", "here are", "for example", "in conclusion"). */
export const PHRASE_PAIRS: ReadonlySet<number> = new Set(
  [
    'it is',
    'here are',
    'here is',
    'for example',
    'in conclusion',
    'such as',
    'as well',
    'in addition',
    'this is',
    'can be',
  ].map((p) => {
    const [a, b] = p.split(' ') as [string, string];
    return pairKey(hashOf(a), hashOf(b));
  }),
);
