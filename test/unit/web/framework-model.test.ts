import { describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS } from '../../../functions/core/frameworks';
import {
  countsSentence,
  emptyWords,
  FRAMEWORK_CHOICES,
  type FrameworkPack,
  filteredItems,
} from '../../../web/src/pages/report/framework-model';

const pack: FrameworkPack = {
  id: 'ca-ab2013',
  title: 'California AB 2013: training data transparency',
  source: { title: 'AB 2013', publisher: 'CA', date: '2024', url: 'https://example.test' },
  report: { assessmentId: 'a', version: 1, sha256: 'x' },
  counts: { answered: 1, measured: 1, contradicted: 1, missing: 1 },
  items: (['answered', 'measured', 'contradicted', 'missing'] as const).map((status, n) => ({
    id: `i${n}`,
    title: `Item ${n}`,
    ref: `§ ${n}`,
    status,
    evidence: [],
  })),
};

describe('the Frameworks section model', () => {
  it('offers every framework the API maps, and only those', () => {
    expect(FRAMEWORK_CHOICES.map((f) => f.id).sort()).toEqual([...FRAMEWORK_IDS].sort());
  });

  it('filters missing and contradicted items, keeping the order', () => {
    expect(filteredItems(pack, 'all').map((i) => i.id)).toEqual(['i0', 'i1', 'i2', 'i3']);
    expect(filteredItems(pack, 'missing').map((i) => i.id)).toEqual(['i3']);
    expect(filteredItems(pack, 'contradicted').map((i) => i.id)).toEqual(['i2']);
  });

  it('says the counts and what an empty filter means', () => {
    expect(countsSentence(pack)).toBe(
      '4 items: 1 contradicted, 1 measured, 1 answered, 1 missing.',
    );
    expect(emptyWords('missing')).toMatch(/No item is missing/);
    expect(emptyWords('contradicted')).toMatch(/No item is contradicted/);
  });
});
