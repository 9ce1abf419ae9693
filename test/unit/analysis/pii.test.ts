import { describe, expect, it } from 'vitest';
import {
  findPii,
  ibanValid,
  luhnValid,
  maskPii,
} from '../../../functions/core/analysis/metrics/pii';

const find = (text: string) => findPii(text, text.includes('@'), (text.match(/\d/g) ?? []).length);

describe('personal data', () => {
  it('validates card numbers with Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('validates IBANs with mod 97', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
  });

  it('counts each kind once and masks every value', () => {
    const text =
      'Mail jane.doe@example.com or call (555) 123-4567 / +44 20 7946 0958. Card 4111 1111 1111 1111, ' +
      'IBAN DE89 3704 0044 0532 0130 00, server 192.168.10.45.';
    const hits = find(text);
    expect(hits.map((h) => h.kind).sort()).toEqual([
      'card',
      'email',
      'iban',
      'ip',
      'phone',
      'phone',
    ]);
    for (const h of hits) {
      expect(text).not.toContain(h.masked);
      expect(h.masked).toMatch(/\*/);
    }
  });

  it('does not count invalid cards, arithmetic, dates or ticket numbers', () => {
    expect(find('Card 4111 1111 1111 1112 and ticket 0162424965446.')).toEqual([]);
    expect(find('He has 6000-1500-2000-1000 = 1500 left on 24-02-2015 at 11.35.')).toEqual([]);
    expect(find('The ratio was 266.6666666666667 cups.')).toEqual([]);
  });

  it('masks without revealing more than the last two digits', () => {
    expect(maskPii('card', '4111 1111 1111 1111')).toBe('**************11');
    expect(maskPii('email', 'jane.doe@example.com')).toBe('j***@***.com');
    expect(maskPii('ip', '192.168.10.45')).toBe('192.***.***.***');
  });
});
