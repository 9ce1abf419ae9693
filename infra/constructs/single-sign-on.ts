import { Duration } from 'aws-cdk-lib';
import {
  type CfnUserPool,
  type CfnUserPoolClient,
  LambdaVersion,
  ProviderAttribute,
  UserPoolClientIdentityProvider,
  UserPoolIdentityProviderOidc,
  UserPoolIdentityProviderSaml,
  UserPoolIdentityProviderSamlMetadata,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { Alarms } from './alarms';
import type { Auth } from './auth';
import { DiligenceFunction, type FunctionSource } from './function';
import { type SingleSignOnSettings, singleSignOnSettings } from './single-sign-on-settings';

/** Name of the custom attribute the IdP's groups claim is mapped to (`custom:idp_groups`). */
export const IDP_GROUPS_ATTRIBUTE_NAME = 'idp_groups';
/** Largest value Cognito keeps in a custom string attribute. */
const MAX_ATTRIBUTE_LENGTH = 2048;

/** Props of {@link SingleSignOn}. */
export interface SingleSignOnProps {
  /** The staff user pool, its web client and hosted domain. */
  readonly auth: Auth;
  readonly source: FunctionSource;
  readonly settings: SingleSignOnSettings;
  /** The stack's alarms: the trigger's errors and throttles page like every function's. */
  readonly alarms?: Alarms;
}

/**
 * Federates the organization's identity provider into the staff user pool (OIDC or SAML), maps
 * its groups claim to `custom:idp_groups`, and turns that into roles and the organization in a
 * Pre Token Generation trigger (event V2_0). The web client offers the provider next to Cognito's
 * own sign-in, so administrator-created users keep working.
 */
export class SingleSignOn extends Construct {
  /**
   * Builds single sign-on when the CDK context configures an identity provider (see
   * {@link singleSignOnSettings}); returns undefined, adding nothing, when it does not.
   * Reads the context through `scope` so the stack needs one line.
   */
  static fromContext(
    scope: Construct,
    props: Omit<SingleSignOnProps, 'settings'>,
  ): SingleSignOn | undefined {
    const settings = singleSignOnSettings((key) => scope.node.tryGetContext(key));
    return settings && new SingleSignOn(scope, 'SingleSignOn', { ...props, settings });
  }

  readonly provider: UserPoolIdentityProviderOidc | UserPoolIdentityProviderSaml;
  readonly trigger: DiligenceFunction;

  constructor(scope: Construct, id: string, props: SingleSignOnProps) {
    super(scope, id);
    const { auth, settings } = props;
    if (!auth.domain)
      throw new Error(
        'Single sign-on: the identity provider returns to the Cognito hosted domain, and there is none: deploy with -c cognitoDomainPrefix=<unique-prefix>. See docs/single-sign-on.md.',
      );

    // Mapped attributes must be mutable: Cognito rewrites them at every federated sign-in.
    const pool = auth.userPool.node.defaultChild as CfnUserPool;
    if (!Array.isArray(pool.schema))
      throw new Error('Single sign-on: the user pool schema is not a list.');
    pool.schema = [
      ...pool.schema,
      {
        name: IDP_GROUPS_ATTRIBUTE_NAME,
        attributeDataType: 'String',
        mutable: true,
        stringAttributeConstraints: { minLength: '0', maxLength: String(MAX_ATTRIBUTE_LENGTH) },
      },
    ];
    const attributeMapping = {
      email: ProviderAttribute.other(settings.emailClaim),
      custom: {
        [`custom:${IDP_GROUPS_ATTRIBUTE_NAME}`]: ProviderAttribute.other(settings.groupsClaim),
      },
    };
    const idp = settings.provider;
    if (idp.protocol === 'oidc') {
      // A dynamic reference: CloudFormation reads the secret at deploy time; the template holds
      // only `{{resolve:secretsmanager:…}}`.
      const secret = Secret.fromSecretCompleteArn(this, 'ClientSecret', idp.clientSecretArn);
      this.provider = new UserPoolIdentityProviderOidc(this, 'Provider', {
        userPool: auth.userPool,
        name: settings.providerName,
        issuerUrl: idp.issuer,
        clientId: idp.clientId,
        clientSecret: secret.secretValue.unsafeUnwrap(),
        scopes: idp.scopes,
        attributeMapping,
      });
    } else {
      this.provider = new UserPoolIdentityProviderSaml(this, 'Provider', {
        userPool: auth.userPool,
        name: settings.providerName,
        metadata: idp.metadataXml
          ? UserPoolIdentityProviderSamlMetadata.file(idp.metadataXml)
          : UserPoolIdentityProviderSamlMetadata.url(idp.metadataUrl ?? ''),
        attributeMapping,
      });
    }

    // The web client offers Cognito's own sign-in (local users) and the organization's provider.
    const client = auth.client.node.defaultChild as CfnUserPoolClient;
    client.supportedIdentityProviders = [
      UserPoolClientIdentityProvider.COGNITO.name,
      this.provider.providerName,
    ];
    auth.client.node.addDependency(this.provider);

    this.trigger = new DiligenceFunction(this, 'PreToken', {
      source: props.source,
      entry: 'functions/sso/lambda.ts',
      description: 'Diligence single sign-on: identity-provider groups to roles',
      serviceName: 'sso',
      memorySize: 256,
      // Cognito waits 5 seconds for a trigger, then fails the sign-in.
      timeout: Duration.seconds(5),
    });
    // Literal values only: a reference to the pool here would close a cycle (the pool names the
    // function as its trigger).
    this.trigger.fn.addEnvironment('SSO_PROVIDER_NAME', settings.providerName);
    this.trigger.fn.addEnvironment('SSO_ORGANIZATION_ID', settings.organizationId);
    this.trigger.fn.addEnvironment('SSO_GROUP_ROLES', JSON.stringify(settings.groupRoles));
    // Cognito runs the trigger before every token, local users' included: if it fails, nobody
    // signs in. Same alarms and runbook section as every other function.
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    props.alarms?.watch('SingleSignOnErrors', {
      metric: this.trigger.fn.metricErrors(fiveMinutes),
      description:
        'The single sign-on trigger failed (an uncaught error or its 5-second timeout): sign-ins fail while it does, local ones included. See its log group.',
      runbook: 'function-errors-and-throttles',
    });
    props.alarms?.watch('SingleSignOnThrottles', {
      metric: this.trigger.fn.metricThrottles(fiveMinutes),
      description:
        "The single sign-on trigger was throttled, so sign-ins failed: raise the account's Lambda concurrency.",
      runbook: 'function-errors-and-throttles',
    });
    auth.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.trigger.fn,
      LambdaVersion.V2_0,
    );
  }
}
