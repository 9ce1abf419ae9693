import { AnalysisInputError } from '../errors';
import { parseDate } from '../metrics/dates';
import type { FieldMapping } from '../types';
import { isPresent } from './path';
import { parseFlag } from './values';

interface PathStats {
  path: string;
  leaf: string;
  depth: number;
  seen: number;
  present: number;
  strings: number;
  totalLength: number;
  unit: number;
  flags: number;
  dates: number;
  distinct: Set<string>;
}

const RESPONSE = [
  'output',
  'response',
  'completion',
  'answer',
  'ground_truth',
  'chosen',
  'reply',
  'solution',
];
const PROMPT = ['instruction', 'prompt', 'question', 'query', 'problem'];
const INPUT = ['input', 'context'];
const TEXT = [
  'text',
  'content',
  'body',
  'document',
  'sentence',
  'review',
  'tweet',
  'comment',
  'message',
  'passage',
  'article',
];
const LABEL =
  /(?:^|[_\s.-])(?:label|labels|class|category|sentiment|intent|topic|tag|rating|stance|emotion|polarity)$|^(?:label|labels|class|category|sentiment|intent|topic|tag|rating|stance|emotion|polarity)$/;
const CONFIDENCE = /(?:confidence|agreement|certainty|probability|prob)$/;
const SOURCE =
  /^(?:source|origin|provenance|url|source_url|dataset|domain|collection|source_name|data_source|feed|provider|subset|supplier)$|_(?:source|url|feed)$/;
const CREATED =
  /(?:created|created_at|createdat|timestamp|date|datetime|time|published|published_at|collected|collected_at|_at|_on)$/;
const SYNTHETIC =
  /^(?:is_)?(?:synthetic|generated|machine_generated|ai_generated|ai|model_generated)$/;
const GENERATOR =
  /^(?:generator|generated_by|model|model_name|source_model|llm|generator_model|creation_method|creationmethod|generation_method)$/;
const LICENSE = /licen[cs]e/;
const ID = /^(?:id|uuid|guid|key|record_id|doc_id|[a-z0-9]+_id)$/;
const CHAT = /^(?:messages|conversations|conversation|turns|dialogue|chat)$/;

function collect(value: unknown, path: string, depth: number, stats: Map<string, PathStats>): void {
  if (depth > 3 || value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const p = path ? `${path}.${key}` : key;
    if (Array.isArray(v)) {
      const first = v[0];
      if (CHAT.test(key.toLowerCase()) && first && typeof first === 'object') {
        const contentKey = ['content', 'value', 'text'].find((k) => k in first);
        if (contentKey) record(stats, `${p}[*].${contentKey}`, depth, 'x'.repeat(200));
      }
      if (first !== null && typeof first === 'object') collect(first, `${p}[0]`, depth + 1, stats);
      else if (typeof first === 'string') record(stats, `${p}[0]`, depth, first);
      continue;
    }
    if (v !== null && typeof v === 'object') collect(v, p, depth + 1, stats);
    else record(stats, p, depth, v);
  }
}

function record(stats: Map<string, PathStats>, path: string, depth: number, v: unknown): void {
  let s = stats.get(path);
  if (!s) {
    const leaf = (path.split('.').pop() ?? path)
      .replace(/\[(?:\d+|\*)\]$/, '')
      .toLowerCase()
      .trim();
    s = {
      path,
      leaf,
      depth,
      seen: 0,
      present: 0,
      strings: 0,
      totalLength: 0,
      unit: 0,
      flags: 0,
      dates: 0,
      distinct: new Set(),
    };
    stats.set(path, s);
  }
  s.seen++;
  if (!isPresent(v)) return;
  s.present++;
  if (typeof v === 'string') {
    s.strings++;
    s.totalLength += v.length;
  }
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  if (n >= 0 && n <= 1) s.unit++;
  if (parseFlag(v) !== null) s.flags++;
  if (parseDate(v) !== null) s.dates++;
  if (s.distinct.size <= 1000) s.distinct.add(String(v).slice(0, 200));
}

function byLeaf(
  all: PathStats[],
  names: string[],
  min: number,
  optional = false,
): PathStats | undefined {
  const hits = all.filter(
    (s) => names.includes(s.leaf) && (optional ? s.seen >= min : s.strings >= min && s.strings > 0),
  );
  hits.sort(
    (a, b) =>
      names.indexOf(a.leaf) - names.indexOf(b.leaf) || a.depth - b.depth || b.present - a.present,
  );
  return hits[0];
}

function detectText(all: PathStats[], n: number): string | string[] | undefined {
  const half = Math.max(1, Math.ceil(n * 0.5));
  const chat = all.find((s) => s.path.includes('[*].') && s.present >= half);
  if (chat) return chat.path;
  const response = byLeaf(all, RESPONSE, half);
  const prompt = byLeaf(all, PROMPT, half);
  if (response && prompt) {
    const input = byLeaf(all, INPUT, half, true);
    return [prompt.path, ...(input ? [input.path] : []), response.path];
  }
  const text = byLeaf(all, TEXT, half) ?? response ?? prompt;
  if (text) return text.path;
  const strings = all.filter((s) => s.strings >= half);
  strings.sort((a, b) => b.totalLength / b.strings - a.totalLength / a.strings);
  return strings[0]?.path;
}

const pick = (cands: PathStats[], score: (s: PathStats) => number) =>
  cands.sort((a, b) => score(b) - score(a) || a.path.localeCompare(b.path))[0]?.path;

/**
 * Detects which fields hold the text (or instruction + input + output), label, source, creation
 * date, synthetic flag, generator, licence and annotator confidence, from a sample of records.
 * `overrides` win over detection. Throws AnalysisInputError when no text field can be found.
 */
export function detectFields(
  records: readonly unknown[],
  overrides: Partial<FieldMapping> = {},
): FieldMapping {
  const stats = new Map<string, PathStats>();
  for (const r of records) collect(r, '', 0, stats);
  const all = [...stats.values()];
  const n = Math.max(1, records.length);
  const text = overrides.text ?? detectText(all, n);
  if (text === undefined || (Array.isArray(text) && text.length === 0)) {
    const seen =
      all
        .map((s) => s.path)
        .slice(0, 20)
        .join(', ') || 'none';
    throw new AnalysisInputError(
      `could not find a text field (fields seen: ${seen}); name one with --text <field>`,
    );
  }
  const textPaths = new Set(Array.isArray(text) ? text : [text]);
  const rest = all.filter((s) => !textPaths.has(s.path) && s.present > 0);
  const labelCands = rest.filter(
    (s) =>
      LABEL.test(s.leaf) &&
      s.present >= n * 0.3 &&
      s.totalLength <= 100 * Math.max(1, s.strings) &&
      s.distinct.size <= Math.max(20, s.present / 2),
  );
  const label = overrides.label ?? pick(labelCands, (s) => s.present);
  const labelLeaf = label?.split('.').pop()?.toLowerCase();
  const confCands = rest.filter((s) => CONFIDENCE.test(s.leaf) && s.unit >= s.present * 0.9);
  const confidence =
    overrides.confidence ??
    pick(confCands, (s) => (labelLeaf && s.leaf.startsWith(labelLeaf) ? 1e9 : 0) + s.present);
  const dateCands = rest.filter((s) => CREATED.test(s.leaf) && s.dates >= s.present * 0.5);
  const mapping: FieldMapping = { text };
  const named = (re: RegExp, ok: (s: PathStats) => boolean = () => true) =>
    pick(
      rest.filter((s) => re.test(s.leaf) && ok(s)),
      (s) => s.present,
    );
  const found = {
    label,
    confidence,
    source: overrides.source ?? named(SOURCE),
    createdAt: overrides.createdAt ?? pick(dateCands, (s) => s.dates),
    synthetic: overrides.synthetic ?? named(SYNTHETIC, (s) => s.flags >= s.present * 0.9),
    generator: overrides.generator ?? named(GENERATOR, (s) => s.strings > 0),
    license: overrides.license ?? named(LICENSE),
    id: overrides.id ?? named(ID, (s) => s.depth === 0 && s.present >= n * 0.5),
  };
  for (const [k, v] of Object.entries(found))
    if (v) (mapping as unknown as Record<string, string>)[k] = v;
  return mapping;
}
