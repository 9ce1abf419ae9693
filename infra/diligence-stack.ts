import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Analyzer } from './constructs/analyzer';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { type CodeMode, DiligenceFunction } from './constructs/function';
import { Notifier } from './constructs/notifier';
import { Storage } from './constructs/storage';
import { Web } from './constructs/web';

/** Everything the stack needs to know; `infra/app.ts` fills it from CDK context. */
export interface DiligenceStackProps extends StackProps {
  /** Absolute path of the repository root (Lambda entries and package-lock.json live there). */
  readonly projectRoot: string;
  /** Absolute path of the built web app (`web/dist`). */
  readonly webDistPath: string;
  /** Sender address for e-mail; without it no SES permission is granted. */
  readonly mailFrom?: string;
  /** Cognito hosted domain prefix, for the authorization-code sign-in. */
  readonly cognitoDomainPrefix?: string;
  /** Extra OAuth callback URLs (e.g. `http://localhost:3000/`). */
  readonly extraCallbackUrls?: string[];
  /** WAFv2 web ACL (CLOUDFRONT scope) for the distribution. */
  readonly webAclArn?: string;
  /** `stub` skips esbuild (template tests); default `bundle`. */
  readonly code?: CodeMode;
}

/** The whole Diligence deployment: storage, auth, API, analyzer, notifier, web. */
export class DiligenceStack extends Stack {
  readonly storage: Storage;
  readonly auth: Auth;
  readonly apiFunction: DiligenceFunction;
  readonly api: Api;
  readonly analyzer: Analyzer;
  readonly notifier: Notifier;
  readonly web: Web;

  constructor(scope: Construct, id: string, props: DiligenceStackProps) {
    super(scope, id, { description: 'Diligence: AI training-data due diligence portal', ...props });
    const source = { projectRoot: props.projectRoot, code: props.code ?? 'bundle' };
    // The web origin exists only once CloudFront does, which needs the API; resolved at synth.
    const webUrl = Lazy.string({ produce: () => this.web.url });

    this.storage = new Storage(this, 'Storage');
    this.auth = new Auth(this, 'Auth', {
      callbackUrls: [`${webUrl}/signin`, ...(props.extraCallbackUrls ?? [])],
      domainPrefix: props.cognitoDomainPrefix,
    });

    this.apiFunction = new DiligenceFunction(this, 'ApiFunction', {
      source,
      entry: 'functions/api/lambda.ts',
      description: 'Diligence HTTP API',
    });
    this.apiFunction.bindTable(this.storage.tableRef, 'readWrite');
    // Presigns sample uploads and reads analyses; writes (create-only) and reads scored reports.
    this.apiFunction.bindBucket(this.storage.samples, 'SAMPLES_BUCKET', 'readWrite');
    this.apiFunction.bindBucket(this.storage.reports, 'REPORTS_BUCKET', 'readWrite');
    this.apiFunction.bindAuth(this.auth.settings);
    if (props.mailFrom) this.apiFunction.bindMail(props.mailFrom);
    this.api = new Api(this, 'Api', { handler: this.apiFunction, auth: this.auth.settings });

    this.analyzer = new Analyzer(this, 'Analyzer', {
      source,
      table: this.storage.tableRef,
      samples: this.storage.samples,
      reports: this.storage.reports,
      auth: this.auth.settings,
    });
    this.notifier = new Notifier(this, 'Notifier', {
      source,
      table: this.storage.tableRef,
      auth: this.auth.settings,
      mailFrom: props.mailFrom,
    });

    this.web = new Web(this, 'Web', {
      distPath: props.webDistPath,
      apiDomainName: this.api.domainName,
      accessLogs: this.storage.accessLogs,
      connectSources: this.auth.domain ? [this.auth.domain.baseUrl()] : [],
      webAclArn: props.webAclArn,
    });
    this.storage.allowBrowserUploads(this.web.url);
    this.apiFunction.bindPublicBaseUrl(this.web.url);
    this.notifier.function.bindPublicBaseUrl(this.web.url);

    new CfnOutput(this, 'WebUrl', { value: this.web.url, description: 'Portal URL' });
    new CfnOutput(this, 'ApiUrl', {
      value: `${this.web.url}/api`,
      description: 'API base URL (through CloudFront)',
    });
    new CfnOutput(this, 'ApiGatewayUrl', {
      value: this.api.httpApi.apiEndpoint,
      description: 'HTTP API endpoint behind CloudFront (for diagnostics)',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    if (this.auth.domain) {
      new CfnOutput(this, 'HostedSignInUrl', { value: this.auth.domain.baseUrl() });
    }
  }
}
