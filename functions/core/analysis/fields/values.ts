const TRUE = new Set(['true', 'yes', 'y', '1', 'synthetic', 'generated', 'machine', 'ai', 'model']);
const FALSE = new Set(['false', 'no', 'n', '0', 'human', 'real', 'organic', 'natural']);

/** Reads a declared synthetic flag: true, false, or null when absent or unreadable. */
export function parseFlag(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return null;
}

/** Turns a field value into text: strings as they are, numbers and booleans printed, objects as JSON. */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Reads a number from a number or numeric string, or null. */
export function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
