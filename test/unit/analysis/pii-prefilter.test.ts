import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findPii,
  hasAtLeast,
  PII_PATTERNS,
  PII_PREFILTERS,
} from '../../../functions/core/analysis/metrics/pii';

const asciiDigits = (s: string) => (s.match(/[0-9]/g) ?? []).length;

/** Every match of `re` in `text` (a fresh copy, so the shared pattern's state is untouched). */
const matches = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, 'g'))];

// Alphabets the patterns are made of, plus what sits around them in text.
const piiChars = fc.constantFrom(
  ...'0123456789abcdefABCDEF:-+() .,=_xZ\n'.split(''),
  '٣', // an Arabic-Indic digit: not an ASCII digit
  '１', // a full-width digit
);
const noisy = fc.array(piiChars, { maxLength: 60 }).map((cs) => cs.join(''));
const around = (core: fc.Arbitrary<string>) =>
  fc.tuple(noisy, core, noisy).map(([a, b, c]) => `${a}${b}${c}`);
const cards = around(fc.stringMatching(/[2-6](?:[ -]?\d){12,18}/));
const phones = around(
  fc.stringMatching(
    /(?:(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}|\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5})/,
  ),
);
const ipv6s = around(fc.stringMatching(/(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}/));
const texts = fc.oneof(noisy, cards, phones, ipv6s);

/** The detector with no pre-filter: every pattern runs on every text. */
const unfiltered = (text: string) => findPii(text, true, Number.POSITIVE_INFINITY);

describe('PII pre-filters', () => {
  it('never hide a match: a failed condition means the pattern finds nothing', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const digits = asciiDigits(text);
        if (!PII_PREFILTERS.card(digits)) expect(matches(PII_PATTERNS.card, text)).toEqual([]);
        if (!PII_PREFILTERS.ipv6(text)) expect(matches(PII_PATTERNS.ipv6, text)).toEqual([]);
        if (!PII_PREFILTERS.phone(digits)) {
          // a phone hit keeps 10 to 15 digits; shorter matches are refused by findPii
          for (const m of matches(PII_PATTERNS.phone, text))
            expect(asciiDigits(m[0])).toBeLessThan(10);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('leave the hits unchanged against the detector without pre-filters', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(findPii(text, true, asciiDigits(text))).toEqual(unfiltered(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('generate matches, so the properties above are not vacuous', () => {
    const hit = (arb: fc.Arbitrary<string>, re: RegExp) =>
      fc.sample(arb, { numRuns: 200, seed: 7 }).filter((t) => matches(re, t).length > 0).length;
    expect(hit(cards, PII_PATTERNS.card)).toBeGreaterThan(20);
    expect(hit(phones, PII_PATTERNS.phone)).toBeGreaterThan(20);
    expect(hit(ipv6s, PII_PATTERNS.ipv6)).toBeGreaterThan(20);
  });

  it('count characters exactly', () => {
    expect(hasAtLeast('a:b:c', ':', 2)).toBe(true);
    expect(hasAtLeast('a:b:c', ':', 3)).toBe(false);
    expect(PII_PREFILTERS.ipv6('fe80:0:0:0:202:b3ff:fe1e:8329')).toBe(true);
    expect(PII_PREFILTERS.ipv6('Note: see 10:30, then 11:45 and 12:15.')).toBe(false);
    expect(findPii('server fe80:0:0:0:202:b3ff:fe1e:8329 up', false, 12)).toHaveLength(1);
    expect(findPii('Card 4111 1111 1111 1111.', false, 16).map((h) => h.kind)).toEqual(['card']);
    expect(findPii('Card 4111 1111 1111 1111.', false, 12)).toEqual([]);
  });
});
