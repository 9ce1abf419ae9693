import { AnalysisInputError } from '../errors';

/**
 * Input limits of one analysis. Each protects the analyzer from a hostile or broken file and fails
 * the sample with a message that names the limit. The local runtime and the AWS analyzer pass
 * their configuration in; `defaultInputLimits` applies to anything left out.
 */
export interface InputLimits {
  /** Bytes a gzip sample may expand to (a "gzip bomb" stops here). */
  maxDecompressedBytes: number;
  /** Characters in one line or CSV record. */
  maxLineBytes: number;
  /** Columns of a CSV header, or fields of one JSON record. */
  maxColumns: number;
  /** Nesting depth of one JSON record (objects and arrays). */
  maxDepth: number;
  /** Records in one file. */
  maxRecords: number;
  /** Milliseconds one analysis may take. */
  timeBudgetMs: number;
}

/** The defaults behind every input limit (a 5 GB sample of ordinary records passes them all). */
export const defaultInputLimits: InputLimits = {
  maxDecompressedBytes: 16 * 1024 ** 3,
  maxLineBytes: 16 * 1024 ** 2,
  maxColumns: 10_000,
  maxDepth: 64,
  maxRecords: 20_000_000,
  timeBudgetMs: 30 * 60_000,
};

/** Names of the limits as people read them, one vocabulary for every message. */
export const limitLabels: Record<keyof InputLimits, string> = {
  maxDecompressedBytes: 'decompressed size limit',
  maxLineBytes: 'line length limit',
  maxColumns: 'column limit',
  maxDepth: 'nesting depth limit',
  maxRecords: 'record count limit',
  timeBudgetMs: 'time limit',
};

/** "16 MiB", "1,000 columns": a limit's value in the unit people expect. */
function formatBytes(n: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  }
  return `${n} bytes`;
}

/** A sample broke one of its input limits; `limit` says which. */
export class InputLimitError extends AnalysisInputError {
  constructor(
    readonly limit: keyof InputLimits,
    detail: string,
    options: { line?: number } = {},
  ) {
    super(`${detail} (${limitLabels[limit]}). Upload a smaller or simpler sample.`, options);
    this.name = 'InputLimitError';
  }
}

/** Fills in defaults. */
export function inputLimits(partial: Partial<InputLimits> = {}): InputLimits {
  return { ...defaultInputLimits, ...partial };
}

/** Throws when gzip output passed the decompressed size limit. */
export function checkDecompressed(bytes: number, limits: InputLimits): void {
  if (bytes > limits.maxDecompressedBytes) {
    throw new InputLimitError(
      'maxDecompressedBytes',
      `the compressed file expands to more than ${formatBytes(limits.maxDecompressedBytes)}`,
    );
  }
}

/** Throws when a line (still without its end) is longer than the line length limit. */
export function checkLineLength(length: number, line: number, limits: InputLimits): void {
  if (length > limits.maxLineBytes) {
    throw new InputLimitError(
      'maxLineBytes',
      `the line is longer than ${formatBytes(limits.maxLineBytes)}`,
      { line },
    );
  }
}

/** Throws when a header or record has more columns than allowed. */
export function checkColumns(count: number, line: number, limits: InputLimits): void {
  if (count > limits.maxColumns) {
    throw new InputLimitError(
      'maxColumns',
      `more than ${limits.maxColumns.toLocaleString('en-US')} columns`,
      { line },
    );
  }
}

/** Throws when the file holds more records than allowed. */
export function checkRecords(count: number, limits: InputLimits): void {
  if (count > limits.maxRecords) {
    throw new InputLimitError(
      'maxRecords',
      `the file holds more than ${limits.maxRecords.toLocaleString('en-US')} records`,
    );
  }
}

/** Throws when the analysis ran past `deadline` (epoch milliseconds). */
export function checkDeadline(deadline: number, limits: InputLimits, now = Date.now()): void {
  if (now > deadline) {
    const minutes = limits.timeBudgetMs / 60_000;
    const budget =
      minutes >= 1 ? `${Number(minutes.toFixed(1))} minutes` : `${limits.timeBudgetMs / 1000} s`;
    throw new InputLimitError('timeBudgetMs', `the analysis took longer than ${budget}`);
  }
}

/** Depth of nested objects and arrays in `value`, counting stops just past `max` (no deep recursion). */
export function depthOf(value: unknown, max: number, depth = 0): number {
  if (value === null || typeof value !== 'object') return depth;
  return deeper(value, max, depth + 1) ? max + 1 : measured(value, depth + 1);
}

function measured(value: object, depth: number): number {
  let deepest = depth;
  for (const c of Array.isArray(value) ? value : Object.values(value)) {
    if (c !== null && typeof c === 'object') deepest = Math.max(deepest, measured(c, depth + 1));
  }
  return deepest;
}

/** True when `value` (at `depth`) holds containers nested deeper than `max`; allocation-free. */
function deeper(value: object, max: number, depth: number): boolean {
  if (depth > max) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const c: unknown = value[i];
      if (c !== null && typeof c === 'object' && deeper(c, max, depth + 1)) return true;
    }
    return false;
  }
  for (const k in value) {
    const c = (value as Record<string, unknown>)[k];
    if (c !== null && typeof c === 'object' && deeper(c, max, depth + 1)) return true;
  }
  return false;
}

/** Throws when a parsed JSON record nests deeper than allowed or has too many fields. */
export function checkRecordShape(value: unknown, line: number, limits: InputLimits): void {
  if (value === null || typeof value !== 'object') return;
  let keys = 0;
  let nested = false;
  if (Array.isArray(value)) nested = true;
  else {
    for (const k in value) {
      keys++;
      const c = (value as Record<string, unknown>)[k];
      if (c !== null && typeof c === 'object') nested = true;
    }
  }
  if (keys > limits.maxColumns) checkColumns(keys, line, limits);
  if (nested && deeper(value, limits.maxDepth, 1)) {
    throw new InputLimitError(
      'maxDepth',
      `the record nests deeper than ${limits.maxDepth} levels`,
      { line },
    );
  }
}
