// PLACEHOLDER until merge: helper `fpcore` owns this module (CONTRACT-23). Exact-key matching only,
// JSON format; the integrator replaces this file with the real implementation.
import { createHmac } from 'node:crypto';
import { PARAMS_KEY } from '../partial/create';
import type { AnalysisPartial } from '../partial/types';
import { scanWords } from '../text/scan';
import { sequenceKey } from '../text/shingles';
import { WordBuffer } from '../text/word-buffer';

/** What a pack's corpus is: public machine text, the buyer's eval sets, the buyer's model outputs. */
export type PackKind = 'synthetic' | 'eval' | 'echo';

/** A hash-only fingerprint pack (placeholder: exact keys only). */
export interface FingerprintPack {
  format: 'diligence-fingerprints';
  version: number;
  params: string;
  name: string;
  kind: PackKind;
  keyed: boolean;
  records: number;
  /** Exact keys of the normalized records, hex (HMAC'd when keyed). */
  keys: string[];
}

/** One pack's matches in a sample. */
export interface PackMatch {
  pack: string;
  kind: PackKind;
  records: number;
  exactShare: number;
  nearShare: number;
  matchedShare: number;
  examples: number[];
}

/** A pack that cannot be used (wrong format, version or parameters). */
export class PackFormatError extends Error {}

const VERSION = 1;
const MAX_EXAMPLES = 10;

function keyHex(lo: number, hi: number, key?: Uint8Array): string {
  const raw = `${(lo >>> 0).toString(16).padStart(8, '0')}${(hi >>> 0).toString(16).padStart(8, '0')}`;
  return key ? createHmac('sha256', key).update(raw).digest('hex').slice(0, 32) : raw;
}

/** Builds a pack from record texts (streamed). */
export async function buildPack(
  records: AsyncIterable<string> | Iterable<string>,
  o: { name: string; kind: PackKind; key?: Uint8Array },
): Promise<FingerprintPack> {
  const keys = new Set<string>();
  const wb = new WordBuffer();
  const out = new Int32Array(2);
  let n = 0;
  for await (const text of records) {
    wb.reset();
    scanWords(text, wb);
    if (wb.n === 0) continue;
    sequenceKey(wb.hashes, wb.n, out);
    keys.add(keyHex(out[0] as number, out[1] as number, o.key));
    n++;
  }
  return {
    format: 'diligence-fingerprints',
    version: VERSION,
    params: PARAMS_KEY,
    name: o.name,
    kind: o.kind,
    keyed: Boolean(o.key),
    records: n,
    keys: [...keys],
  };
}

/** The pack's bytes. */
export function serializePack(p: FingerprintPack): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(p));
}

/** Reads a pack; throws PackFormatError on anything else. */
export function parsePack(bytes: Uint8Array): FingerprintPack {
  let p: FingerprintPack;
  try {
    p = JSON.parse(new TextDecoder().decode(bytes)) as FingerprintPack;
  } catch {
    throw new PackFormatError('This is not a fingerprint pack (not JSON).');
  }
  if (p?.format !== 'diligence-fingerprints')
    throw new PackFormatError(
      'This is not a fingerprint pack (format is not diligence-fingerprints).',
    );
  if (p.version !== VERSION)
    throw new PackFormatError(
      `Pack format version ${p.version} is not supported (expected ${VERSION}).`,
    );
  if (p.params !== PARAMS_KEY)
    throw new PackFormatError(
      'The pack was built with other analyzer parameters; rebuild it with this version.',
    );
  if (!['synthetic', 'eval', 'echo'].includes(p.kind) || !Array.isArray(p.keys))
    throw new PackFormatError('The pack is incomplete (kind or keys missing).');
  return p;
}

/** Matches a sample's stored partial against a pack (placeholder: exact keys of indexed records). */
export function matchPack(
  partial: AnalysisPartial,
  pack: FingerprintPack,
  key?: Uint8Array,
): PackMatch {
  const keys = new Set(pack.keys);
  const ix = partial.index;
  let hits = 0;
  const examples: number[] = [];
  for (let r = 0; r < ix.n; r++) {
    if (
      !keys.has(keyHex(ix.keyLo[r] as number, ix.keyHi[r] as number, pack.keyed ? key : undefined))
    )
      continue;
    hits++;
    if (examples.length < MAX_EXAMPLES) examples.push(ix.ids[r] as number);
  }
  const share = ix.n === 0 ? 0 : hits / ix.n;
  return {
    pack: pack.name,
    kind: pack.kind,
    records: hits,
    exactShare: share,
    nearShare: share,
    matchedShare: share,
    examples,
  };
}
