import { mergeImagePartials } from '../images/partial';
import { mergeLanguageSamples } from '../languages/sample';
import { mergePools } from '../spot-check/pool';
import { sameSampling } from '../synthetic/sample';
import { sortedEntries } from './budget';
import { MAX_EXAMPLES } from './create';
import { concatIndex, enforceCaps } from './record-index';
import { mergeSources } from './sources';
import type { AnalysisPartial, Example } from './types';

const firstExamples = <T>(a: T[], b: T[]) => [...a, ...b].slice(0, MAX_EXAMPLES);
const shift = (examples: Example[], by: number) =>
  examples.map((e) => ({ ...e, record: e.record + by }));

function addCounts<K extends string>(
  a: Record<K, number>,
  b: Record<K, number>,
): Record<K, number> {
  const out = { ...a };
  for (const k of Object.keys(b) as K[]) out[k] = (out[k] ?? 0) + b[k];
  return out;
}

/**
 * Merges the partials of two consecutive parts of one sample (`b` follows `a`): counts add, record
 * indexes and line numbers of `b` shift, sketches concatenate and sampling caps re-apply. The result
 * equals the partial of the concatenated input, so merging is associative.
 */
export function mergePartials(a: AnalysisPartial, b: AnalysisPartial): AnalysisPartial {
  if (a.params !== b.params || a.version !== b.version) {
    throw new Error('cannot merge partials built with different analysis parameters');
  }
  const names = [...a.labels.names];
  const counts = [...a.labels.counts];
  const ids = new Map(names.map((name, i) => [name, i]));
  const labelMap = new Int32Array(b.labels.names.length);
  b.labels.names.forEach((name, i) => {
    let id = ids.get(name);
    if (id === undefined) {
      id = names.length;
      names.push(name);
      counts.push(0);
      ids.set(name, id);
    }
    labelMap[i] = id;
    counts[id] = (counts[id] as number) + (b.labels.counts[i] as number);
  });
  const src = a.sources && b.sources ? mergeSources(a.sources, b.sources) : null;
  const sourceMap = src ? src.map : () => -1;
  const index = concatIndex(a.index, b.index, a.records, labelMap, sourceMap);
  enforceCaps(index, a.limits.maxIndexedRecords, a.limits.maxGramHashes);
  const days = new Map(a.dates.days);
  for (const [day, count] of b.dates.days) days.set(day, (days.get(day) ?? 0) + count);
  const entries = sortedEntries([...a.budget.entries, ...b.budget.entries], a.limits.tokenBudget);
  const r = a.records;
  const spotPool = mergePools(a.spotPool, b.spotPool, r);
  sameSampling(a.styleSampling, b.styleSampling);
  const languages = mergeLanguageSamples(a.languages, b.languages, r, sourceMap);
  const { sources: _s, languages: _l, ...base } = a;
  return {
    ...base,
    bytes: a.bytes + b.bytes,
    lines: a.lines + b.lines,
    records: a.records + b.records,
    malformed: a.malformed + b.malformed,
    malformedExamples: firstExamples(
      a.malformedExamples,
      b.malformedExamples.map((m) => ({ ...m, line: m.line + a.lines })),
    ),
    emptyText: a.emptyText + b.emptyText,
    mangledIds: {
      count: a.mangledIds.count + b.mangledIds.count,
      example: a.mangledIds.example ?? b.mangledIds.example,
    },
    index,
    labels: {
      names,
      counts,
      missing: a.labels.missing + b.labels.missing,
      overflow: a.labels.overflow + b.labels.overflow,
    },
    confidence: {
      present: a.confidence.present + b.confidence.present,
      low: a.confidence.low + b.confidence.low,
    },
    provenance: {
      present: addCounts(a.provenance.present, b.provenance.present),
      syntheticTrue: a.provenance.syntheticTrue + b.provenance.syntheticTrue,
      syntheticWithoutGenerator:
        a.provenance.syntheticWithoutGenerator + b.provenance.syntheticWithoutGenerator,
      examples: firstExamples(
        a.provenance.examples,
        b.provenance.examples.map((x) => x + r),
      ),
    },
    markers: {
      records: a.markers.records + b.markers.records,
      kinds: addCounts(a.markers.kinds, b.markers.kinds),
      examples: firstExamples(a.markers.examples, shift(b.markers.examples, r)),
    },
    scores: a.scores.map((c, i) => c + (b.scores[i] ?? 0)),
    repetition: {
      sum: a.repetition.sum + b.repetition.sum,
      records: a.repetition.records + b.repetition.records,
      looping: a.repetition.looping + b.repetition.looping,
      examples: firstExamples(
        a.repetition.examples,
        b.repetition.examples.map((x) => x + r),
      ),
    },
    pii: {
      records: a.pii.records + b.pii.records,
      kinds: addCounts(a.pii.kinds, b.pii.kinds),
      examples: firstExamples(a.pii.examples, shift(b.pii.examples, r)),
    },
    dates: {
      present: a.dates.present + b.dates.present,
      unparseable: a.dates.unparseable + b.dates.unparseable,
      examples: firstExamples(a.dates.examples, shift(b.dates.examples, r)),
      days,
    },
    budget: { tokens: entries.reduce((s, e) => s + e.tokens.length, 0), entries },
    ...(spotPool ? { spotPool } : {}),
    ...(src ? { sources: src.sources } : {}),
    ...(languages ? { languages } : {}),
    ...(a.images || b.images ? { images: mergeImagePartials(a.images, b.images) } : {}),
  };
}
