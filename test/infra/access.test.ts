import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, type FunctionAccess, type FunctionName } from '../../infra/constructs/access';
import { projectRoot, synthStack } from './synth';
import { asList, policyStatements } from './template-tools';

const FUNCTIONS: Record<FunctionName, { entry: string; role: string }> = {
  api: { entry: 'functions/api/lambda.ts', role: 'ApiFunctionRole' },
  analyze: { entry: 'functions/analyze/lambda.ts', role: 'AnalyzerAnalyzeRole' },
  deadLetters: {
    entry: 'functions/analyze/dead-letters/lambda.ts',
    role: 'AnalyzerDeadLettersRole',
  },
  notify: { entry: 'functions/notify/lambda.ts', role: 'NotifierNotifyRole' },
  purge: { entry: 'functions/retention/lambda.ts', role: 'RetentionPurgeRole' },
  orphans: { entry: 'functions/retention/orphan-lambda.ts', role: 'RetentionOrphansRole' },
  distributedPlan: {
    entry: 'functions/analyze/distributed/lambda-plan.ts',
    role: 'DistributedPlanRole',
  },
  distributedFold: {
    entry: 'functions/analyze/distributed/lambda-fold.ts',
    role: 'DistributedFoldRole',
  },
  distributedGroup: {
    entry: 'functions/analyze/distributed/lambda-group.ts',
    role: 'DistributedGroupRole',
  },
  distributedMerge: {
    entry: 'functions/analyze/distributed/lambda-merge.ts',
    role: 'DistributedMergeRole',
  },
  distributedFail: {
    entry: 'functions/analyze/distributed/lambda-fail.ts',
    role: 'DistributedFailRole',
  },
  rescore: { entry: 'functions/rescore/lambda.ts', role: 'RescoreWorkerRole' },
  webhooks: { entry: 'functions/webhooks/lambda.ts', role: 'WebhooksWorkerRole' },
};

/**
 * The IAM actions each SDK command needs (HeadObject is authorized as GetObject). Reads of samples
 * name the version their analysis pinned, which needs s3:GetObjectVersion
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html); the orphan sweep's
 * DeleteObjects names versions, which needs s3:DeleteObjectVersion.
 */
const ACTION_OF: Record<string, string | string[]> = {
  GetCommand: 'dynamodb:GetItem',
  PutCommand: 'dynamodb:PutItem',
  QueryCommand: 'dynamodb:Query',
  UpdateCommand: 'dynamodb:UpdateItem',
  BatchGetCommand: 'dynamodb:BatchGetItem',
  GetObjectCommand: ['s3:GetObject', 's3:GetObjectVersion'],
  HeadObjectCommand: ['s3:GetObject', 's3:GetObjectVersion'],
  PutObjectCommand: 's3:PutObject',
  DeleteObjectCommand: 's3:DeleteObject',
  DeleteObjectsCommand: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
  ListObjectVersionsCommand: 's3:ListBucketVersions',
  ListMultipartUploadsCommand: 's3:ListBucketMultipartUploads',
  CreateMultipartUploadCommand: 's3:PutObject',
  UploadPartCommand: 's3:PutObject',
  CompleteMultipartUploadCommand: 's3:PutObject',
  ListPartsCommand: 's3:ListMultipartUploadParts',
  AbortMultipartUploadCommand: 's3:AbortMultipartUpload',
  SendEmailCommand: 'ses:SendEmail',
  StartExecutionCommand: 'states:StartExecution',
  SendMessageCommand: 'sqs:SendMessage',
  SignCommand: 'kms:Sign',
  GetPublicKeyCommand: 'kms:GetPublicKey',
  EncryptCommand: 'kms:Encrypt',
  DecryptCommand: 'kms:Decrypt',
};

/** The KMS action each `webhookSecrets` use needs (functions/webhooks/kms-sealer.ts, kms-opener.ts). */
const SECRET_ACTION = { seal: 'kms:Encrypt', open: 'kms:Decrypt' } as const;

/** SDK commands constructed anywhere in the files an entry point bundles. */
async function commandsOf(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [join(projectRoot, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const found = new Set<string>();
  for (const file of Object.keys(result.metafile.inputs)) {
    if (!file.startsWith('functions/')) continue;
    const text = readFileSync(join(projectRoot, file), 'utf8');
    for (const m of text.matchAll(/new (\w+Command)\(/g)) if (m[1]) found.add(m[1]);
    // The re-score sender signs SQS's JSON protocol itself (no SQS client package yet).
    for (const m of text.matchAll(/'AmazonSQS\.(\w+)'/g)) if (m[1]) found.add(`${m[1]}Command`);
  }
  return found;
}

let template: Template;
const code: Partial<Record<FunctionName, Set<string>>> = {};

beforeAll(async () => {
  ({ template } = synthStack());
  for (const [name, f] of Object.entries(FUNCTIONS)) {
    code[name as FunctionName] = await commandsOf(f.entry);
  }
}, 120_000);

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe.each(Object.keys(FUNCTIONS) as FunctionName[])('%s access', (name) => {
  const access: FunctionAccess = ACCESS[name];

  it('grants exactly the actions its bundled code calls', () => {
    const commands = code[name] ?? new Set();
    const unknown = [...commands].filter((c) => !(c in ACTION_OF));
    expect(unknown, 'map these commands to IAM actions in ACTION_OF').toEqual([]);
    const called = [...commands].flatMap((c) => ACTION_OF[c] as string | string[]);
    expect(sorted(access.table)).toEqual(sorted(called.filter((a) => a.startsWith('dynamodb:'))));
    const objectActions = [...access.samples, ...access.reports].flatMap((g) => g.actions);
    const isListing = (a: string) => a.startsWith('s3:ListBucket');
    expect(sorted(objectActions)).toEqual(
      sorted(called.filter((a) => a.startsWith('s3:') && !isListing(a))),
    );
    expect(sorted(access.samplesListing ?? [])).toEqual(sorted(called.filter(isListing)));
    expect(access.mail).toBe(called.includes('ses:SendEmail'));
    expect(access.startsWorkflow ?? false).toBe(called.includes('states:StartExecution'));
    expect(access.sendsRescores ?? false).toBe(called.includes('sqs:SendMessage'));
    expect(access.signsReports ?? false).toBe(called.includes('kms:Sign'));
    expect(access.signsReports ?? false).toBe(called.includes('kms:GetPublicKey'));
    // The API's bundle seals only and the worker's opens only: each holds one of the two calls.
    const secretActions = called.filter((a) => a === 'kms:Encrypt' || a === 'kms:Decrypt');
    expect(sorted(secretActions)).toEqual(
      access.webhookSecrets ? [SECRET_ACTION[access.webhookSecrets]] : [],
    );
  });

  it('has only the access map in its role policy', () => {
    const statements = policyStatements(template)
      .filter(({ owner }) => owner.startsWith(FUNCTIONS[name].role))
      .map(({ statement }) => statement);
    const on = (match: (resource: string) => boolean) =>
      sorted(
        statements
          .filter((s) => asList(s.Resource).some((r) => match(JSON.stringify(r))))
          .flatMap((s) => asList(s.Action).map(String)),
      );
    expect(on((r) => r === '{"Fn::GetAtt":["Table","Arn"]}')).toEqual(sorted(access.table));
    for (const [bucket, grants] of [
      ['SamplesBucket', access.samples],
      ['ReportsBucket', access.reports],
    ] as const) {
      for (const grant of grants) {
        expect(on((r) => r.includes(`"${bucket}"`) && r.includes(`"/${grant.prefix}*"`))).toEqual(
          sorted(grant.actions),
        );
      }
      const objectArns = statements
        .flatMap((s) => asList(s.Resource).map((r) => JSON.stringify(r)))
        .filter((r) => r.includes(`"${bucket}"`) && r.includes('"/'));
      expect(sorted(objectArns).length, `${bucket} object grants`).toBe(grants.length);
      const lists = on((r) => r === `{"Fn::GetAtt":["${bucket}","Arn"]}`);
      expect(lists).toEqual(
        sorted([
          ...(grants.some((g) => (g.actions as readonly string[]).includes('s3:GetObject'))
            ? ['s3:ListBucket']
            : []),
          ...(bucket === 'SamplesBucket' ? (access.samplesListing ?? []) : []),
        ]),
      );
    }
    const actions = statements.flatMap((s) => asList(s.Action).map(String));
    expect(actions.includes('sqs:SendMessage')).toBe(access.sendsRescores ?? false);
    const kms = sorted(actions.filter((a) => a === 'kms:Sign' || a === 'kms:GetPublicKey'));
    expect(kms).toEqual(access.signsReports ? ['kms:GetPublicKey', 'kms:Sign'] : []);
    const secrets = sorted(actions.filter((a) => a === 'kms:Encrypt' || a === 'kms:Decrypt'));
    expect(secrets).toEqual(access.webhookSecrets ? [SECRET_ACTION[access.webhookSecrets]] : []);
    // Deleting is for samples' objects only (vendor delete/replace); never a report.
    expect(access.reports.flatMap((g) => g.actions)).not.toContain('s3:DeleteObject');
    for (const forbidden of ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:Scan']) {
      expect(actions).not.toContain(forbidden);
    }
  });
});

describe('api access', () => {
  it('cannot write analyses or partials, only presign uploads under samples/', () => {
    const writes = ACCESS.api.samples.filter((g) =>
      (g.actions as readonly string[]).includes('s3:PutObject'),
    );
    expect(writes.map((g) => g.prefix)).toEqual(['samples/']);
  });
});

describe('BatchGetItem', () => {
  it('is held by the API role alone, the only code that reads the rate-limit windows', () => {
    const holders = policyStatements(template)
      .filter(({ statement }) => asList(statement.Action).includes('dynamodb:BatchGetItem'))
      .map(({ owner }) => owner);
    expect(holders.length).toBeGreaterThan(0);
    for (const owner of holders) expect(owner).toMatch(/^ApiFunctionRole/);
    for (const [name, commands] of Object.entries(code)) {
      expect(commands?.has('BatchGetCommand'), name).toBe(name === 'api');
    }
  });
});
