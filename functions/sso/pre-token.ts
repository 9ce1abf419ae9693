import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import type { StaffRole } from '../core/assessment/types';
import { type GroupRoles, parseGroupsClaim, rolesForGroups } from './groups';

/**
 * User-pool attribute that receives the identity provider's groups claim (the CDK construct maps
 * `idpGroupsClaim` onto it). Cognito prefixes custom attributes with `custom:`.
 */
export const IDP_GROUPS_ATTRIBUTE = 'custom:idp_groups';

/** Claim the API reads the organization from (functions/api/auth/staff-jwt.ts). */
export const ORGANIZATION_CLAIM = 'custom:organization';

/** What the trigger needs to know; set by the stack from CDK context. */
export interface PreTokenSettings {
  /** Name of the one federated identity provider (the user pool's provider name). */
  providerName: string;
  /** Organization every user of that provider belongs to (one provider per organization). */
  organizationId: string;
  /** Group → role mapping (see parseGroupRoles). */
  groupRoles: GroupRoles;
}

/** What the trigger decided for one user, for the log line and tests. */
export type PreTokenDecision = {
  federated: boolean;
  provider?: string;
  groups: number;
  roles: StaffRole[];
};

/** The event Cognito sends a V2_0 pre token generation trigger (Essentials or Plus plan). */
export type PreTokenEvent = PreTokenGenerationV2TriggerEvent;

/**
 * Provider names in the `identities` attribute Cognito keeps on a federated user (a JSON array
 * of `{ providerName, providerType, userId, … }`); empty for a local user.
 */
export function federatedProviders(attributes: Readonly<Record<string, string>>): string[] {
  const raw = attributes.identities;
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list
      .map((entry) => (entry as { providerName?: unknown })?.providerName)
      .filter((name): name is string => typeof name === 'string');
  } catch {
    return [];
  }
}

/**
 * Decides the token's roles and organization, writing them into `event.response` (V2_0 shape:
 * `claimsAndScopeOverrideDetails`):
 * - a local user (created by an administrator) is left untouched: their Cognito groups and
 *   `custom:organization` attribute stand;
 * - a user of the configured provider gets `cognito:groups` = the roles their IdP groups map to
 *   (replacing any Cognito group set by hand: the IdP decides), `custom:organization` = the
 *   configured organization, and the raw groups attribute is kept out of the ID token;
 * - a federated user of any other provider (or whose provider cannot be read) gets no role and
 *   no organization, so the API refuses the token.
 */
export function applyPreToken(event: PreTokenEvent, settings: PreTokenSettings): PreTokenDecision {
  const attributes = event.request.userAttributes ?? {};
  const providers = federatedProviders(attributes);
  const federated =
    providers.length > 0 || attributes['cognito:user_status'] === 'EXTERNAL_PROVIDER';
  if (!federated) return { federated: false, groups: 0, roles: [] };

  const provider = providers[0];
  const trusted = provider === settings.providerName;
  const groups = trusted ? parseGroupsClaim(attributes[IDP_GROUPS_ATTRIBUTE]) : [];
  const roles = rolesForGroups(groups, settings.groupRoles);
  const organization: Record<string, string> = trusted
    ? { [ORGANIZATION_CLAIM]: settings.organizationId }
    : {};
  event.response = {
    claimsAndScopeOverrideDetails: {
      groupOverrideDetails: { groupsToOverride: roles },
      idTokenGeneration: {
        claimsToAddOrOverride: organization,
        claimsToSuppress: trusted
          ? [IDP_GROUPS_ATTRIBUTE]
          : [IDP_GROUPS_ATTRIBUTE, ORGANIZATION_CLAIM],
      },
      accessTokenGeneration: {
        claimsToAddOrOverride: organization,
        claimsToSuppress: trusted ? [] : [ORGANIZATION_CLAIM],
      },
    },
  };
  return { federated: true, provider, groups: groups.length, roles };
}

/** A handler that applies {@link applyPreToken} and reports each decision (no names, no e-mail). */
export function createPreTokenHandler(
  settings: PreTokenSettings,
  log: (decision: PreTokenDecision & { trigger: string }) => void = () => {},
): (event: PreTokenEvent) => Promise<PreTokenEvent> {
  return async (event) => {
    const decision = applyPreToken(event, settings);
    if (decision.federated) log({ ...decision, trigger: event.triggerSource });
    return event;
  };
}
