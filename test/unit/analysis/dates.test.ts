import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../functions/core/analysis/metrics/dates';

const iso = (v: unknown) => {
  const t = parseDate(v);
  return t === null ? null : new Date(t).toISOString();
};

describe('date parsing', () => {
  it.each([
    ['2015-02-24', '2015-02-24T00:00:00.000Z'],
    ['2015-02-24T11:35:52Z', '2015-02-24T11:35:52.000Z'],
    ['2015-02-24 11:35:52-08:00', '2015-02-24T19:35:52.000Z'],
    ['24-02-2015 11.35', '2015-02-24T11:35:00.000Z'],
    ['24-02-2015 9.42', '2015-02-24T09:42:00.000Z'],
    ['24.02.2015', '2015-02-24T00:00:00.000Z'],
    ['02/24/2015', '2015-02-24T00:00:00.000Z'],
    ['24/02/2015', '2015-02-24T00:00:00.000Z'],
    ['2015/02/24 08:00', '2015-02-24T08:00:00.000Z'],
    ['Tue Feb 24 11:35:52 +0000 2015', '2015-02-24T11:35:52.000Z'],
    ['Tue, 24 Feb 2015 11:35:52 +0100', '2015-02-24T10:35:52.000Z'],
    ['February 24, 2015', '2015-02-24T00:00:00.000Z'],
    ['1424777752', '2015-02-24T11:35:52.000Z'],
    [1424777752000, '2015-02-24T11:35:52.000Z'],
  ])('reads %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each(['yesterday', '31-02-2015', '2015-13-01', '12345', '', 'Pacific Time (US & Canada)', 42])(
    'rejects %s',
    (input) => {
      expect(parseDate(input)).toBeNull();
    },
  );
});
