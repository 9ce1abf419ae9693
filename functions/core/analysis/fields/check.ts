import { AnalysisInputError } from '../errors';
import type { FieldMapping } from '../types';
import { compilePath } from './path';

/** Most field names listed in a message. */
const MAX_LISTED = 30;

/** People's words for the mapping slots a vendor or buyer can override. */
export const mappingLabels: Record<string, string> = {
  text: 'text',
  label: 'label',
  source: 'source',
  createdAt: 'creation date',
  synthetic: 'synthetic flag',
  generator: 'generator',
  license: 'licence',
  confidence: 'annotator confidence',
  id: 'record id',
};

/**
 * A field override names a field that no record has. `slot` is the mapping slot ("text"),
 * `field` the name given, `found` the fields the records do have.
 */
export class FieldMappingError extends AnalysisInputError {
  readonly slot: string;
  readonly field: string;
  readonly found: string[];

  constructor(slot: string, field: string, found: string[], fileName?: string) {
    const where = fileName ? `the file "${fileName}"` : 'the file';
    const list = found.length > 0 ? found.slice(0, MAX_LISTED).join(', ') : 'none';
    super(
      `the ${mappingLabels[slot] ?? slot} field "${field}" is not in ${where}; fields found: ${list}. Name one of these, or leave the ${mappingLabels[slot] ?? slot} field empty to detect it.`,
    );
    this.name = 'FieldMappingError';
    this.slot = slot;
    this.field = field;
    this.found = found;
  }
}

function collect(value: unknown, prefix: string, depth: number, out: Set<string>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.add(path);
    if (depth < 2 && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      collect(v, path, depth + 1, out);
    }
  }
}

/** The field paths the records hold (top-level keys and nested object keys, dotted), in first-seen order. */
export function listFieldPaths(records: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const r of records) collect(r, '', 0, out);
  return [...out];
}

/**
 * Refuses overrides that name a field no record has (a nested path such as "meta.lang" or
 * "messages[*].content" counts when it reaches a value in at least one record). Throws
 * FieldMappingError naming the first missing field and listing the fields found.
 */
export function checkFieldOverrides(
  overrides: Partial<Record<keyof FieldMapping, string | string[]>> | undefined,
  records: readonly unknown[],
  fileName?: string,
): void {
  if (!overrides || records.length === 0) return;
  for (const [slot, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    for (const field of Array.isArray(value) ? value : [value]) {
      const get = compilePath(field);
      if (!records.some((r) => get(r) !== undefined)) {
        throw new FieldMappingError(slot, field, listFieldPaths(records), fileName);
      }
    }
  }
}
