import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../functions/lib/config';
import { reportKeysFor } from '../../../functions/signing/report-keys';

const ARN = 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555';
const aws = { DILIGENCE_MODE: 'aws', AUTH_JWKS_URL: 'https://idp.example/jwks.json' };

describe('SIGNING_KEYS', () => {
  it('parses the JSON list of KMS keys, current first, with their validity', () => {
    const config = loadConfig({
      ...aws,
      SIGNING_KEYS: JSON.stringify([{ arn: ARN, notAfter: '2026-06-01T00:00:00.000Z' }]),
    });
    expect(config.SIGNING_KEYS).toEqual([{ arn: ARN, notAfter: '2026-06-01T00:00:00.000Z' }]);
  });

  it('names the variable when it is not a list of KMS key ARNs', () => {
    for (const bad of ['not json', '[]', JSON.stringify([{ arn: 'alias/x' }])]) {
      expect(() => loadConfig({ ...aws, SIGNING_KEYS: bad })).toThrow(ConfigError);
      try {
        loadConfig({ ...aws, SIGNING_KEYS: bad });
      } catch (e) {
        expect((e as ConfigError).problems.join('\n')).toContain('SIGNING_KEYS');
      }
    }
  });

  it('signs with a key under DATA_DIR locally, and refuses in AWS without SIGNING_KEYS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diligence-data-'));
    try {
      const local = reportKeysFor(loadConfig({ DATA_DIR: dir }), () => new Date());
      expect((await local.signer()).kid).toMatch(/^local-/);
      const none = reportKeysFor(loadConfig(aws), () => new Date());
      await expect(none.signer()).rejects.toThrow(/SIGNING_KEYS/);
      expect(await none.published()).toEqual({ keys: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
