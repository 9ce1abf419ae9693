import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KMSClient } from '@aws-sdk/client-kms';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../functions/lib/config';
import { kmsOpenOnly } from '../../../functions/webhooks/kms-opener';
import { kmsSealOnly } from '../../../functions/webhooks/kms-sealer';
import { localSealer, localSecretKeyDir } from '../../../functions/webhooks/local-sealer';
import { webhookOpenerFor } from '../../../functions/webhooks/secret-openers';
import { SecretOpenError } from '../../../functions/webhooks/secret-sealer';
import { webhookSealerFor } from '../../../functions/webhooks/secret-sealers';

const ARN = 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555';
const here = { organizationId: 'demo', endpointId: '01kb2m3n4p5q6r7s8t9v0w1x2z' };
const secret = `whsec_${randomBytes(32).toString('base64url')}`;

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'diligence-sealer-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** What `open` rejects with, or undefined when it opened. */
async function openError(open: () => Promise<string>): Promise<SecretOpenError | undefined> {
  try {
    await open();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(SecretOpenError);
    return error as SecretOpenError;
  }
}

describe('local sealer (AES-256-GCM under DATA_DIR/keys/webhook-secrets)', () => {
  it('round-trips, and the sealed text holds nothing of the secret', async () => {
    const sealer = localSealer(localSecretKeyDir(dataDir));
    const sealed = await sealer.seal(secret, here);
    expect(sealed).toMatch(/^local:1:[\w-]+$/);
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(await sealer.seal(secret, here)).not.toBe(sealed); // a fresh IV each time
    expect(await sealer.open(sealed, here)).toBe(secret);
    // another process (a new sealer over the same folder) opens it with the same key
    expect(await localSealer(localSecretKeyDir(dataDir)).open(sealed, here)).toBe(secret);
  });

  it('refuses a value moved to another endpoint or organization, or altered (permanently)', async () => {
    const sealer = localSealer(localSecretKeyDir(dataDir));
    const sealed = await sealer.seal(secret, here);
    for (const elsewhere of [
      { ...here, endpointId: '01kb2m3n4p5q6r7s8t9v0w1x30' },
      { ...here, organizationId: 'acme' },
    ]) {
      const error = await openError(() => sealer.open(sealed, elsewhere));
      expect(error?.permanent).toBe(true);
      expect(error?.message).toContain('does not open under its organization and endpoint');
    }
    const bytes = Buffer.from(sealed.slice('local:1:'.length), 'base64url');
    bytes[bytes.length - 1] = (bytes.at(-1) ?? 0) ^ 1;
    const altered = `local:1:${bytes.toString('base64url')}`;
    expect((await openError(() => sealer.open(altered, here)))?.permanent).toBe(true);
    expect((await openError(() => sealer.open('kms:1:AAAA', here)))?.permanent).toBe(true);
    expect((await openError(() => sealer.open('local:1:AAAA', here)))?.message).toContain(
      'truncated',
    );
  });

  it('creates one key file, mode 0600, even when two processes race on an empty folder', async () => {
    const dir = localSecretKeyDir(dataDir);
    const [a, b] = [localSealer(dir), localSealer(dir)];
    const [fromA, fromB] = await Promise.all([a.seal('one', here), b.seal('two', here)]);
    expect(await b.open(fromA, here)).toBe('one');
    expect(await a.open(fromB, here)).toBe('two');
    expect(await readdir(dir)).toEqual(['0001.key']); // no temporary file left behind
    const file = join(dir, '0001.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(await readFile(file, 'utf8'), 'base64')).toHaveLength(32);
  });
});

/**
 * A fake KMS that keeps what KMS guarantees: a ciphertext decrypts only with the key and the
 * exact, case-sensitive encryption context it was encrypted with, else InvalidCiphertextException
 * (https://docs.aws.amazon.com/goto/WebAPI/kms/Encrypt: "you must specify the same encryption
 * context (a case-sensitive exact match) when decrypting"); Encrypt takes up to 4,096 bytes.
 */
function fakeKms() {
  const blobs = new Map<string, { plain: Buffer; context: string; key: string }>();
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  let failNext: string | undefined;
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const { name } = command.constructor;
      const input = command.input;
      calls.push({ name, input });
      const context = JSON.stringify(Object.entries(input.EncryptionContext ?? {}).sort());
      if (failNext) {
        const error = new Error('fake KMS failure');
        error.name = failNext;
        failNext = undefined;
        throw error;
      }
      if (name === 'EncryptCommand') {
        const plain = Buffer.from(input.Plaintext as Uint8Array);
        if (plain.length > 4096) throw new Error('plaintext over 4 KiB');
        const id = randomBytes(16).toString('hex');
        blobs.set(id, { plain, context, key: String(input.KeyId) });
        return { CiphertextBlob: Buffer.from(id, 'hex') };
      }
      const id = Buffer.from(input.CiphertextBlob as Uint8Array).toString('hex');
      const blob = blobs.get(id);
      if (!blob || blob.context !== context || blob.key !== input.KeyId) {
        const error = new Error('InvalidCiphertextException');
        error.name = 'InvalidCiphertextException';
        throw error;
      }
      return { Plaintext: blob.plain };
    },
  };
  return {
    kms: async () => client as unknown as Pick<KMSClient, 'send'>,
    calls,
    failWith: (name: string) => {
      failNext = name;
    },
  };
}

describe('KMS sealer and opener', () => {
  it('encrypts under the key with the endpoint context, and decrypts naming both again', async () => {
    const fake = fakeKms();
    const sealed = await kmsSealOnly(fake.kms, ARN).seal(secret, here);
    expect(sealed).toMatch(/^kms:1:/);
    expect(fake.calls[0]).toMatchObject({
      name: 'EncryptCommand',
      input: { KeyId: ARN, EncryptionContext: here },
    });
    const opener = kmsOpenOnly(fake.kms, ARN);
    expect(await opener.open(sealed, here)).toBe(secret);
    // Decrypt names the key: symmetric ciphertext carries it, but naming it is the documented
    // best practice (https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html).
    expect(fake.calls[1]).toMatchObject({
      name: 'DecryptCommand',
      input: { KeyId: ARN, EncryptionContext: here },
    });
  });

  it('calls a moved value permanent failure, and a KMS outage a retryable one', async () => {
    const fake = fakeKms();
    const sealed = await kmsSealOnly(fake.kms, ARN).seal(secret, here);
    const opener = kmsOpenOnly(fake.kms, ARN);
    const moved = await openError(() => opener.open(sealed, { ...here, organizationId: 'acme' }));
    expect(moved?.permanent).toBe(true);
    expect(moved?.message).toContain('InvalidCiphertextException');
    fake.failWith('ThrottlingException');
    const later = await openError(() => opener.open(sealed, here));
    expect(later?.permanent).toBe(false);
    expect(await opener.open(sealed, here)).toBe(secret);
    expect((await openError(() => opener.open('local:1:AAAA', here)))?.permanent).toBe(true);
  });

  it('keeps each role to its half: the API cannot open, the worker cannot seal', async () => {
    const fake = fakeKms();
    const sealed = await kmsSealOnly(fake.kms, ARN).seal(secret, here);
    const apiOpen = await openError(() => kmsSealOnly(fake.kms, ARN).open(sealed, here));
    expect(apiOpen?.message).toContain('only seals');
    await expect(kmsOpenOnly(fake.kms, ARN).seal(secret, here)).rejects.toThrow(/only opens/);
    expect(fake.calls.map((c) => c.name)).toEqual(['EncryptCommand']);
  });
});

describe('choice by configuration', () => {
  it('uses the local key without WEBHOOK_SECRETS_KEY_ARN, and refuses in AWS without it', async () => {
    const local = loadConfig({ DATA_DIR: dataDir });
    const sealed = await webhookSealerFor(local).seal(secret, here);
    expect(await webhookOpenerFor(local).open(sealed, here)).toBe(secret);
    const aws = loadConfig({
      DATA_DIR: dataDir,
      DILIGENCE_MODE: 'aws',
      AUTH_JWKS_URL: 'https://cognito.example/jwks.json',
    });
    await expect(webhookSealerFor(aws).seal(secret, here)).rejects.toThrow(
      /WEBHOOK_SECRETS_KEY_ARN/,
    );
    const error = await openError(() => webhookOpenerFor(aws).open(sealed, here));
    expect(error?.message).toContain('WEBHOOK_SECRETS_KEY_ARN');
    expect(() => loadConfig({ WEBHOOK_SECRETS_KEY_ARN: 'alias/oops' })).toThrow(/KMS key ARN/);
  });
});
