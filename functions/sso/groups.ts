import { type StaffRole, staffRoles } from '../core/assessment/types';

/** Identity-provider group name (or Entra ID group object id) → Diligence role. */
export type GroupRoles = Readonly<Record<string, StaffRole>>;

/**
 * The default mapping when none is configured: a group named exactly like a role
 * (`procurement`, `governance`, `admin`) gives that role; every other group gives none.
 */
export const DEFAULT_GROUP_ROLES: GroupRoles = Object.fromEntries(staffRoles.map((r) => [r, r]));

function unquote(item: string): string {
  const trimmed = item.trim();
  const quoted = /^"(.*)"$/.exec(trimmed) ?? /^'(.*)'$/.exec(trimmed);
  return (quoted?.[1] ?? trimmed).trim();
}

/**
 * Reads the groups an identity provider sent, as Cognito stored them in the mapped string
 * attribute. The text depends on the provider and on Cognito: a JSON array (`["a","b"]`), a
 * bracketed list (`[a, b]`, how an array claim is written into a string attribute), a comma
 * list (`a,b`, a multi-valued SAML attribute) or a single name. Items are trimmed and
 * de-duplicated; empty ones dropped. A group name that itself contains a comma cannot be told
 * apart from two groups: map such a group by an id without commas (see docs/single-sign-on.md).
 */
export function parseGroupsClaim(value: string | undefined | null): string[] {
  const text = (value ?? '').trim();
  if (text === '') return [];
  let items: string[] | undefined;
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) items = parsed.filter((v) => typeof v === 'string');
    } catch {
      // Not JSON: a bracketed list such as `[a, b]`.
    }
    items ??= text.replace(/^\[/, '').replace(/\]$/, '').split(',');
  } else {
    items = text.split(',');
  }
  return [...new Set(items.map(unquote).filter((g) => g !== ''))];
}

/**
 * The roles `groups` give under `mapping`, in the API's role order (procurement, governance,
 * admin). Matching is exact (case and spaces inside the name count); a group the mapping does not
 * name gives no role, so an unknown or renamed group can never grant one.
 */
export function rolesForGroups(groups: readonly string[], mapping: GroupRoles): StaffRole[] {
  const granted = new Set<StaffRole>();
  for (const group of groups) {
    const role = Object.hasOwn(mapping, group) ? mapping[group] : undefined;
    if (role && (staffRoles as readonly string[]).includes(role)) granted.add(role);
  }
  return staffRoles.filter((r) => granted.has(r));
}

/** A problem with a group → role mapping, said so that whoever configured it can fix it. */
export class GroupRolesError extends Error {
  override name = 'GroupRolesError';
}

/**
 * Validates a group → role mapping given as JSON text (CDK context `idpGroupRoles`, the trigger's
 * `SSO_GROUP_ROLES`) or as an object; `undefined` or empty text gives {@link DEFAULT_GROUP_ROLES}.
 * Throws {@link GroupRolesError} naming the bad entry.
 */
export function parseGroupRoles(input: unknown, source = 'idpGroupRoles'): GroupRoles {
  if (input === undefined || input === null || (typeof input === 'string' && !input.trim()))
    return DEFAULT_GROUP_ROLES;
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new GroupRolesError(
        `${source} must be a JSON object of group → role, e.g. {"Diligence-Admins":"admin"}; it is not valid JSON.`,
      );
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new GroupRolesError(
      `${source} must be a JSON object of group → role, e.g. {"Diligence-Admins":"admin"}.`,
    );
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0)
    throw new GroupRolesError(`${source} is empty: name at least one group, or leave it unset.`);
  const mapping: Record<string, StaffRole> = {};
  for (const [group, role] of entries) {
    const name = group.trim();
    if (name === '') throw new GroupRolesError(`${source} has an empty group name.`);
    if (typeof role !== 'string' || !(staffRoles as readonly string[]).includes(role))
      throw new GroupRolesError(
        `${source}: group "${name}" maps to ${JSON.stringify(role)}; a role is one of ${staffRoles.join(', ')}.`,
      );
    mapping[name] = role as StaffRole;
  }
  return mapping;
}
