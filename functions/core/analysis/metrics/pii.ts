/** Kinds of personal data the analyzer counts. */
export type PiiKind = 'email' | 'phone' | 'card' | 'iban' | 'ip';

/** One detected item, already masked. */
export interface PiiHit {
  kind: PiiKind;
  masked: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])/g;
const IPV6 = /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])/g;
const PHONE = /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,4}[ .-])\d{3,4}[ .-]?\d{3,4}(?![\w])/g;

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
      return value.includes(':') ? `${value.split(':')[0]}:***` : `${value.split('.')[0]}.***.***.***`;
    case 'iban':
      return `${value.slice(0, 2)}${lastDigits(value.slice(2), 2)}`;
    default:
      return lastDigits(value, 2);
  }
}

type Span = [number, number];
const overlaps = (spans: Span[], s: number, e: number) => spans.some(([a, b]) => s < b && a < e);

/**
 * Finds personal data in `text`. Cards must pass Luhn and IBANs mod 97; a match inside an earlier
 * one (a card number that also looks like a phone number) counts once. `hasAt`/`digits` let callers
 * skip texts that cannot contain any kind.
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
      hits.push({ kind, masked: maskPii(kind, m[0]) });
    }
  };
  if (hasAt) scan(EMAIL, 'email', () => true);
  if (digits >= 4) {
    scan(CARD, 'card', (m) => {
      const d = m.replace(/\D/g, '');
      return d.length >= 13 && d.length <= 19 && !/^(\d)\1+$/.test(d) && luhnValid(d);
    });
    scan(IBAN, 'iban', ibanValid);
    scan(IPV4, 'ip', (m) => m.split('.').some((o) => o !== '0'));
    scan(PHONE, 'phone', (m) => {
      const d = m.replace(/\D/g, '');
      return d.length >= 9 && d.length <= 15 && !/^(\d)\1+$/.test(d);
    });
  }
  if (text.includes(':')) scan(IPV6, 'ip', () => true);
  return hits;
}
