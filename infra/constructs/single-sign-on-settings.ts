import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type GroupRoles, GroupRolesError, parseGroupRoles } from '../../functions/sso/groups';

/** Where the organization's identity provider is and how to talk to it. */
export type IdentityProviderSettings =
  | {
      readonly protocol: 'oidc';
      /** Issuer URL (`https://…`); Cognito discovers the endpoints from it. */
      readonly issuer: string;
      readonly clientId: string;
      /** Complete ARN of the Secrets Manager secret holding the client secret (plain text). */
      readonly clientSecretArn: string;
      /** Scopes Cognito asks for; default `openid email profile`. */
      readonly scopes: string[];
    }
  | {
      readonly protocol: 'saml';
      /** URL of the IdP's SAML metadata document (`https://…`); or else… */
      readonly metadataUrl?: string;
      /** …the metadata XML itself, read at synth from `samlMetadataFile` (Google Workspace). */
      readonly metadataXml?: string;
    };

/** Everything single sign-on needs, validated; built from CDK context by {@link singleSignOnSettings}. */
export interface SingleSignOnSettings {
  readonly provider: IdentityProviderSettings;
  /** User-pool provider name: the button on the hosted sign-in page, `identity_provider=` value. */
  readonly providerName: string;
  /** Claim (OIDC) or attribute name (SAML) that carries the user's groups. */
  readonly groupsClaim: string;
  /** Claim or attribute that carries the e-mail address (the pool requires one). */
  readonly emailClaim: string;
  /** Organization every user of this provider belongs to. */
  readonly organizationId: string;
  /** Group → role mapping the trigger applies. */
  readonly groupRoles: GroupRoles;
}

/** The CDK context keys single sign-on reads (docs/single-sign-on.md). */
export const SSO_CONTEXT_KEYS = [
  'oidcIssuer',
  'oidcClientId',
  'oidcClientSecretArn',
  'oidcScopes',
  'samlMetadataUrl',
  'samlMetadataFile',
  'idpGroupsClaim',
  'idpGroupRoles',
  'idpEmailClaim',
  'idpName',
  'ssoOrganizationId',
] as const;

/** Default claim names of the e-mail address. */
const EMAIL_CLAIM = {
  oidc: 'email',
  saml: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
} as const;

const SECRET_ARN =
  /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+-[A-Za-z0-9]{6}$/;
const ORGANIZATION = /^[a-z0-9-]{1,64}$/;
/** Cognito: 3–32 characters, no whitespace, not starting or ending with `_`. */
const PROVIDER_NAME = /^[^_\s][^\s]{1,30}[^_\s]$/;
const DOCS = 'See docs/single-sign-on.md.';

function fail(message: string): never {
  throw new Error(`Single sign-on: ${message} ${DOCS}`);
}

function httpsUrl(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(`context "${key}" must be an https:// URL, got "${value}".`);
  }
  if (url.protocol !== 'https:') fail(`context "${key}" must be an https:// URL, got "${value}".`);
  return value.replace(/\/$/, '');
}

/** The SAML metadata XML at `path` (relative to the working directory), checked to be one. */
function metadataFile(path: string): string {
  let xml: string;
  try {
    xml = readFileSync(resolve(path), 'utf8').trim();
  } catch {
    fail(`context "samlMetadataFile": cannot read "${path}" (a path relative to where cdk runs).`);
  }
  if (!/<([\w-]+:)?EntityDescriptor[\s>]/.test(xml))
    fail(
      `context "samlMetadataFile": "${path}" is not SAML metadata (an EntityDescriptor XML document).`,
    );
  if (xml.length > 131_072) fail(`context "samlMetadataFile": "${path}" is over 128 KiB.`);
  return xml;
}

/**
 * Reads and checks the single sign-on context (`get` returns a context value: a string from
 * `-c key=value`, or a value from cdk.json). No identity-provider key set → `undefined` (no single
 * sign-on, the template unchanged). A half-configured or contradictory set throws an Error that
 * names the keys to set or remove, so `cdk synth` stops before anything deploys.
 */
export function singleSignOnSettings(
  get: (key: string) => unknown,
): SingleSignOnSettings | undefined {
  const text = (key: string): string | undefined => {
    const value = get(key);
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      if (key === 'idpGroupRoles' && typeof value === 'object') return JSON.stringify(value);
      fail(`context "${key}" must be a string.`);
    }
    return value.trim() === '' ? undefined : value.trim();
  };
  const oidcKeys = ['oidcIssuer', 'oidcClientId', 'oidcClientSecretArn'] as const;
  const oidcSet = oidcKeys.filter((k) => text(k) !== undefined);
  const samlMetadataUrl = text('samlMetadataUrl');
  const samlMetadataFile = text('samlMetadataFile');
  const saml = samlMetadataUrl !== undefined || samlMetadataFile !== undefined;
  if (oidcSet.length === 0 && !saml) {
    const stray = SSO_CONTEXT_KEYS.filter((k) => text(k) !== undefined);
    if (stray.length > 0)
      fail(
        `${stray.map((k) => `"${k}"`).join(', ')} set without an identity provider: add oidcIssuer, oidcClientId and oidcClientSecretArn (OIDC) or samlMetadataUrl / samlMetadataFile (SAML), or remove them.`,
      );
    return undefined;
  }
  if (oidcSet.length > 0 && saml)
    fail(
      'both OIDC (oidc*) and SAML (samlMetadataUrl or samlMetadataFile) context are set; one identity provider per deployment: keep one.',
    );
  let provider: IdentityProviderSettings;
  if (saml) {
    if (text('oidcScopes')) fail('"oidcScopes" applies to OIDC only; remove it for SAML.');
    if (samlMetadataUrl !== undefined && samlMetadataFile !== undefined)
      fail('set samlMetadataUrl or samlMetadataFile, not both.');
    provider =
      samlMetadataFile !== undefined
        ? { protocol: 'saml', metadataXml: metadataFile(samlMetadataFile) }
        : { protocol: 'saml', metadataUrl: httpsUrl('samlMetadataUrl', samlMetadataUrl ?? '') };
  } else {
    const missing = oidcKeys.filter((k) => !oidcSet.includes(k));
    if (missing.length > 0)
      fail(
        `OIDC needs oidcIssuer, oidcClientId and oidcClientSecretArn; missing ${missing.map((k) => `"${k}"`).join(', ')}.`,
      );
    const clientSecretArn = text('oidcClientSecretArn') ?? '';
    if (!SECRET_ARN.test(clientSecretArn))
      fail(
        `context "oidcClientSecretArn" must be the complete ARN of a Secrets Manager secret (arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>), got "${clientSecretArn}". Never pass the secret itself.`,
      );
    const scopes = (text('oidcScopes') ?? 'openid email profile').split(/[\s,]+/).filter(Boolean);
    if (!scopes.includes('openid')) fail('"oidcScopes" must include openid.');
    provider = {
      protocol: 'oidc',
      issuer: httpsUrl('oidcIssuer', text('oidcIssuer') ?? ''),
      clientId: text('oidcClientId') ?? '',
      clientSecretArn,
      scopes,
    };
  }
  const groupsClaim = text('idpGroupsClaim');
  if (!groupsClaim)
    fail(
      'context "idpGroupsClaim" is required: the claim (OIDC) or attribute (SAML) that carries the user\'s groups, e.g. groups.',
    );
  const organizationId = text('ssoOrganizationId');
  if (!organizationId || !ORGANIZATION.test(organizationId))
    fail(
      `context "ssoOrganizationId" is required: the organization every user of this identity provider belongs to (lowercase letters, digits and -, at most 64), got ${organizationId ? `"${organizationId}"` : 'nothing'}.`,
    );
  const providerName = text('idpName') ?? (provider.protocol === 'oidc' ? 'SSO' : 'SAML-SSO');
  if (
    !PROVIDER_NAME.test(providerName) ||
    /^(COGNITO|Google|Facebook|LoginWithAmazon|SignInWithApple)$/i.test(providerName)
  )
    fail(
      `context "idpName" must be 3 to 32 characters without spaces, not starting or ending with _, and not a built-in provider name; got "${providerName}".`,
    );
  let groupRoles: GroupRoles;
  try {
    groupRoles = parseGroupRoles(text('idpGroupRoles'), 'context "idpGroupRoles"');
  } catch (error) {
    if (error instanceof GroupRolesError) fail(error.message);
    throw error;
  }
  return {
    provider,
    providerName,
    groupsClaim,
    emailClaim: text('idpEmailClaim') ?? EMAIL_CLAIM[provider.protocol],
    organizationId,
    groupRoles,
  };
}
