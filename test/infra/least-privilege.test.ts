import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Template } from 'aws-cdk-lib/assertions';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDynamoClients } from '../../functions/lib/dynamo-clients';
import { type Engines, startEngines } from '../../functions/local/engines';
import { startInternalS3 } from '../../functions/local/server';
import { ensureTable } from '../../functions/store/table-schema';
import { installRecorder, recordedCalls, uninstallRecorder } from './aws-call-recorder';
import { type Fn, OVER_GRANTED, PLATFORM, ROLES, UNREACHED } from './least-privilege-expectations';
import { runFlows } from './least-privilege-flows';
import { roleGrants } from './role-grants';
import { synthStack } from './synth';

// Presigned URLs never go through `send`: record the command they sign.
vi.mock('@aws-sdk/s3-request-presigner', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@aws-sdk/s3-request-presigner')>();
  const { record } = await import('./aws-call-recorder');
  return {
    ...actual,
    getSignedUrl: (...args: Parameters<typeof actual.getSignedUrl>) => {
      record('S3', args[1]);
      return actual.getSignedUrl(...args);
    },
  };
});

const dirs: string[] = [];
let engines: Engines | undefined;
let servers: Server[] = [];
let template: Template;

async function jwksServer() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/jwks.json`;
  const sign = (role: string) =>
    new SignJWT({
      email: `${role}@demo.test`,
      'cognito:groups': [role],
      'custom:organization': 'demo',
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(role)
      .setIssuer('https://issuer.test')
      .setAudience('client-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
  return { url, sign };
}

beforeAll(async () => {
  ({ template } = synthStack());
  const dir = await mkdtemp(join(tmpdir(), 'diligence-least-'));
  dirs.push(dir);
  const rescoreQueueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/rescore';
  const rescoreQueue = Object.keys(template.findResources('AWS::SQS::Queue')).find((id) =>
    id.startsWith('RescoreQueue'),
  );
  if (!rescoreQueue) throw new Error('the stack has no re-score queue');
  const names = { table: 'diligence', samples: 'diligence-samples', reports: 'diligence-reports' };
  engines = await startEngines(dir, [names.samples, names.reports]);
  const s3Engine = await startInternalS3(engines.s3rver);
  servers.push(s3Engine.server);
  const jwks = await jwksServer();
  const env = {
    DILIGENCE_MODE: 'aws',
    AWS_REGION: 'eu-west-1',
    TABLE_NAME: names.table,
    SAMPLES_BUCKET: names.samples,
    REPORTS_BUCKET: names.reports,
    DYNAMODB_ENDPOINT: engines.dynamoEndpoint,
    S3_ENDPOINT: s3Engine.endpoint,
    AUTH_JWKS_URL: jwks.url,
    AUTH_ISSUER: 'https://issuer.test',
    AUTH_AUDIENCE: 'client-1',
    PUBLIC_BASE_URL: 'https://portal.test',
    MAIL_FROM: 'noreply@portal.test',
    ORIGIN_VERIFY_SECRET: 'origin-secret-0123456789',
    RESCORE_QUEUE_URL: rescoreQueueUrl,
    DISTRIBUTED_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:d',
    DISTRIBUTED_THRESHOLD_BYTES: '30000',
    DISTRIBUTED_RANGE_BYTES: '20000',
    MULTIPART_THRESHOLD_BYTES: String(5 * 1024 ** 2),
    MULTIPART_PART_BYTES: String(5 * 1024 ** 2),
    LOG_LEVEL: 'silent',
    POWERTOOLS_TRACE_ENABLED: 'false',
    POWERTOOLS_DEV: 'false',
  };
  // In aws mode the SDK takes the default credential chain: the engines' own keys.
  const credentials = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
  for (const [k, v] of Object.entries({ ...env, ...credentials })) vi.stubEnv(k, v);
  const { loadConfig } = await import('../../functions/lib/config');
  const config = loadConfig(env);
  const { createS3Client } = await import('../../functions/lib/s3-client');
  const { dynamo, doc } = createDynamoClients(config);
  await ensureTable(dynamo, names.table);
  installRecorder(
    { [names.samples]: 'SamplesBucket', [names.reports]: 'ReportsBucket' },
    { [rescoreQueueUrl]: rescoreQueue },
  );
  await runFlows({
    s3: createS3Client(config) as S3Client,
    doc,
    table: names.table,
    samplesBucket: names.samples,
    rescoreQueueUrl,
    originSecret: env.ORIGIN_VERIFY_SECRET,
    staff: {
      procurement: await jwks.sign('procurement'),
      governance: await jwks.sign('governance'),
      admin: await jwks.sign('admin'),
    },
  });
}, 240_000);

afterAll(async () => {
  uninstallRecorder();
  vi.unstubAllEnvs();
  for (const s of servers) s.close();
  servers = [];
  await engines?.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const called = (fn: Fn) =>
  sorted(
    recordedCalls()
      .filter((c) => c.fn === fn)
      .map((c) => `${c.action} ${c.resource}`),
  );

describe.each(Object.keys(ROLES) as Fn[])('%s role', (fn) => {
  it('grants every AWS call the handler makes in the flows', () => {
    const granted = roleGrants(template, ROLES[fn]);
    const calls = called(fn);
    expect(calls.length, 'the flows reach this handler').toBeGreaterThan(0);
    const missing = calls.filter((c) => !granted.has(c) && !granted.has(`${c.split(' ')[0]} *`));
    expect(missing, `called by ${fn} but not granted to ${ROLES[fn]}`).toEqual([]);
  });

  it('grants nothing the handler never calls (beyond the commented lists)', () => {
    const granted = roleGrants(template, ROLES[fn]);
    const calls = new Set(called(fn));
    const accepted = new Set([
      ...(UNREACHED[fn]?.grants ?? []),
      ...(OVER_GRANTED[fn] ?? []).map((o) => o.grant),
    ]);
    const unused = sorted(granted).filter(
      (g) => !calls.has(g) && !accepted.has(g) && !PLATFORM.some((p) => p.pattern.test(g)),
    );
    expect(unused, `granted to ${ROLES[fn]} but never called by ${fn}`).toEqual([]);
  });

  it('lists as over-granted only grants that are still granted and still never called', () => {
    const granted = roleGrants(template, ROLES[fn]);
    const calls = new Set(called(fn));
    const stale = (OVER_GRANTED[fn] ?? [])
      .map((o) => o.grant)
      .filter((g) => !granted.has(g) || calls.has(g));
    expect(stale, 'remove these from OVER_GRANTED').toEqual([]);
  });
});

describe('the recorder', () => {
  it('records presigned uploads as the signing function’s calls', () => {
    const signed = recordedCalls().filter(
      (c) => c.fn === 'api' && c.resource === 'SamplesBucket/samples/',
    );
    expect(signed.map((c) => c.command)).toEqual(
      expect.arrayContaining(['PutObjectCommand', 'UploadPartCommand']),
    );
  });

  it('maps every command the flows sent to an IAM action', () => {
    expect(recordedCalls().filter((c) => c.action.startsWith('unmapped'))).toEqual([]);
  });
});
