import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { StaffRole } from '../core/assessment/types';

/** A locally kept ES256 key pair for signing dev staff tokens. */
export interface LocalKeys {
  jwks: ReturnType<typeof createLocalJWKSet>;
  sign(
    claims: { email: string; role: StaffRole; organizationId: string },
    ttlSeconds?: number,
  ): Promise<string>;
}

interface StoredKeys {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreate(dir: string): Promise<StoredKeys> {
  const file = join(dir, 'jwt-signing-key.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const stored: StoredKeys = {
    kid,
    privateJwk: await exportJWK(privateKey),
    publicJwk: await exportJWK(publicKey),
  };
  await mkdir(dir, { recursive: true });
  await writeFile(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
  return stored;
}

/** Loads the key pair from `dir` (creating it on first boot) and returns a signer and key set. */
export async function localKeys(dir: string, issuer: string, audience: string): Promise<LocalKeys> {
  const stored = await loadOrCreate(dir);
  const privateKey = await importJWK(stored.privateJwk, 'ES256');
  const jwks = createLocalJWKSet({
    keys: [{ ...stored.publicJwk, kid: stored.kid, alg: 'ES256', use: 'sig' }],
  });
  return {
    jwks,
    sign: (claims, ttlSeconds = 8 * 3600) =>
      new SignJWT({
        email: claims.email,
        'cognito:groups': [claims.role],
        'custom:organization': claims.organizationId,
      })
        .setProtectedHeader({ alg: 'ES256', kid: stored.kid })
        .setSubject(`local:${claims.email}`)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(privateKey),
  };
}
