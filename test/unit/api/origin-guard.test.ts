import { describe, expect, it } from 'vitest';
import {
  createOriginGuard,
  extensionSecret,
  ORIGIN_HEADER,
} from '../../../functions/api/origin-guard';

const secret = 's'.repeat(48);
const rotated = 'r'.repeat(48);

function reader(values: string[]) {
  let reads = 0;
  return {
    read: async () => {
      const value = values[Math.min(reads, values.length - 1)] ?? '';
      reads += 1;
      return value;
    },
    reads: () => reads,
  };
}

describe('the origin guard over Secrets Manager', () => {
  it('reads the secret once and answers from the cache after that', async () => {
    const source = reader([secret]);
    const guard = createOriginGuard(source.read);
    expect(await guard({ [ORIGIN_HEADER]: secret })).toBe(true);
    expect(await guard({ [ORIGIN_HEADER]: secret })).toBe(true);
    expect(source.reads()).toBe(1);
  });

  it('refuses a wrong header without reading again within a minute of the last read', async () => {
    const source = reader([secret]);
    let clock = 0;
    const guard = createOriginGuard(source.read, { now: () => clock });
    expect(await guard({})).toBe(false);
    clock = 59_000;
    expect(await guard({ [ORIGIN_HEADER]: 'x'.repeat(48) })).toBe(false);
    expect(source.reads()).toBe(1);
  });

  it('picks up a rotated secret on a mismatch once the minute is over', async () => {
    const source = reader([secret, rotated]);
    let clock = 0;
    const guard = createOriginGuard(source.read, { now: () => clock });
    expect(await guard({ [ORIGIN_HEADER]: secret })).toBe(true);
    clock = 61_000;
    expect(await guard({ [ORIGIN_HEADER]: rotated })).toBe(true);
    expect(await guard({ [ORIGIN_HEADER]: secret })).toBe(false);
    expect(source.reads()).toBe(2);
  });

  it('does not cache a failed read', async () => {
    let calls = 0;
    const guard = createOriginGuard(async () => {
      calls += 1;
      if (calls === 1) throw new Error('extension not ready');
      return secret;
    });
    await expect(guard({ [ORIGIN_HEADER]: secret })).rejects.toThrow(/not ready/);
    expect(await guard({ [ORIGIN_HEADER]: secret })).toBe(true);
  });

  it('refuses an extension answer without a usable secret, so a blank value never opens the gate', async () => {
    const answer = (body: unknown, status = 200) =>
      (async () => Response.json(body, { status })) as unknown as typeof fetch;
    const source = {
      secretArn: 'arn:aws:secretsmanager:eu-west-1:1:secret:x',
      port: 2773,
      sessionToken: 't',
    };
    await expect(extensionSecret(source, answer({ SecretString: '' }))()).rejects.toThrow(/usable/);
    await expect(extensionSecret(source, answer({}, 400))()).rejects.toThrow(/400/);
    expect(await extensionSecret(source, answer({ SecretString: secret }))()).toBe(secret);
  });
});
