import { compileExtractor, type Extracted, emptyExtracted } from '../fields/extract';
import { bandHashes, lowBytes, MinHasher } from '../hash/minhash';
import { fmix32 } from '../hash/mix';
import { dayOf, parseDate } from '../metrics/dates';
import { findMarker, hasMarkerAnchor, initAnchors } from '../metrics/markers';
import { findPii } from '../metrics/pii';
import { PARAMS } from '../params';
import { offerToPool, spotPriority } from '../spot-check/pool';
import { bandOfBin, MARKER_STRATUM } from '../spot-check/strata';
import { FEATURE_COUNT, measureStyle } from '../synthetic/features';
import { MODEL } from '../synthetic/model';
import { keyedHash, styleSampleKey, styleThreshold } from '../synthetic/sample';
import { scoreBin, styleScore } from '../synthetic/score';
import { DistinctSet } from '../text/distinct-set';
import { grams13 } from '../text/grams';
import { normalizeText, scanWords } from '../text/scan';
import { charShingles, sequenceKey, wordShingles } from '../text/shingles';
import { StyleState } from '../text/style';
import { WordBuffer } from '../text/word-buffer';
import { BudgetHeap } from './budget';
import { MAX_EXAMPLES } from './create';
import { SourceFold } from './fold-sources';
import { enforceCaps, reserveRecord, sampleHash } from './record-index';
import type { AnalysisPartial } from './types';

const { bands: B, permutations: K, shingleWords, shortCharShingle } = PARAMS;
const BUDGET_SALT = 0x51ed_270b;
const LOOPING = 0.3;
const MAX_LABELS = 10_000;
/** Distinct creation-date strings whose day is remembered (dates repeat; timestamps rarely do). */
const DATE_CACHE = 4096;
const SCIENTIFIC = /^\d(?:\.\d+)?E\+\d+$/i;
const HALF_SALT = 0x2c1b_3c6d;
/** machineSignals: a record the keyed style sample left unscored (it enters no review pool). */
const UNSCORED = -1;

initAnchors((phrase) => {
  const wb = new WordBuffer();
  scanWords(phrase, wb);
  return wb.hashes.slice(0, wb.n);
});

/** What the folder does for spot-checks: draw a pool with `key`, report each record's stratum. */
export interface SpotFoldOptions {
  /** The sample's secret spot-check key; the partial must carry a pool made for it. */
  key?: string;
  /** Called with each record's index in this part and its stratum (null: no text). */
  onStratum?: (record: number, stratum: number | null) => void;
}

/** Folds records, one at a time, into a partial. Holds the reusable buffers of the hot path. */
export class Folder {
  private readonly words = new WordBuffer();
  private readonly style = new StyleState();
  private readonly features = new Float64Array(FEATURE_COUNT);
  private readonly minhash = new MinHasher();
  private readonly distinct = new DistinctSet();
  private readonly key = new Int32Array(2);
  private readonly ex: Extracted = emptyExtracted();
  private readonly extract: (record: unknown, out: Extracted) => void;
  private readonly labelIds = new Map<string, number>();
  /** Creation-date strings already parsed → epoch day (null: unparseable). */
  private readonly dates = new Map<string, number | null>();
  private readonly budget: BudgetHeap;
  /** The keyed style sample's key and threshold (when not every record is scored). */
  private readonly styleKey: { k0: number; k1: number; threshold: number } | null = null;
  /** Whether the current record's scan collected style cues. */
  private styled = true;
  private readonly src: SourceFold;

  constructor(
    readonly partial: AnalysisPartial,
    private readonly spot: SpotFoldOptions = {},
  ) {
    if (partial.spotPool && !spot.key) throw new Error('a spot-check pool needs its key to fold');
    const sampling = partial.styleSampling;
    if (sampling) {
      if (sampling.keyed && !spot.key)
        throw new Error('a keyed style sample needs its key to fold');
      const k = styleSampleKey(sampling.keyed ? spot.key : undefined);
      if (k.keyId !== sampling.keyId) throw new Error('the style sample has another key');
      if (spot.onStratum) throw new Error("a sampled fold cannot report every record's stratum");
      this.styleKey = { k0: k.k0, k1: k.k1, threshold: styleThreshold(sampling.rate) };
    }
    this.extract = compileExtractor(partial.fields);
    partial.labels.names.forEach((name, i) => {
      this.labelIds.set(name, i);
    });
    this.src = new SourceFold(partial, spot.key);
    this.budget = new BudgetHeap(
      partial.budget.entries,
      partial.budget.tokens,
      partial.limits.tokenBudget,
    );
  }

  /** A row that could not be parsed. */
  malformed(line: number, message: string): void {
    const p = this.partial;
    p.malformed++;
    if (p.malformedExamples.length < MAX_EXAMPLES) p.malformedExamples.push({ line, message });
  }

  /** Adds one parsed record. */
  add(record: unknown): void {
    const p = this.partial;
    const ex = this.ex;
    this.extract(record, ex);
    const id = p.records++;
    this.src.begin(ex.source);
    const parts = ex.parts;
    const wb = this.words;
    wb.reset();
    this.style.reset();
    for (let i = 0; i < parts.length - 1; i++) scanWords(parts[i] as string, wb);
    const responseStart = wb.n;
    const response = parts.length > 0 ? (parts[parts.length - 1] as string) : '';
    // a sampled fold scores only some records: collect style cues later, for those alone
    this.styled = this.styleKey === null;
    scanWords(response, wb, this.styled ? this.style : null);
    const n = wb.n;
    const full = parts.length === 1 ? response : parts.join('\n');
    sequenceKey(wb.hashes, n, this.key);
    const keyLo = this.key[0] as number;
    const keyHi = this.key[1] as number;
    const stratum = n === 0 ? null : this.machineSignals(id, response, responseStart, keyLo, keyHi);
    if (n === 0) p.emptyText++;
    this.spotCheck(id, stratum, keyLo, keyHi, full);
    const labelId = this.labels(ex.label);
    this.src.label(ex.label);
    this.src.language(id, keyLo, keyHi, () => full);
    this.index(id, keyLo, keyHi, labelId, full);
    if (n > 0) this.offerBudget(keyLo, keyHi, full);
    this.metadata(id, ex);
    if (wb.at > 0 || wb.digits >= 4) this.personalData(id, full, wb.at > 0, wb.digits);
  }

  private spotCheck(
    id: number,
    stratum: number | null,
    keyLo: number,
    keyHi: number,
    full: string,
  ): void {
    this.spot.onStratum?.(id, stratum);
    const pool = this.partial.spotPool;
    if (!pool || stratum === null || stratum === UNSCORED) return;
    const priority = spotPriority(this.spot.key as string, keyLo, keyHi);
    offerToPool(pool, stratum, { index: id, priority }, () => full);
  }

  /** The record's score bin (0..bins-1); collects its style cues first when the scan did not. */
  private scoreOf(response: string, responseStart: number): number {
    const wb = this.words;
    if (!this.styled) {
      const { n, digits, at } = wb;
      this.style.reset();
      wb.n = responseStart;
      scanWords(response, wb, this.style);
      wb.digits = digits;
      wb.at = at;
      if (wb.n !== n) throw new Error('a second scan of a record found other words');
    }
    measureStyle(response, wb.hashes, responseStart, wb.n, this.style, this.features);
    return scoreBin(styleScore(this.features, MODEL), MODEL.bins);
  }

  /**
   * Counts the record's marker or style score; returns its spot-check stratum (`UNSCORED` when the
   * keyed style sample passed it by).
   */
  private machineSignals(
    id: number,
    response: string,
    responseStart: number,
    key: number,
    keyHi: number,
  ): number {
    const p = this.partial;
    const marker = hasMarkerAnchor(this.words.hashes, responseStart, this.words.n)
      ? findMarker(response)
      : null;
    if (marker) {
      p.markers.records++;
      p.markers.kinds[marker.kind]++;
      this.src.marker();
      if (p.markers.examples.length < MAX_EXAMPLES) {
        p.markers.examples.push({ record: id, kind: marker.kind, value: marker.phrase });
      }
      return MARKER_STRATUM;
    }
    const sk = this.styleKey;
    if (sk && keyedHash(sk.k0, sk.k1, key, keyHi) >= sk.threshold) return UNSCORED;
    const score = this.scoreOf(response, responseStart);
    const bin = (fmix32(key ^ HALF_SALT) & 1) * MODEL.bins + score;
    p.scores[bin] = (p.scores[bin] as number) + 1;
    this.src.score(score);
    return bandOfBin(score);
  }

  private index(id: number, keyLo: number, keyHi: number, labelId: number, full: string): void {
    const p = this.partial;
    const ix = p.index;
    const wb = this.words;
    const n = wb.n;
    const skip = ix.sampleBits > 0 && (sampleHash(keyLo) & ((1 << ix.sampleBits) - 1)) !== 0;
    let count: number;
    if (n >= shingleWords) {
      const shingles = this.minhash.input(n);
      const total = wordShingles(wb.hashes, n, shingleWords, shingles);
      count = this.distinct.dedupe(shingles, total);
      const repeated = 1 - count / total;
      // micro-units keep the sum an integer, so merged partials add up exactly
      p.repetition.sum += Math.round(repeated * 1e6);
      p.repetition.records++;
      if (repeated > LOOPING && total >= 10) {
        p.repetition.looping++;
        if (p.repetition.examples.length < MAX_EXAMPLES) p.repetition.examples.push(id);
      }
      if (skip) return;
    } else {
      if (skip) return;
      const chars =
        n === 0 ? new Int32Array(0) : charShingles(normalizeText(full), shortCharShingle);
      count = chars.length;
      this.minhash.input(count).set(chars);
    }
    reserveRecord(ix);
    const r = ix.n++;
    ix.ids[r] = id;
    ix.keyLo[r] = keyLo;
    ix.keyHi[r] = keyHi;
    ix.labels[r] = labelId;
    ix.sources[r] = this.src.id;
    const mins = this.minhash.signInput(count);
    bandHashes(mins, ix.bands, r * B);
    lowBytes(mins, ix.sigs, r * K);
    grams13(wb.hashes, n, ix);
    ix.gramEnds[r] = ix.gramCount;
    const { maxIndexedRecords, maxGramHashes } = p.limits;
    if (ix.n > maxIndexedRecords || ix.gramCount > maxGramHashes)
      enforceCaps(ix, maxIndexedRecords, maxGramHashes);
  }

  private offerBudget(keyLo: number, keyHi: number, full: string): void {
    const key = fmix32(keyLo ^ BUDGET_SALT) >>> 0;
    if (!this.budget.wants(key, keyHi)) return;
    const wb = this.words;
    this.budget.offer({ key, tie: keyHi, tokens: wb.hashes.slice(0, wb.n), text: full });
    this.partial.budget.tokens = this.budget.tokens;
  }

  private labels(label: string | null): number {
    const l = this.partial.labels;
    if (label === null) {
      l.missing++;
      return -1;
    }
    let labelId = this.labelIds.get(label);
    if (labelId === undefined) {
      if (l.names.length >= MAX_LABELS) {
        l.overflow++;
        return -1;
      }
      labelId = l.names.length;
      l.names.push(label);
      l.counts.push(0);
      this.labelIds.set(label, labelId);
    }
    l.counts[labelId] = (l.counts[labelId] as number) + 1;
    return labelId;
  }

  private metadata(id: number, ex: Extracted): void {
    const p = this.partial;
    const prov = p.provenance;
    if (typeof ex.id === 'string' && SCIENTIFIC.test(ex.id)) {
      p.mangledIds.count++;
      p.mangledIds.example ??= ex.id;
    }
    if (ex.confidence !== null) {
      p.confidence.present++;
      if (ex.confidence < p.limits.lowAgreementBelow) p.confidence.low++;
    }
    if (ex.hasSource) prov.present.source++;
    if (ex.hasLicense) prov.present.license++;
    if (ex.hasGenerator) prov.present.generator++;
    if (ex.synthetic !== null) prov.present.synthetic++;
    if (ex.synthetic === true) {
      prov.syntheticTrue++;
      if (!ex.hasGenerator) {
        prov.syntheticWithoutGenerator++;
        if (prov.examples.length < MAX_EXAMPLES) prov.examples.push(id);
      }
    }
    if (ex.createdAt === undefined || ex.createdAt === null || ex.createdAt === '') return;
    prov.present.createdAt++;
    const d = p.dates;
    d.present++;
    const day = this.dayOf(ex.createdAt);
    if (day === null) {
      d.unparseable++;
      if (d.examples.length < MAX_EXAMPLES)
        d.examples.push({ record: id, value: String(ex.createdAt).slice(0, 40) });
      return;
    }
    d.days.set(day, (d.days.get(day) ?? 0) + 1);
    this.src.day(day);
  }

  /** The epoch day of a creation date, or null; parses each distinct string once (up to a bound). */
  private dayOf(value: unknown): number | null {
    if (typeof value !== 'string') {
      const t = parseDate(value);
      return t === null ? null : dayOf(t);
    }
    let day = this.dates.get(value);
    if (day === undefined) {
      const t = parseDate(value);
      day = t === null ? null : dayOf(t);
      if (this.dates.size < DATE_CACHE && value.length <= 64) this.dates.set(value, day);
    }
    return day;
  }

  private personalData(id: number, full: string, hasAt: boolean, digits: number): void {
    const hits = findPii(full, hasAt, digits);
    if (hits.length === 0) return;
    const pii = this.partial.pii;
    pii.records++;
    this.src.pii();
    for (const hit of hits) {
      pii.kinds[hit.kind]++;
      if (pii.examples.length < MAX_EXAMPLES)
        pii.examples.push({ record: id, kind: hit.kind, value: hit.masked });
    }
  }
}
