import type { ImageMeta } from './types';

const NAME_KEYS = ['file_name', 'filename', 'file', 'image', 'path', 'name'];
const LABEL_KEYS = ['label', 'class', 'category'];
const SOURCE_KEYS = ['source', 'origin', 'url'];

/** True for an entry that lists the images (`metadata.jsonl`, `metadata.csv`, in any folder). */
export function isMetaList(name: string): boolean {
  return /(^|\/)metadata\.(jsonl|csv)$/i.test(name);
}

function pick(row: Record<string, unknown>, keys: string[]): string | undefined {
  for (const k of keys) {
    const v = row[k];
    if (typeof v === 'string' && v) return v;
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Reads a metadata list (JSON Lines, or CSV with a header) into labels and sources by image path,
 * relative to the list's folder, as the Hugging Face image-folder layout has it. Bad rows are skipped.
 */
export function parseMetaList(name: string, bytes: Buffer, into: Record<string, ImageMeta>): void {
  const folder = name.includes('/') ? name.slice(0, name.lastIndexOf('/') + 1) : '';
  const lines = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  let rows: Record<string, unknown>[] = [];
  if (/\.jsonl$/i.test(name)) {
    for (const l of lines) {
      try {
        const v = JSON.parse(l) as unknown;
        if (v && typeof v === 'object' && !Array.isArray(v))
          rows.push(v as Record<string, unknown>);
      } catch {
        // a malformed row lists nothing
      }
    }
  } else {
    const header = splitCsv(lines[0] ?? '').map((h) => h.trim().toLowerCase());
    rows = lines
      .slice(1)
      .map((l) => Object.fromEntries(splitCsv(l).map((v, i) => [header[i] ?? `${i}`, v])));
  }
  for (const row of rows) {
    const file = pick(row, NAME_KEYS);
    if (!file) continue;
    const meta: ImageMeta = {};
    const label = pick(row, LABEL_KEYS);
    const source = pick(row, SOURCE_KEYS);
    if (label) meta.label = label;
    if (source) meta.source = source;
    into[folder + file.replace(/^\.\//, '')] = meta;
  }
}
