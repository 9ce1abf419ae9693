import { describe, expect, it } from 'vitest';
import { hashString } from '../../../functions/core/analysis/hash/mix';
import { normalizeText, scanWords } from '../../../functions/core/analysis/text/scan';
import { sequenceKey } from '../../../functions/core/analysis/text/shingles';
import { WordBuffer } from '../../../functions/core/analysis/text/word-buffer';

function scan(text: string) {
  const wb = new WordBuffer();
  scanWords(text, wb);
  return wb;
}

function key(text: string): string {
  const wb = scan(text);
  const out = new Int32Array(2);
  sequenceKey(wb.hashes, wb.n, out);
  return `${out[0]}:${out[1]}`;
}

describe('text normalization and word hashing', () => {
  it('treats case, whitespace and punctuation differences as the same text', () => {
    expect(key('Hello,   WORLD!  How are you?')).toBe(key('hello world how are you'));
    expect(key('hello world')).not.toBe(key('world hello'));
  });

  it('applies NFKC: ligatures, full-width letters and composed accents compare equal', () => {
    expect(key('ﬁne ＡＢＣ')).toBe(key('fine abc'));
    expect(key('cafe\u0301')).toBe(key('café'));
  });

  it('drops apostrophes inside words, straight or curly', () => {
    expect(key("don't stop")).toBe(key('don’t stop'));
    expect(key("don't stop")).toBe(key('dont stop'));
  });

  it('hashes words over their UTF-8 bytes (FNV-1a then fmix32)', () => {
    const wb = scan('Café ÉTÉ 東京 😀 x');
    expect(wb.n).toBe(4);
    expect(wb.hashes[0]).toBe(hashString('café'));
    expect(wb.hashes[1]).toBe(hashString('été'));
    expect(wb.hashes[2]).toBe(hashString('東京'));
  });

  it('counts digits and @ signs for the personal-data prefilter', () => {
    const wb = scan('call 555-123-4567 or mail a@b.co');
    expect(wb.digits).toBe(10);
    expect(wb.at).toBe(1);
  });

  it('gives the normalized text exact duplicates compare', () => {
    expect(normalizeText('  Ｈello,\tWORLD — don’t!! ')).toBe('hello world dont');
  });
});
