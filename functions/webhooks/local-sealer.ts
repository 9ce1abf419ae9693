import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadOnce } from '../lib/load-once';
import { contextBytes, SecretOpenError, type SecretSealer } from './secret-sealer';

/** Where the local webhook-secret key lives under DATA_DIR. */
export function localSecretKeyDir(dataDir: string): string {
  return join(dataDir, 'keys', 'webhook-secrets');
}

/** The local sealing key's file: `<dir>/0001.key`, 32 random bytes in base64, mode 0600. */
const KEY_FILE = '0001.key';
/** Sealed values: `local:1:<base64url of IV (12) ‖ tag (16) ‖ ciphertext>`. */
const PREFIX = 'local:1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Reads the key, creating it on first use: written whole to a temporary file (mode 0600), then
 * hard-linked to its name, which fails if another process got there first (theirs is kept), so
 * two processes never seal with two different keys.
 */
async function ensureKey(dir: string): Promise<Buffer> {
  const path = join(dir, KEY_FILE);
  try {
    return decodeKey(await readFile(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.new-${randomBytes(8).toString('hex')}`);
  await writeFile(temp, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  try {
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return decodeKey(await readFile(path, 'utf8'), path);
}

function decodeKey(text: string, path: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${path} is not a 32-byte key in base64`);
  return key;
}

/**
 * The local sealer: AES-256-GCM under a key in `dir` (DATA_DIR/keys/webhook-secrets), the
 * context as additional authenticated data, a fresh 96-bit IV per value.
 */
export function localSealer(dir: string): SecretSealer {
  const key = loadOnce(() => ensureKey(dir));
  return {
    async seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await key(), iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(contextBytes(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    async open(sealed, context) {
      if (!sealed.startsWith(PREFIX))
        throw new SecretOpenError('it was not sealed by the local key (local:1:…)', true);
      const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
      if (bytes.length <= IV_BYTES + TAG_BYTES)
        throw new SecretOpenError('the sealed value is truncated', true);
      const decipher = createDecipheriv('aes-256-gcm', await key(), bytes.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(contextBytes(context));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        const plain = Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]);
        return plain.toString('utf8');
      } catch {
        throw new SecretOpenError(
          'it does not open under its organization and endpoint (copied from another record, or altered)',
          true,
        );
      }
    },
  };
}
