/** Kinds of personal data the analyzer counts. */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'ip';

/** One detected item, already masked, with where it stands in the text. */
export interface PiiHit {
  kind: PiiKind;
  masked: string;
  start: number;
  end: number;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const CARD = /(?<![\d.,-])[2-6](?:[ -]?\d){12,18}(?![\d-]|[.,]\d)/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const IPV4 =
  /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])/g;
// North American (555-123-4567, (555) 123 4567, 1-800-555-0199) or international with a leading +.
const PHONE =
  /(?<![\w+=.-])(?:(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}|\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5})(?![\w=]|[.-]\d)/g;

/** The costly patterns, for tests of their pre-filters (global: reset `lastIndex` before use). */
export const PII_PATTERNS = { card: CARD, phone: PHONE, ipv6: IPV6 } as const;

/** Card-number lengths by leading digits (Visa, Mastercard, Amex, Discover and similar). */
function cardShape(d: string): boolean {
  const len = d.length;
  if (d.startsWith('4')) return len === 13 || len === 16 || len === 19;
  if (/^(?:5[1-5]|2[2-7])/.test(d)) return len === 16;
  if (/^3[47]/.test(d)) return len === 15;
  if (d.startsWith('6')) return len >= 16 && len <= 19;
  return false;
}

/** Luhn checksum, as on payment cards. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rem = value > 9 ? (rem * 100 + value) % 97 : (rem * 10 + value) % 97;
  }
  return rem === 1;
}

const lastDigits = (s: string, keep: number) => {
  const digits = s.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(0, digits.length - keep))}${digits.slice(-keep)}`;
};

/** Masks a detected value so that reports never echo it. */
export function maskPii(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'email': {
      const [user = '', domain = ''] = value.split('@');
      const tld = domain.slice(domain.lastIndexOf('.'));
      return `${user.slice(0, 1)}***@***${tld}`;
    }
    case 'ip':
      return value.includes(':')
        ? `${value.split(':')[0]}:***`
        : `${value.split('.')[0]}.***.***.***`;
    case 'iban':
      return `${value.slice(0, 2)}${lastDigits(value.slice(2), 2)}`;
    default:
      return lastDigits(value, 2);
  }
}

/** True when `text` holds at least `n` copies of the character `ch` (stops at the n-th). */
export function hasAtLeast(text: string, ch: string, n: number): boolean {
  for (let i = text.indexOf(ch), seen = 0; i >= 0; i = text.indexOf(ch, i + 1))
    if (++seen >= n) return true;
  return n <= 0;
}

/**
 * Necessary conditions for a hit of each costly pattern, from counts the caller already has (ASCII
 * digits, `@`) or a short character scan, read off the patterns themselves:
 * - card: `[2-6](?:[ -]?\d){12,18}` holds at least 13 ASCII digits;
 * - phone: a hit keeps at least 10 digits (the North American form has exactly 10 or 11, the
 *   international form is refused below 10);
 * - IPv6: `(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}` holds seven colons.
 * When a condition fails the pattern cannot match, so skipping it changes no result.
 */
export const PII_PREFILTERS = {
  card: (digits: number) => digits >= 13,
  phone: (digits: number) => digits >= 10,
  ipv6: (text: string) => hasAtLeast(text, ':', 7),
};

type Span = [number, number];
const overlaps = (spans: Span[], s: number, e: number) => spans.some(([a, b]) => s < b && a < e);

/**
 * Finds personal data in `text`. Cards must pass Luhn and IBANs mod 97; a match inside an earlier
 * one (a card number that also looks like a phone number) counts once. `hasAt`/`digits` (the
 * count of ASCII digits, or more) let callers skip texts that cannot contain any kind; each costly
 * pattern runs only when its `PII_PREFILTERS` condition holds.
 */
export function findPii(text: string, hasAt: boolean, digits: number): PiiHit[] {
  const hits: PiiHit[] = [];
  const spans: Span[] = [];
  const scan = (re: RegExp, kind: PiiKind, accept: (m: string) => boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (overlaps(spans, m.index, end) || !accept(m[0])) continue;
      spans.push([m.index, end]);
      hits.push({ kind, masked: maskPii(kind, m[0]), start: m.index, end });
    }
  };
  if (hasAt) scan(EMAIL, 'email', () => true);
  if (digits >= 4) {
    if (PII_PREFILTERS.card(digits))
      scan(CARD, 'card', (m) => {
        const d = m.replace(/\D/g, '');
        return cardShape(d) && !/^(\d)\1+$/.test(d) && luhnValid(d);
      });
    scan(IBAN, 'iban', ibanValid);
    scan(IPV4, 'ip', (m) => m.split('.').some((o) => o !== '0'));
    if (PII_PREFILTERS.phone(digits))
      scan(PHONE, 'phone', (m) => {
        const d = m.replace(/\D/g, '');
        return d.length >= 10 && d.length <= 15 && !/^(\d)\1+$/.test(d);
      });
  }
  if (PII_PREFILTERS.ipv6(text)) scan(IPV6, 'ip', () => true);
  return hits;
}

/** `text` with every detected item of personal data replaced by its masked form. */
export function maskPersonalData(text: string): string {
  const digits = text.replace(/\D/g, '').length;
  const hits = findPii(text, text.includes('@'), digits).sort((a, b) => b.start - a.start);
  let out = text;
  for (const h of hits) out = `${out.slice(0, h.start)}${h.masked}${out.slice(h.end)}`;
  return out;
}
