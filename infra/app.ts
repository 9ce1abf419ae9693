import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DiligenceStack } from './diligence-stack';

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

new DiligenceStack(app, 'DiligenceStack', {
  projectRoot,
  webDistPath: resolve(projectRoot, context('webDist') ?? 'web/dist'),
  mailFrom,
  cognitoDomainPrefix: context('cognitoDomainPrefix'),
  extraCallbackUrls: context('callbackUrls')
    ?.split(',')
    .map((url) => url.trim()),
  webAclArn: context('webAclArn'),
});

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
