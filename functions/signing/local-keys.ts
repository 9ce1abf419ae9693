import {
  createPrivateKey,
  generateKeyPairSync,
  type JsonWebKey,
  randomBytes,
  sign,
} from 'node:crypto';
import { link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jcsBytes, sha256 } from '../core/signing/jcs';
import { ALG, type PublishedKey, type ReportKeys, type Signer } from '../core/signing/types';

/** One stored key pair: `<dir>/<0001>.json`, mode 0600; the highest number is current. */
interface StoredKey {
  kid: string;
  createdAt: string;
  privateJwk: JsonWebKey;
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
}

const NAME = /^(\d{4,})\.json$/;

async function stored(dir: string): Promise<StoredKey[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const numbered = names
    .map((n) => NAME.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  return Promise.all(
    numbered.map(async (m) => JSON.parse(await readFile(join(dir, m[0]), 'utf8')) as StoredKey),
  );
}

function newKey(now: Date): StoredKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pub = publicKey.export({ format: 'jwk' });
  const publicJwk = {
    kty: 'EC' as const,
    crv: 'P-256' as const,
    x: String(pub.x),
    y: String(pub.y),
  };
  // RFC 7638 thumbprint: SHA-256 of the required members in canonical JSON.
  const thumb = Buffer.from(sha256(jcsBytes(publicJwk))).toString('base64url');
  return {
    kid: `local-${thumb.slice(0, 16)}`,
    createdAt: now.toISOString(),
    privateJwk: privateKey.export({ format: 'jwk' }),
    publicJwk,
  };
}

/**
 * Writes key number `n` unless it exists: written whole to a temporary file (mode 0600), then
 * hard-linked to its name, which fails if another process got there first (theirs is kept).
 */
async function createNumbered(dir: string, n: number, now: Date): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.new-${randomBytes(8).toString('hex')}`);
  await writeFile(temp, JSON.stringify(newKey(now)), { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, join(dir, `${String(n).padStart(4, '0')}.json`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
}

function published(keys: StoredKey[]): PublishedKey[] {
  return keys.map((k, i) => {
    const next = keys[i + 1];
    return {
      ...k.publicJwk,
      kid: k.kid,
      alg: ALG,
      use: 'sig',
      notBefore: k.createdAt,
      ...(next ? { notAfter: next.createdAt } : {}),
    };
  });
}

function signerOf(key: StoredKey): Signer {
  const privateKey = createPrivateKey({ key: key.privateJwk, format: 'jwk' });
  return {
    kid: key.kid,
    alg: ALG,
    sign: async (message) =>
      new Uint8Array(sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' })),
  };
}

/**
 * Report keys kept under `dir` (DATA_DIR/keys/report-signing): the first use creates key 0001; `rotateLocalKey` adds the next. Every key's public half stays published.
 */
export function localReportKeys(dir: string, clock: () => Date = () => new Date()): ReportKeys {
  const ensured = async () => {
    const keys = await stored(dir);
    if (keys.length > 0) return keys;
    await createNumbered(dir, 1, clock());
    return stored(dir);
  };
  return {
    signer: async () => signerOf((await ensured()).at(-1) as StoredKey),
    published: async () => ({ keys: published(await ensured()) }),
  };
}

/**
 * Rotation: a new current key (the next number); older keys keep signing nothing but stay in the
 * JWKS with `notAfter` set, so bundles they signed still verify. Returns the new public key.
 */
export async function rotateLocalKey(dir: string, now = new Date()): Promise<PublishedKey> {
  const before = await stored(dir);
  await createNumbered(dir, before.length + 1, now);
  return published(await stored(dir)).at(-1) as PublishedKey;
}
