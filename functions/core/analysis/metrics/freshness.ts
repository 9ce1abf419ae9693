import type { AnalysisPartial } from '../partial/types';
import { isoDay } from './dates';

const DAY_MS = 86_400_000;

/** Oldest, newest and median age of the creation dates, relative to `nowMs`; null without dates. */
export function freshness(p: AnalysisPartial, nowMs: number) {
  const days = [...p.dates.days.entries()].sort((a, b) => a[0] - b[0]);
  const total = days.reduce((s, [, c]) => s + c, 0);
  if (total === 0) return null;
  const at = (pos: number) => {
    let seen = 0;
    for (const [day, c] of days) {
      seen += c;
      if (pos < seen) return day;
    }
    return (days[days.length - 1] as [number, number])[0];
  };
  const median = (at(Math.floor((total - 1) / 2)) + at(Math.ceil((total - 1) / 2))) / 2;
  const months = new Map<string, number>();
  for (const [day, c] of days) {
    const month = isoDay(day).slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + c);
  }
  return {
    oldest: isoDay((days[0] as [number, number])[0]),
    newest: isoDay((days[days.length - 1] as [number, number])[0]),
    medianAgeDays: Math.floor(nowMs / DAY_MS) - median,
    unparseable: p.dates.unparseable,
    histogram: [...months.entries()].map(([month, count]) => ({ month, count })),
  };
}
