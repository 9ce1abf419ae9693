import type { Analysis } from '../types';

/** Above this share of records without text, an analysis measures the mapping, not the data. */
export const maxEmptyTextShare = 0.5;

const textField = (a: Analysis) => {
  const t = a.input.fields.text;
  return Array.isArray(t) ? t.join(' + ') : t;
};

/**
 * Why an analysis cannot be scored as evidence, or undefined when it can. Today: most records
 * have no text (usually a text mapping that names the wrong field). The message says what to fix.
 */
export function unusableReason(a: Analysis): string | undefined {
  const records = a.input.records;
  const empty = a.findings.find((f) => f.id === 'input.empty-text');
  const count = typeof empty?.evidence.count === 'number' ? empty.evidence.count : 0;
  if (records === 0 || count / records <= maxEmptyTextShare) return undefined;
  const share = Math.round((count / records) * 100);
  return `${count} of ${records} records (${share}%) have no text in the field "${textField(a)}". Name the field that holds the text (the field mapping), or export the records with their text, and upload the file again.`;
}
