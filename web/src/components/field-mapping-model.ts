/** Pure helpers for choosing a file's fields from the detected ones instead of typing names. */
import type { DetectedFields, FieldMappingBody, MappedSlot } from '../api/field-mapping';

/** One option of a field select: the field name as the value, words (and an example) as the label. */
export interface FieldOption {
  value: string;
  label: string;
}

/** Option value meaning "let the analyzer detect this slot". */
export const DETECT = '';

const quoted = (s: string) => `“${s.length > 40 ? `${s.slice(0, 39)}…` : s}”`;

/**
 * The options for one slot: "detect" first, then the file's fields, text-like ones first for the
 * text slot. The label is plain text (the field's name, how often present, one example value).
 */
export function fieldOptions(detected: DetectedFields, slot: MappedSlot): FieldOption[] {
  const fields = [...detected.fields];
  if (slot === 'text') fields.sort((a, b) => Number(b.textLike) - Number(a.textLike));
  const words: FieldOption[] = fields.map((f) => {
    const share = f.present < 1 ? `, in ${Math.round(f.present * 100)} % of records` : '';
    const example = f.examples[0] === undefined ? '' : ` — e.g. ${quoted(f.examples[0])}`;
    return { value: f.path, label: `${f.path}${share}${example}` };
  });
  return [
    { value: DETECT, label: slot === 'text' ? 'Detect automatically' : 'None / detect' },
    ...words,
  ];
}

/** The field a slot reads now: the uploader's choice, else what the analysis detected. */
export function currentField(detected: DetectedFields, slot: MappedSlot): string {
  const named = detected.overrides[slot];
  if (named) return named;
  const chosen = detected.chosen[slot];
  // several fields read together (prompt + answer) are not one option: leave the slot on detect
  return typeof chosen === 'string' && detected.fields.some((f) => f.path === chosen)
    ? chosen
    : DETECT;
}

/** Words for the field a slot reads ("prompt + answer" for several; "—" for none). */
export function fieldWords(value: string | string[] | undefined): string {
  if (Array.isArray(value)) return value.join(' + ') || '—';
  return value || '—';
}

/** The PUT body for the chosen fields: slots left on "detect" are left out. */
export function mappingBody(choice: Partial<Record<MappedSlot, string>>): FieldMappingBody {
  const fields: FieldMappingBody['fields'] = {};
  for (const [slot, value] of Object.entries(choice) as [MappedSlot, string | undefined][])
    if (value && value !== DETECT) fields[slot] = value;
  return { fields };
}

/** True when the choice differs from the mapping in use (the only time re-analysis helps). */
export function mappingChanged(
  detected: DetectedFields,
  choice: Partial<Record<MappedSlot, string>>,
): boolean {
  const next = mappingBody(choice).fields;
  const slots = new Set([...Object.keys(next), ...Object.keys(detected.overrides)]);
  return [...slots].some((s) => (next as Record<string, string>)[s] !== detected.overrides[s]);
}
