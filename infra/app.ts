import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { apiCustomDomain } from './constructs/api';
import { foldReservation } from './constructs/distributed';
import { retiredSigningKeys } from './constructs/report-signing';
import { DiligenceStack } from './diligence-stack';
import { EdgeStack } from './edge-stack';

// A deployable synth: bundles that import sharp or c2pa-wasm must carry their linux-arm64 build,
// prepared by `npm run lambda:native` (LAMBDA_NATIVE=skip for a synth never deployed).
process.env.LAMBDA_NATIVE ??= 'require';

// The only place that reads CDK context (`cdk.json` or `-c key=value`).
const app = new App();
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function context(key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const mailFrom = context('mailFrom');
if (mailFrom && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(mailFrom)) {
  throw new Error(`Context "mailFrom" must be an e-mail address, got "${mailFrom}".`);
}

function positiveInteger(key: string): number | undefined {
  const value = context(key);
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new Error(`Context "${key}" must be a whole number above 0, got "${value}".`);
  }
  return Number(value);
}

const lockMode = context('reportLockMode')?.toUpperCase();
if (lockMode && lockMode !== 'GOVERNANCE' && lockMode !== 'COMPLIANCE') {
  throw new Error(`Context "reportLockMode" must be GOVERNANCE or COMPLIANCE, got "${lockMode}".`);
}

const apiDomain = apiCustomDomain(context('apiDomainName'), context('apiCertificateArn'));

new DiligenceStack(app, 'DiligenceStack', {
  projectRoot,
  webDistPath: resolve(projectRoot, context('webDist') ?? 'web/dist'),
  mailFrom,
  cognitoEmailViaSes: context('cognitoEmailViaSes') === 'true',
  alarmEmail: context('alarmEmail'),
  sampleRetentionDays: positiveInteger('sampleRetentionDays'),
  abandonedSampleRetentionDays: positiveInteger('abandonedSampleRetentionDays'),
  analyzerConcurrency: positiveInteger('analyzerConcurrency'),
  foldReservedConcurrency: foldReservation(context('foldReservedConcurrency')),
  reportLockMode: lockMode as 'GOVERNANCE' | 'COMPLIANCE' | undefined,
  cognitoDomainPrefix: context('cognitoDomainPrefix'),
  extraCallbackUrls: context('callbackUrls')
    ?.split(',')
    .map((url) => url.trim()),
  webAclArn: context('webAclArn'),
  apiDomain,
  signingKeyGeneration: positiveInteger('signingKeyGeneration'),
  retiredSigningKeys: retiredSigningKeys(context('retiredSigningKeys')),
});

// The us-east-1 side (CloudFront web ACL and CloudFront alarms): only when asked for.
const wafRateLimit = positiveInteger('wafRateLimit');
const distributionId = context('distributionId');
if (wafRateLimit !== undefined || distributionId !== undefined) {
  new EdgeStack(app, 'DiligenceEdge', {
    rateLimit: wafRateLimit,
    distributionId,
    alarmEmail: context('alarmEmail'),
  });
}

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
