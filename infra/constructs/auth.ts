import { Annotations, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPool,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { AuthSettings } from './function';
import { acknowledge } from './nag';

/** Staff roles; each is a Cognito group and arrives in the token as `cognito:groups`. */
export const STAFF_ROLES = ['procurement', 'governance', 'admin'] as const;

/** Props of the staff identity provider. */
export interface AuthProps {
  /** Where the hosted sign-in may return to (the web origin, plus any extra, e.g. localhost). */
  readonly callbackUrls: string[];
  /** Prefix of a Cognito hosted domain (`<prefix>.auth.<region>.amazoncognito.com`); none when absent. */
  readonly domainPrefix?: string;
}

/** Cognito user pool for staff: admin-created users, strong passwords, TOTP MFA, role groups. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain?: UserPoolDomain;
  /** Issuer, audience (the app client) and JWKS URL the API verifies staff tokens against. */
  readonly settings: AuthSettings;

  /**
   * Sends Cognito's own messages (temporary passwords, verification codes) through SES from the
   * stack's sender and configuration set, instead of Cognito's capped default sender. The sender
   * must be a verified SES identity in this region.
   */
  sendEmailThroughSes(mail: { from: string; configurationSet?: string }): void {
    const pool = this.userPool.node.defaultChild as CfnUserPool;
    const stack = Stack.of(this);
    pool.emailConfiguration = {
      emailSendingAccount: 'DEVELOPER',
      from: mail.from,
      sourceArn: stack.formatArn({
        service: 'ses',
        resource: 'identity',
        resourceName: mail.from,
      }),
      configurationSet: mail.configurationSet,
    };
  }

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        organization: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.userPool.node.defaultChild as CfnUserPool).overrideLogicalId('UserPool');
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Essentials plan: staff are few and admin-created, MFA (TOTP) is required and passwords are strong; Plus threat protection is a per-user cost to opt into later.',
    );

    for (const role of STAFF_ROLES) {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: `Diligence ${role} staff`,
      });
    }

    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.callbackUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
    });

    if (props.domainPrefix) {
      this.domain = this.userPool.addDomain('HostedDomain', {
        cognitoDomain: { domainPrefix: props.domainPrefix },
      });
    } else {
      // Shown by `cdk synth` and `cdk deploy`: staff cannot sign in to a portal deployed so.
      Annotations.of(this).addWarningV2(
        'diligence:no-hosted-sign-in',
        'No Cognito hosted domain: the staff sign-in page stays blank. Deploy with -c cognitoDomainPrefix=<unique-prefix> (see docs/operations.md, "Before the first deploy").',
      );
    }

    const issuer = this.userPool.userPoolProviderUrl;
    this.settings = {
      issuer,
      audience: this.client.userPoolClientId,
      jwksUrl: `${issuer}/.well-known/jwks.json`,
    };
  }
}
