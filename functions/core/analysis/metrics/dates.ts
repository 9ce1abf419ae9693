const DAY_MS = 86_400_000;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DMY = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const YMD = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const EPOCH = /^\d{9,13}(?:\.\d+)?$/;

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60)
    return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  return new Date(t).getUTCDate() === d ? t : null;
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}

function fromEpoch(n: number): number | null {
  if (n >= 1e9 && n < 1e10) return Math.round(n * 1000);
  if (n >= 1e12 && n < 1e13) return Math.round(n);
  return null;
}

// "Tue Feb 24 11:35:52 +0000 2015", "Tue, 24 Feb 2015 11:35:52 +0000", "Feb 24, 2015", "24 February 2015"
function fromWords(s: string): number | null {
  const tokens = s
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  let year = -1;
  let month = -1;
  let day = -1;
  let time: number[] = [0, 0, 0];
  let zone: string | undefined;
  for (const t of tokens) {
    const m = MONTHS.indexOf(t.slice(0, 3));
    if (m >= 0 && /^[a-z]+\.?$/.test(t)) month = m + 1;
    else if (/^\d{4}$/.test(t)) year = Number(t);
    else if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(t)) day = Number.parseInt(t, 10);
    else if (/^\d{1,2}:\d{2}(?::\d{2})?$/.test(t)) time = t.split(':').map(Number);
    else if (/^[+-]\d{4}$/.test(t) || t === 'gmt' || t === 'utc' || t === 'z')
      zone = /^[+-]/.test(t) ? t : 'Z';
    else if (!/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/.test(t)) return null;
  }
  if (year < 0 || month < 0 || day < 0) return null;
  const t = utc(year, month, day, time[0], time[1], time[2]);
  return t === null ? null : t - offsetMs(zone);
}

/**
 * Parses a date into epoch milliseconds (UTC), or null. Accepts ISO 8601, epoch seconds or
 * milliseconds, spreadsheet forms "dd-mm-yyyy hh.mm" and "dd.mm.yyyy", "mm/dd/yyyy" (slashes read
 * month first unless the first number exceeds 12), "yyyy/mm/dd", and month-name forms. Dates
 * without a zone are taken as UTC, so results do not depend on the machine's time zone.
 */
export function parseDate(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? fromEpoch(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s.length < 6 || s.length > 40) return null;
  let m = ISO.exec(s);
  if (m) {
    const t = utc(
      +(m[1] as string),
      +(m[2] as string),
      +(m[3] as string),
      +(m[4] ?? 0),
      +(m[5] ?? 0),
      +(m[6] ?? 0),
    );
    return t === null ? null : t - offsetMs(m[7]);
  }
  if (EPOCH.test(s)) return fromEpoch(Number(s));
  m = DMY.exec(s);
  if (m) {
    let day = +(m[1] as string);
    let month = +(m[3] as string);
    if (m[2] === '/' && day <= 12 && month <= 31) [day, month] = [month, day];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return utc(+(m[4] as string), month, day, +(m[5] ?? 0), +(m[6] ?? 0), +(m[7] ?? 0));
  }
  m = YMD.exec(s);
  if (m)
    return utc(
      +(m[1] as string),
      +(m[2] as string),
      +(m[3] as string),
      +(m[4] ?? 0),
      +(m[5] ?? 0),
      +(m[6] ?? 0),
    );
  return /[a-z]/i.test(s) ? fromWords(s) : null;
}

/** Whole days since the epoch for a timestamp (floor), the unit of the freshness histogram. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** ISO date (yyyy-mm-dd) of an epoch day. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
