import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ACCESS } from './constructs/access';
import { Alarms } from './constructs/alarms';
import { Analyzer } from './constructs/analyzer';
import { Api, type ApiCustomDomain } from './constructs/api';
import { Auth } from './constructs/auth';
import { OperationsDashboard } from './constructs/dashboard';
import { Distributed } from './constructs/distributed';
import { type CodeMode, DiligenceFunction } from './constructs/function';
import { Mail } from './constructs/mail';
import { Notifier } from './constructs/notifier';
import { OriginSecret } from './constructs/origin-secret';
import { ReportSigning, type RetiredSigningKey } from './constructs/report-signing';
import { Rescore } from './constructs/rescore';
import { Retention } from './constructs/retention';
import { watchService } from './constructs/service-alarms';
import { SingleSignOn } from './constructs/single-sign-on';
import { type ReportLockMode, Storage } from './constructs/storage';
import { Web } from './constructs/web';
import { WebhookSecrets } from './constructs/webhook-secrets';
import { Webhooks } from './constructs/webhooks';

/** Powertools service name of the one function that scores and stores reports (ReportStoreFailures). */
const REPORT_WRITERS = ['rescore'] as const;
/** Powertools service names whose product metrics the dashboard graphs. */
const PRODUCT_SERVICES = ['analyze', 'distributed-merge', 'rescore'] as const;

/** Everything the stack needs to know; `infra/app.ts` fills it from CDK context. */
export interface DiligenceStackProps extends StackProps {
  /** Absolute path of the repository root (Lambda entries and package-lock.json live there). */
  readonly projectRoot: string;
  /** Absolute path of the built web app (`web/dist`). */
  readonly webDistPath: string;
  /** Sender address for e-mail; without it no SES permission is granted. */
  readonly mailFrom?: string;
  /** Send Cognito's own messages (temporary passwords, codes) through SES from `mailFrom`. */
  readonly cognitoEmailViaSes?: boolean;
  /** Cognito hosted domain prefix, for the authorization-code sign-in. */
  readonly cognitoDomainPrefix?: string;
  /** Extra OAuth callback URLs (e.g. `http://localhost:3000/`). */
  readonly extraCallbackUrls?: string[];
  /** WAFv2 web ACL (CLOUDFRONT scope) for the distribution. */
  readonly webAclArn?: string;
  /** The API's own domain and regional ACM certificate: turns the execute-api endpoint off. */
  readonly apiDomain?: ApiCustomDomain;
  /** Address subscribed to the alarm topic. */
  readonly alarmEmail?: string;
  /** Days samples (and their analyses and partials) are kept after the decision; default 180. */
  readonly sampleRetentionDays?: number;
  /** Days after upload samples of assessments never decided are deleted (backstop); default 365. */
  readonly abandonedSampleRetentionDays?: number;
  /** Object Lock mode of stored reports; default GOVERNANCE. */
  readonly reportLockMode?: ReportLockMode;
  /** Analyses running at once (reserved concurrency of the analyzer); default 5. */
  readonly analyzerConcurrency?: number;
  /** Reserved concurrency of the distributed fold; null = none (see Distributed). */
  readonly foldReservedConcurrency?: number | null;
  /** Report signing key generation (bump to rotate) and the retired keys kept in the JWKS. */
  readonly signingKeyGeneration?: number;
  readonly retiredSigningKeys?: readonly RetiredSigningKey[];
  /** `stub` skips esbuild (template tests); default `bundle`. */
  readonly code?: CodeMode;
}

/** The whole Diligence deployment: storage, auth, API, analyzer, notifier, retention, web, alarms. */
export class DiligenceStack extends Stack {
  readonly storage: Storage;
  readonly auth: Auth;
  readonly apiFunction: DiligenceFunction;
  readonly api: Api;
  readonly analyzer: Analyzer;
  readonly distributed: Distributed;
  readonly rescore: Rescore;
  readonly notifier: Notifier;
  readonly retention: Retention;
  readonly web: Web;
  readonly alarms: Alarms;
  readonly mail?: Mail;

  constructor(scope: Construct, id: string, props: DiligenceStackProps) {
    super(scope, id, { description: 'Diligence: AI training-data due diligence portal', ...props });
    const source = { projectRoot: props.projectRoot, code: props.code ?? 'bundle' };
    // The web origin exists only once CloudFront does, which needs the API; resolved at synth.
    const webUrl = Lazy.string({ produce: () => this.web.url });

    this.storage = new Storage(this, 'Storage', {
      abandonedSampleRetentionDays: props.abandonedSampleRetentionDays,
      reportLockMode: props.reportLockMode,
    });
    this.auth = new Auth(this, 'Auth', {
      callbackUrls: [`${webUrl}/signin`, ...(props.extraCallbackUrls ?? [])],
      domainPrefix: props.cognitoDomainPrefix,
    });
    const originSecret = new OriginSecret(this, 'OriginSecret');

    this.apiFunction = new DiligenceFunction(this, 'ApiFunction', {
      source,
      entry: 'functions/api/lambda.ts',
      description: 'Diligence HTTP API',
      serviceName: 'api',
    });
    this.api = new Api(this, 'Api', {
      handler: this.apiFunction,
      auth: this.auth.settings,
      customDomain: props.apiDomain,
    });
    this.analyzer = new Analyzer(this, 'Analyzer', {
      source,
      table: this.storage.tableRef,
      samples: this.storage.samples,
      reports: this.storage.reports,
      auth: this.auth.settings,
      concurrency: props.analyzerConcurrency,
    });
    this.distributed = new Distributed(this, 'Distributed', {
      source,
      table: this.storage.tableRef,
      samples: this.storage.samples,
      reports: this.storage.reports,
      auth: this.auth.settings,
      foldReservedConcurrency: props.foldReservedConcurrency,
    });
    this.analyzer.startsWorkflow(this.distributed.stateMachine);
    this.rescore = new Rescore(this, 'Rescore', {
      source,
      table: this.storage.tableRef,
      samples: this.storage.samples,
      reports: this.storage.reports,
      auth: this.auth.settings,
    });
    // The API and the analyzer only ask for re-scores; the worker scores.
    for (const sender of [
      this.apiFunction,
      this.analyzer.function,
      this.distributed.functions.Merge,
    ])
      this.rescore.bindSender(sender);
    // A field-mapping change queues the stored file for analysis again.
    this.analyzer.bindRequester(this.apiFunction);
    this.notifier = new Notifier(this, 'Notifier', {
      source,
      table: this.storage.tableRef,
      auth: this.auth.settings,
    });
    this.retention = new Retention(this, 'Retention', {
      source,
      table: this.storage.tableRef,
      samples: this.storage.samples,
      auth: this.auth.settings,
      sampleRetentionDays: props.sampleRetentionDays,
    });
    const functions = {
      Api: this.apiFunction,
      Analyze: this.analyzer.function,
      DeadLetters: this.analyzer.deadLetterFunction,
      Notify: this.notifier.function,
      Purge: this.retention.function,
      Orphans: this.retention.orphans,
      DistributedPlan: this.distributed.functions.Plan,
      DistributedFold: this.distributed.functions.Fold,
      DistributedGroup: this.distributed.functions.Group,
      DistributedMerge: this.distributed.functions.Merge,
      DistributedFail: this.distributed.functions.Fail,
      Rescore: this.rescore.function,
    };
    this.alarms = new Alarms(this, 'Alarms', {
      functions,
      rescoreDeadLetterQueue: this.rescore.deadLetterQueue,
      stateMachine: this.distributed.stateMachine,
      deadLetterQueue: this.analyzer.deadLetterQueue,
      parkedQueue: this.analyzer.parkedQueue,
      deadLetterFunction: this.analyzer.deadLetterFunction,
      email: props.alarmEmail,
    });
    SingleSignOn.fromContext(this, { auth: this.auth, source, alarms: this.alarms }); // no-op without SSO context
    const health = watchService(this.alarms, {
      api: this.api.httpApi,
      analysisQueue: this.analyzer.queue,
      table: this.storage.tableRef,
      functions,
      reportWriters: REPORT_WRITERS,
      mail: props.mailFrom !== undefined,
    });

    if (props.mailFrom) {
      this.mail = new Mail(this, 'Mail', {
        from: props.mailFrom,
        topic: this.alarms.topic,
        topicKey: this.alarms.topicKey,
      });
      if (props.cognitoEmailViaSes) this.auth.sendEmailThroughSes(this.mail.binding);
    }
    const mail = this.mail?.binding;
    const webhooks = new Webhooks(this, 'Webhooks', {
      source,
      table: this.storage.tableRef,
      auth: this.auth.settings,
      senders: [this.apiFunction],
      mail,
      publicBaseUrl: webUrl,
    });
    webhooks.watch(this.alarms);
    // Signing secrets at rest: the API seals them at registration, only the worker opens them.
    const webhookSecrets = new WebhookSecrets(this, 'WebhookSecrets');
    webhookSecrets.allowSeal(this.apiFunction);
    webhookSecrets.allowOpen(webhooks.function);
    new OperationsDashboard(this, 'Operations', {
      api: this.api.httpApi,
      functions,
      queues: {
        analysis: this.analyzer.queue,
        'dead letters': this.analyzer.deadLetterQueue,
        parked: this.analyzer.parkedQueue,
        'webhook wake-ups': webhooks.queue,
        'webhook dead letters': webhooks.deadLetterQueue,
      },
      table: this.storage.tableRef,
      alarms: [health.unhealthy, ...this.alarms.alarms],
      services: PRODUCT_SERVICES,
    });
    const storage = { table: this.storage.tableRef, mail };
    this.apiFunction.bindAccess(ACCESS.api, {
      ...storage,
      samples: this.storage.samples,
      reports: this.storage.reports,
    });
    this.apiFunction.bindAuth(this.auth.settings);
    if (this.auth.domain)
      this.apiFunction.fn.addEnvironment('COGNITO_DOMAIN', this.auth.domain.baseUrl());
    originSecret.bind(this.apiFunction);
    new ReportSigning(this, 'ReportSigning', {
      generation: props.signingKeyGeneration,
      retired: props.retiredSigningKeys,
    }).bind(this.apiFunction);
    if (mail) {
      this.analyzer.deadLetterFunction.bindMail(mail.from, mail.configurationSet);
      this.notifier.function.bindMail(mail.from, mail.configurationSet);
      this.distributed.functions.Fail.bindMail(mail.from, mail.configurationSet);
    }

    this.web = new Web(this, 'Web', {
      distPath: props.webDistPath,
      apiDomainName: this.api.domainName,
      accessLogs: this.storage.accessLogs,
      // Presigned uploads go to <bucket>.s3.<region>.amazonaws.com. Naming the bucket itself
      // would close a cycle (its CORS rule names the distribution), so: S3 in this region only.
      connectSources: [
        `https://*.s3.${this.region}.${this.urlSuffix}`,
        ...(this.auth.domain ? [this.auth.domain.baseUrl()] : []),
      ],
      webAclArn: props.webAclArn,
      originSecret: originSecret.header,
    });
    this.storage.allowBrowserUploads(this.web.url);
    this.apiFunction.bindPublicBaseUrl(this.web.url);
    this.notifier.function.bindPublicBaseUrl(this.web.url);
    this.analyzer.deadLetterFunction.bindPublicBaseUrl(this.web.url);
    this.distributed.functions.Fail.bindPublicBaseUrl(this.web.url);

    new CfnOutput(this, 'WebUrl', { value: this.web.url, description: 'Portal URL' });
    new CfnOutput(this, 'ApiUrl', {
      value: `${this.web.url}/api`,
      description: 'API base URL (through CloudFront; the only way in)',
    });
    new CfnOutput(this, 'DistributionId', {
      value: this.web.distribution.distributionId,
      description:
        'For the us-east-1 edge stack: -c distributionId=<this> adds the CloudFront alarms',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Subscribe operators to this topic',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    if (this.auth.domain) {
      new CfnOutput(this, 'HostedSignInUrl', { value: this.auth.domain.baseUrl() });
    }
    if (this.api.domainTarget) {
      new CfnOutput(this, 'ApiDomainTarget', {
        value: this.api.domainTarget,
        description: `Point a DNS CNAME (or alias) for ${props.apiDomain?.domainName} here`,
      });
    }
  }
}
