import { Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  type CfnRoute,
  type CfnStage,
  DomainName,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
  SecurityPolicy,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AuthSettings, DiligenceFunction } from './function';
import { acknowledge } from './nag';

/** Props of the HTTP API. */
export interface ApiProps {
  /** The API function (Hono app behind `hono/aws-lambda`). */
  readonly handler: DiligenceFunction;
  /** Staff tokens are checked at the gateway against this issuer and audience. */
  readonly auth: AuthSettings;
  /** Steady-state requests per second for the whole stage. */
  readonly rateLimit?: number;
  readonly burstLimit?: number;
  /**
   * Steady-state requests per second (and burst) for the vendor routes together, below the stage
   * limit, so an invitation-token flood cannot spend the whole stage budget staff need.
   */
  readonly vendorRateLimit?: number;
  readonly vendorBurstLimit?: number;
  /**
   * A custom domain for the API (a regional ACM certificate in the stack's region). With it the
   * execute-api endpoint is turned off and CloudFront reaches the API through this name.
   */
  readonly customDomain?: ApiCustomDomain;
}

/** The API's own host name and its regional ACM certificate. */
export interface ApiCustomDomain {
  readonly domainName: string;
  readonly certificateArn: string;
}

const hostName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const certificateArn = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/;

/**
 * The custom API domain from the contexts `apiDomainName` and `apiCertificateArn`: both or
 * neither, a host name and an ACM certificate ARN, else an error that says which and how to fix it.
 */
export function apiCustomDomain(
  domainName: string | undefined,
  certArn: string | undefined,
): ApiCustomDomain | undefined {
  if (!domainName && !certArn) return undefined;
  if (!domainName || !certArn) {
    throw new Error(
      'Contexts "apiDomainName" and "apiCertificateArn" go together: give both (the API host name and its regional ACM certificate) or neither.',
    );
  }
  if (!hostName.test(domainName)) {
    throw new Error(
      `Context "apiDomainName" must be a host name such as api.example.com, got "${domainName}".`,
    );
  }
  if (!certificateArn.test(certArn)) {
    throw new Error(
      `Context "apiCertificateArn" must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>) in the stack's region, got "${certArn}".`,
    );
  }
  return { domainName: domainName.toLowerCase(), certificateArn: certArn };
}

/** Routes that reach the app without a staff JWT: public documents, and vendor routes whose invitation token the app checks. */
export const PUBLIC_ROUTES: ReadonlyArray<{ path: string; methods: HttpMethod[] }> = [
  { path: '/api/health', methods: [HttpMethod.GET] },
  // The web app asks which sign-in applies before anyone is signed in.
  { path: '/api/config', methods: [HttpMethod.GET] },
  { path: '/api/openapi.json', methods: [HttpMethod.GET] },
  { path: '/api/docs', methods: [HttpMethod.GET] },
  { path: '/api/vendor/{proxy+}', methods: [HttpMethod.ANY] },
  // A passport link: the app checks its token (hash lookup, revocation).
  { path: '/api/passports/{token}', methods: [HttpMethod.GET] },
  // The public keys that verify report bundles (CloudFront routes /.well-known/* here).
  { path: '/.well-known/diligence-keys.json', methods: [HttpMethod.GET] },
];

/** HTTP API: JWT authorizer by default (staff), explicit public routes, stage throttling and access logs. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  /** Host name CloudFront's `/api/*` origin uses: the custom domain, else the execute-api host. */
  readonly domainName: string;
  /** With a custom domain: the regional target its DNS record (CNAME or alias) must point to. */
  readonly domainTarget?: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const integration = new HttpLambdaIntegration('Lambda', props.handler.fn);
    const staffJwt = new HttpJwtAuthorizer('StaffJwt', props.auth.issuer, {
      jwtAudience: [props.auth.audience],
    });
    // The default route inherits the JWT authorizer, so an unlisted path is never anonymous.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Diligence API',
      defaultIntegration: integration,
      defaultAuthorizer: staffJwt,
      createDefaultStage: false,
      // Only possible behind a custom domain; without one the origin secret guards the host.
      disableExecuteApiEndpoint: props.customDomain !== undefined,
    });
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration });

    const none = new HttpNoneAuthorizer();
    const vendorRoutes: HttpRoute[] = [];
    for (const route of PUBLIC_ROUTES) {
      const routes: HttpRoute[] = this.httpApi.addRoutes({
        ...route,
        integration,
        authorizer: none,
      });
      if (route.path.startsWith('/api/vendor/')) vendorRoutes.push(...routes);
      for (const r of routes) {
        acknowledge(
          r,
          'AwsSolutions-APIG4',
          route.path.startsWith('/api/vendor/')
            ? 'Vendors have no accounts: the app checks their invitation bearer token (hash lookup, expiry, revocation) on every vendor route.'
            : 'Public by design: health check, sign-in configuration, the OpenAPI document and the report-signing public keys carry no data; a passport link shows only the signed summary shared through it, and the app checks its token (hash lookup, revocation).',
        );
      }
    }

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.SIX_MONTHS });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 50, burstLimit: props.burstLimit ?? 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    this.throttleVendorRoutes(stage, vendorRoutes, props);
    const stack = Stack.of(this);
    this.domainName = `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    if (props.customDomain) {
      const domain = new DomainName(this, 'Domain', {
        domainName: props.customDomain.domainName,
        certificate: Certificate.fromCertificateArn(
          this,
          'Certificate',
          props.customDomain.certificateArn,
        ),
        securityPolicy: SecurityPolicy.TLS_1_2,
      });
      new ApiMapping(this, 'Mapping', { api: this.httpApi, domainName: domain, stage });
      this.domainName = props.customDomain.domainName;
      this.domainTarget = domain.regionalDomainName;
    }
  }

  /**
   * Route-level throttling of the vendor routes (stage RouteSettings keyed by route key):
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html
   * The stage must be deployed after the routes it names, hence the dependency.
   */
  private throttleVendorRoutes(stage: HttpStage, routes: HttpRoute[], props: ApiProps): void {
    const settings = {
      ThrottlingRateLimit: props.vendorRateLimit ?? 20,
      ThrottlingBurstLimit: props.vendorBurstLimit ?? 40,
    };
    const cfn = stage.node.defaultChild as CfnStage;
    cfn.routeSettings = Object.fromEntries(
      routes.map((r) => [(r.node.defaultChild as CfnRoute).routeKey, settings]),
    );
    for (const r of routes) stage.node.addDependency(r);
  }
}

// HTTP API context variables only (REST-only ones such as $context.identity.caller fail deployment).
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  routeKey: '$context.routeKey',
  method: '$context.httpMethod',
  path: '$context.path',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};
