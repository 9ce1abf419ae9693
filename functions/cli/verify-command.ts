import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { verifyReport } from '../core/report/bundle';
import { SIGNED_BUNDLE_FORMAT } from '../core/report/bundle-signed';
import { type FileHashes, matchSample, verifySignedBundle } from '../core/report/bundle-verify';
import { PASSPORT_FORMAT } from '../core/report/passport';
import { verifyPassport } from '../core/report/passport-verify';
import { fileSha256, fileTreeHash, rangeBytesOf } from './file-hash';
import type { CliIo } from './io';
import { KeysUnreadableError, loadKeySet } from './verify-keys';

const USAGE =
  'Usage: diligence verify <bundle.json> --keys <JWKS file or URL> [--sample <file>]\n       diligence verify <report.json> [--sha256 <hex>]\n';

const OPTIONS = {
  sha256: { type: 'string' },
  keys: { type: 'string' },
  sample: { type: 'string' },
} as const;

type Values = { sha256?: string; keys?: string; sample?: string };

/**
 * `diligence verify`: a signed bundle against the portal's published keys (and, with --sample,
 * the sample file against the bundle's hashes); a bare report against its own SHA-256.
 * Exit 0 when it holds, 1 when it does not (saying what failed), 2 on bad usage or unreadable input.
 */
export async function runVerify(args: string[], io: CliIo): Promise<number> {
  let positionals: string[];
  let values: Values;
  try {
    ({ positionals, values } = parseArgs({ args, allowPositionals: true, options: OPTIONS }));
  } catch (e) {
    io.stderr.write(`diligence verify: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (positionals.length !== 1) {
    io.stderr.write(`diligence verify: expected one file, got ${positionals.length}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0] as string;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.stderr.write(`diligence verify: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  if (values.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(values.sha256)) {
    io.stderr.write('diligence verify: --sha256 takes 64 hexadecimal digits\n');
    return 2;
  }
  const format = (value as { format?: unknown } | null)?.format;
  const signed = format === SIGNED_BUNDLE_FORMAT || format === PASSPORT_FORMAT;
  if (values.keys !== undefined || values.sample !== undefined || signed)
    return verifySigned(file, value, values, io);
  const result = verifyReport(value, values.sha256);
  if (!result.ok) {
    io.stderr.write(`diligence verify: ${file}: NOT intact: ${result.problem}\n`);
    return 1;
  }
  const version = result.version === null ? '' : ` version ${result.version}`;
  io.stdout.write(
    `${file}: intact. Report of assessment ${result.assessmentId}${version}, sha256 ${result.sha256}\n`,
  );
  return 0;
}

async function verifySigned(file: string, value: unknown, values: Values, io: CliIo) {
  const notOk = (problem: string) => {
    io.stderr.write(`diligence verify: ${file}: NOT verified: ${problem}\n`);
    return 1;
  };
  if (values.keys === undefined)
    return notOk(
      "this bundle is signed: give --keys with the portal's public keys (a file, or the URL https://<portal>/.well-known/diligence-keys.json)",
    );
  let keys: Awaited<ReturnType<typeof loadKeySet>>;
  try {
    keys = await loadKeySet(values.keys);
  } catch (e) {
    if (!(e instanceof KeysUnreadableError)) throw e;
    io.stderr.write(`diligence verify: ${e.message}\n`);
    return 2;
  }
  const verdict = asBundleVerdict(value, keys);
  if (!verdict.ok) return notOk(verdict.problem);
  if (values.sha256 && values.sha256.toLowerCase() !== verdict.sha256)
    return notOk(`expected ${values.sha256}, but the report hashes to ${verdict.sha256}`);
  let sampleLine = '';
  if (values.sample !== undefined) {
    let hashes: FileHashes;
    try {
      hashes = await hashesOf(values.sample, verdict.samples);
    } catch (e) {
      io.stderr.write(`diligence verify: cannot read ${values.sample}: ${(e as Error).message}\n`);
      return 2;
    }
    const match = matchSample(verdict.samples, hashes);
    if (!match.ok) return notOk(match.problem);
    sampleLine = `\n${values.sample}: is the ${match.sample.role} sample ${match.sample.fileName} the report measured.`;
  }
  io.stdout.write(
    `${file}: verified. Report of assessment ${verdict.assessmentId} (organization ${verdict.organizationId}) version ${verdict.version}, sha256 ${verdict.sha256}, signed ${verdict.issuedAt} by key ${verdict.kid}.${sampleLine}\n`,
  );
  return 0;
}

/** A bundle's verdict, or a passport's in the same terms (its report hash is the one it names). */
function asBundleVerdict(value: unknown, keys: Awaited<ReturnType<typeof loadKeySet>>) {
  if ((value as { format?: unknown }).format !== PASSPORT_FORMAT)
    return verifySignedBundle(value, keys);
  const p = verifyPassport(value, keys);
  if (!p.ok) return p;
  return {
    ok: true as const,
    kid: p.kid,
    issuedAt: p.content.issuedAt,
    assessmentId: p.content.assessment.id,
    organizationId: p.content.organization.id,
    version: p.content.report.version,
    sha256: p.content.report.sha256,
    samples: p.content.samples,
  };
}

/** The sample's plain SHA-256, and its tree hash for each range size the bundle's samples name. */
async function hashesOf(
  sample: string,
  samples: readonly { hashMethod?: string }[],
): Promise<FileHashes> {
  const tree: Record<string, string> = {};
  for (const method of new Set(samples.flatMap((s) => (s.hashMethod ? [s.hashMethod] : [])))) {
    const rangeBytes = rangeBytesOf(method);
    if (rangeBytes) tree[method] = (await fileTreeHash(sample, rangeBytes)).sha256;
  }
  return { sha256: await fileSha256(sample), tree };
}
