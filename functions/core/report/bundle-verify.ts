import { jcsBytes } from '../signing/jcs';
import type { KeySet } from '../signing/types';
import { findKey, keyProblem, verifyEs256 } from '../signing/verify';
import { verifyReport } from './bundle';
import { type BundleSample, SIGNED_BUNDLE_FORMAT, type SignedBundle } from './bundle-signed';

/** The outcome of checking a signed bundle against a JWKS. */
export type BundleVerdict =
  | {
      ok: true;
      kid: string;
      issuedAt: string;
      assessmentId: string;
      organizationId: string;
      version: number;
      sha256: string;
      samples: BundleSample[];
    }
  | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const fail = (problem: string): BundleVerdict => ({ ok: false, problem });

function shapeProblem(v: Record<string, unknown>): string | undefined {
  if (v.format === 'diligence-report-bundle/1')
    return 'this bundle predates signed reports (format 1 carries only a SHA-256, which anyone can recompute): download the bundle again from the portal';
  if (v.format !== SIGNED_BUNDLE_FORMAT)
    return `this is not a signed Diligence report bundle (format should be "${SIGNED_BUNDLE_FORMAT}")`;
  const sig = v.signature;
  if (!isObject(sig) || sig.alg !== 'ES256' || typeof sig.kid !== 'string')
    return 'signature: missing, or not { alg: "ES256", kid, value }';
  if (typeof sig.value !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(sig.value))
    return 'signature.value: not 64 bytes of base64url (raw r‖s)';
  for (const field of ['assessment', 'organization', 'report'] as const)
    if (!isObject(v[field])) return `${field}: missing`;
  if (!Array.isArray(v.samples)) return 'samples: missing';
  if (typeof v.issuedAt !== 'string') return 'issuedAt: missing';
  return undefined;
}

/** Fields that must agree with the report inside, checked before the signature for a clear reason. */
function consistencyProblem(b: SignedBundle, reportSha: string): string | undefined {
  if (b.version !== b.report.version)
    return `version: the bundle says ${b.version}, but the report inside is version ${b.report.version}`;
  if (b.assessment.id !== b.report.assessmentId)
    return `assessment.id: the bundle says ${b.assessment.id}, but the report is of ${b.report.assessmentId}`;
  const files = new Map(
    b.report.samples.flatMap((s) => (s.file ? [[s.file.sampleId, s.file]] : [])),
  );
  if (b.samples.length !== files.size)
    return `samples: the bundle lists ${b.samples.length}, the report ${files.size}`;
  for (const s of b.samples) {
    const named = s.sha256 ?? s.treeHash;
    const file = files.get(s.sampleId);
    if (!file) return `samples: ${s.fileName} (${s.sampleId}) is not in the report`;
    if (named !== file.sha256)
      return `sample hash differs: the bundle names ${named} for ${s.fileName}, the report ${file.sha256}`;
  }
  return reportSha ? undefined : 'report: no sha256';
}

/**
 * Checks a signed bundle: its report intact, its fields consistent, its key in `keys` and valid
 * at `issuedAt`, and its ES256 signature over the JCS of everything but `signature`.
 */
export function verifySignedBundle(value: unknown, keys: KeySet): BundleVerdict {
  if (!isObject(value)) return fail('this is not a JSON object');
  const shape = shapeProblem(value);
  if (shape) return fail(shape);
  const b = value as unknown as SignedBundle;
  const report = verifyReport(b.report);
  if (!report.ok) return fail(`report: ${report.problem}`);
  const inconsistent = consistencyProblem(b, report.sha256);
  if (inconsistent) return fail(inconsistent);
  const signed = checkSignature(b, keys);
  if (!signed.ok) return signed;
  return {
    ok: true,
    kid: signed.kid,
    issuedAt: b.issuedAt,
    assessmentId: b.assessment.id,
    organizationId: b.organization.id,
    version: b.version,
    sha256: report.sha256,
    samples: b.samples,
  };
}

/**
 * The signature of any signed document (bundle or passport): its key in `keys`, valid at the
 * document's `issuedAt`, and ES256 over the JCS of everything but `signature`.
 */
export function checkSignature(
  doc: { signature: { kid: string; value: string }; issuedAt: string },
  keys: KeySet,
): { ok: true; kid: string } | { ok: false; problem: string } {
  const { signature, ...content } = doc;
  const key = findKey(keys, signature.kid);
  if (!key)
    return fail(
      `key ${signature.kid} is not in the JWKS: the bundle was signed by a key this portal does not publish`,
    ) as { ok: false; problem: string };
  const expired = keyProblem(key, doc.issuedAt);
  if (expired) return { ok: false, problem: expired };
  const raw = Buffer.from(signature.value, 'base64url');
  if (!verifyEs256(key, jcsBytes(content), raw))
    return {
      ok: false,
      problem:
        'signature does not match: the bundle was changed after signing (a field other than the report, or the report and its SHA-256 together)',
    };
  return { ok: true, kid: key.kid };
}

/** A file's hashes: its plain SHA-256 and, per tree hash method, its tree hash. */
export interface FileHashes {
  sha256: string;
  tree: Record<string, string>;
}

/** The bundle sample a file is, or a problem saying the hashes differ. */
export function matchSample(
  samples: readonly BundleSample[],
  file: FileHashes,
): { ok: true; sample: BundleSample } | { ok: false; problem: string } {
  const sample = samples.find((s) =>
    s.treeHash && s.hashMethod ? file.tree[s.hashMethod] === s.treeHash : s.sha256 === file.sha256,
  );
  if (sample) return { ok: true, sample };
  const named = samples.map((s) => `${s.fileName} ${s.sha256 ?? s.treeHash}`).join('; ');
  return {
    ok: false,
    problem: `sample hash differs: the file hashes to ${file.sha256}, but the bundle names ${named || 'no samples'}`,
  };
}
