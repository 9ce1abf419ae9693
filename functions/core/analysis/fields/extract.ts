import type { FieldMapping } from '../types';
import { compilePath, type Getter, isPresent } from './path';
import { asNumber, asText, parseFlag } from './values';

/** The fields of one record that the fold needs; reused between records. */
export interface Extracted {
  /** Text parts in mapping order; the last one is the response when several are concatenated. */
  parts: string[];
  label: string | null;
  confidence: number | null;
  createdAt: unknown;
  hasSource: boolean;
  hasLicense: boolean;
  hasGenerator: boolean;
  /** Declared synthetic flag (null when absent or unreadable). */
  synthetic: boolean | null;
  id: unknown;
  /** The source field's value (undefined without a source field). */
  source: unknown;
}

/** Builds a function that fills an Extracted from a record according to `fields`. */
export function compileExtractor(fields: FieldMapping): (record: unknown, out: Extracted) => void {
  const text = (Array.isArray(fields.text) ? fields.text : [fields.text]).map(compilePath);
  const opt = (path: string | undefined): Getter | null => (path ? compilePath(path) : null);
  const label = opt(fields.label);
  const confidence = opt(fields.confidence);
  const createdAt = opt(fields.createdAt);
  const source = opt(fields.source);
  const license = opt(fields.license);
  const generator = opt(fields.generator);
  const synthetic = opt(fields.synthetic);
  const id = opt(fields.id);
  return (record, out) => {
    const parts = out.parts;
    parts.length = 0;
    for (const get of text) {
      const v = get(record);
      if (isPresent(v)) parts.push(asText(v));
    }
    const l = label?.(record);
    out.label = isPresent(l) && typeof l !== 'object' ? String(l).trim() : null;
    out.confidence = confidence ? asNumber(confidence(record)) : null;
    out.createdAt = createdAt?.(record);
    out.source = source?.(record);
    out.hasSource = source ? isPresent(out.source) : false;
    out.hasLicense = license ? isPresent(license(record)) : false;
    out.hasGenerator = generator ? isPresent(generator(record)) : false;
    out.synthetic = synthetic ? parseFlag(synthetic(record)) : null;
    out.id = id?.(record);
  };
}

/** A fresh, empty Extracted. */
export function emptyExtracted(): Extracted {
  return {
    parts: [],
    label: null,
    confidence: null,
    createdAt: undefined,
    hasSource: false,
    hasLicense: false,
    hasGenerator: false,
    synthetic: null,
    id: undefined,
    source: undefined,
  };
}
