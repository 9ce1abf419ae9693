import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** What a C2PA manifest store in an image says, after validation with the reference implementation. */
export interface C2paResult {
  /** False when validation failed (tampered bytes, broken signature, unreadable store). */
  valid: boolean;
  /** The `c2pa.created` action's IPTC digital source type (last path segment), when any. */
  digitalSourceType?: string;
  /** The claim generator (the software that wrote the manifest). */
  generator?: string;
  /**
   * The `c2pa.training-mining` or `cawg.training-mining` verdict for AI training (the strictest of
   * its training, generative-training and data-mining entries): notAllowed, constrained or allowed.
   */
  trainingMining?: string;
  /**
   * Who signed, as c2pa reports it in `signature_info.issuer`: the signing certificate's subject
   * organization (not its certificate authority), else its common name. Unverified: no trust list
   * is configured.
   */
  issuer?: string;
  /** Why validation failed (the first failure code or the reader's error). */
  error?: string;
}

type Wasm = typeof import('@contentauth/c2pa-wasm');
let wasm: Promise<Wasm> | null = null;

/** Loads the c2pa-wasm module once, compiling its WebAssembly from the package (no download). */
export function loadC2pa(): Promise<Wasm> {
  wasm ??= import('@contentauth/c2pa-wasm').then((m) => {
    const require = createRequire(import.meta.url);
    m.initSync({ module: readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });
    return m;
  });
  return wasm;
}

/** True when the bytes may hold a C2PA manifest store (a JUMBF box labelled "c2pa"): cheap pre-check. */
export function mayHaveC2pa(bytes: Buffer): boolean {
  return bytes.includes('jumb') && bytes.includes('c2pa');
}

const MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heif: 'image/avif',
  avif: 'image/avif',
  tiff: 'image/tiff',
  gif: 'image/gif',
};

interface Assertion {
  label?: string;
  data?: Record<string, unknown>;
}

function created(assertions: Assertion[]): string | undefined {
  for (const a of assertions) {
    if (!a.label?.startsWith('c2pa.actions')) continue;
    const actions = (a.data?.actions ?? []) as { action?: string; digitalSourceType?: string }[];
    const c = actions.find((x) => x.action === 'c2pa.created' || x.action === 'c2pa.opened');
    if (c?.digitalSourceType) return c.digitalSourceType.split('/').filter(Boolean).pop();
  }
  return undefined;
}

/** An assertion label without its instance suffix (`c2pa.training-mining__1`). */
const bare = (label = '') => label.replace(/__\d+$/, '');

function trainingMining(assertions: Assertion[]): string | undefined {
  for (const a of assertions) {
    const label = bare(a.label);
    if (label !== 'c2pa.training-mining' && label !== 'cawg.training-mining') continue;
    const entries = (a.data?.entries ?? {}) as Record<string, { use?: string }>;
    const uses = Object.entries(entries)
      .filter(([k]) => /training|generative|mining/.test(k))
      .map(([, v]) => v.use);
    if (uses.includes('notAllowed')) return 'notAllowed';
    if (uses.includes('constrained')) return 'constrained';
    if (uses.includes('allowed')) return 'allowed';
  }
  return undefined;
}

/**
 * Failure codes that only say the signer (or time-stamp authority) is not on a trust list. None
 * is configured, so every signer is untrusted: not a failure of the file.
 */
const TRUST_ONLY = new Set(['signingCredential.untrusted', 'timeStamp.untrusted']);

/** Failure-sounding codes, for an old store JSON that lists every status in `validation_status`. */
const FAILURE =
  /(mismatch|invalid|missing|malformed|revoked|expired|notFound|outsideValidity|multiple|undeclared|inaccessible|unsupported|error)/i;

/**
 * Reads and validates an image's C2PA manifest store with c2pa-wasm. Null when the image has none.
 * Invalid when c2pa's validation state is `Invalid` or the active manifest lists a failure code
 * (bytes changed after signing: `assertion.dataHash.mismatch`). The certificate is not checked
 * against a trust list (none is configured): `signingCredential.untrusted` (and
 * `timeStamp.untrusted`) is therefore not a failure, and the signer is reported as unverified.
 */
export async function readC2pa(bytes: Buffer, format: string): Promise<C2paResult | null> {
  if (!mayHaveC2pa(bytes)) return null;
  const m = await loadC2pa();
  let json: string;
  try {
    const reader = await m.WasmReader.fromBytes(MIME[format] ?? `image/${format}`, bytes);
    json = reader.json();
    reader.free();
  } catch (e) {
    const message = String((e as Error).message ?? e);
    if (/JumbfNotFound|NotFound/i.test(message)) return null;
    return { valid: false, error: message.slice(0, 200) };
  }
  const store = JSON.parse(json) as {
    active_manifest?: string;
    manifests?: Record<
      string,
      {
        assertions?: Assertion[];
        claim_generator?: string;
        claim_generator_info?: { name?: string }[];
        signature_info?: { issuer?: string; common_name?: string };
      }
    >;
    validation_state?: string;
    validation_status?: { code: string }[];
    validation_results?: { activeManifest?: { failure?: { code: string }[] } };
  };
  const active = store.manifests?.[store.active_manifest ?? ''];
  // c2pa-rs lists the active manifest's failures (a hash mismatch is assertion.dataHash.mismatch,
  // state Invalid); without that list, the failure-sounding codes of validation_status
  const listed = store.validation_results?.activeManifest?.failure;
  const failures = (listed ?? store.validation_status?.filter((s) => FAILURE.test(s.code)) ?? [])
    .map((s) => s.code)
    .filter((c) => !TRUST_ONLY.has(c));
  const valid = store.validation_state
    ? store.validation_state !== 'Invalid' && failures.length === 0
    : failures.length === 0;
  const assertions = active?.assertions ?? [];
  const result: C2paResult = { valid };
  const dst = created(assertions);
  if (dst) result.digitalSourceType = dst;
  const generator = active?.claim_generator_info?.[0]?.name ?? active?.claim_generator;
  if (generator) result.generator = generator;
  const tm = trainingMining(assertions);
  if (tm) result.trainingMining = tm;
  const issuer = active?.signature_info?.issuer ?? active?.signature_info?.common_name;
  if (issuer) result.issuer = issuer;
  if (!valid) result.error = failures[0] ?? `validation state ${store.validation_state}`;
  return result;
}
