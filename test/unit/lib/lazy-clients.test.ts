import { describe, expect, it } from 'vitest';
import { buildDeps } from '../../../functions/api/build-deps';
import { type AwsClients, defaultAwsClients } from '../../../functions/lib/aws-clients';
import { loadConfig } from '../../../functions/lib/config';
import { createLogger } from '../../../functions/lib/logger';

const config = loadConfig({ LOG_LEVEL: 'silent' });

/** Clients that record which one was asked for and answer every command with `reply`. */
function recordingClients(reply: unknown) {
  const used: string[] = [];
  const client = (name: string) => {
    used.push(name);
    return { send: async () => reply };
  };
  const clients = {
    get dynamo() {
      return client('dynamo');
    },
    get doc() {
      return client('doc');
    },
    get s3() {
      return client('s3');
    },
  } as unknown as AwsClients;
  return { clients, used };
}

const options = {
  logger: createLogger('silent'),
  mailer: async () => undefined,
  verifyStaff: async () => {
    throw new Error('not used');
  },
};

describe('AWS clients at cold start', () => {
  it('buildDeps reads no client until a repository or the blob store is called', async () => {
    const { clients, used } = recordingClients({ ContentLength: 5, Item: undefined });
    const deps = buildDeps(config, clients, options);
    expect(used).toEqual([]);
    expect(await deps.blobs.head('samples', 'a/b')).toMatchObject({ size: 5 });
    expect(used).toEqual(['s3']);
    expect(await deps.repos.organizations.get('demo')).toBeUndefined();
    expect(used).toEqual(['s3', 'doc']);
  });

  it('defaultAwsClients builds each client once per container, on first use', () => {
    const a = defaultAwsClients(config);
    const b = defaultAwsClients(config);
    const s3 = a.s3;
    expect(b.s3).toBe(s3);
    expect(a.doc).toBe(b.doc);
    expect(a.dynamo).toBe(b.dynamo);
  });
});
