import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GROUP_ROLES,
  GroupRolesError,
  parseGroupRoles,
  parseGroupsClaim,
  rolesForGroups,
} from '../../../functions/sso/groups';

describe('parseGroupsClaim: the groups attribute as each provider and Cognito write it', () => {
  it.each([
    [
      'a JSON array (an OIDC array claim)',
      '["Diligence-Admins","Staff"]',
      ['Diligence-Admins', 'Staff'],
    ],
    [
      'a bracketed list (an array written into a string attribute)',
      '[Diligence-Admins, Staff]',
      ['Diligence-Admins', 'Staff'],
    ],
    [
      'a comma list (a multi-valued SAML attribute)',
      'Diligence-Admins,Staff',
      ['Diligence-Admins', 'Staff'],
    ],
    ['one name', 'governance', ['governance']],
    [
      'names with spaces inside',
      '[Diligence Admins, Risk and Compliance]',
      ['Diligence Admins', 'Risk and Compliance'],
    ],
    [
      'Entra ID group object ids',
      '["9b2f6c1e-0a4d-4f7b-8c55-2d8e1a7f0c11"]',
      ['9b2f6c1e-0a4d-4f7b-8c55-2d8e1a7f0c11'],
    ],
    ['quoted items in a bracketed list', '[\'admin\', "procurement"]', ['admin', 'procurement']],
    ['duplicates and empty items', 'admin,, admin ,', ['admin']],
  ])('%s', (_name, value, groups) => {
    expect(parseGroupsClaim(value)).toEqual(groups);
  });

  it('gives no group for nothing (Google Workspace OIDC sends no groups claim)', () => {
    expect(parseGroupsClaim(undefined)).toEqual([]);
    expect(parseGroupsClaim('')).toEqual([]);
    expect(parseGroupsClaim('[]')).toEqual([]);
  });

  it('ignores non-string items of a JSON array', () => {
    expect(parseGroupsClaim('["admin", 7, null, {"name":"governance"}]')).toEqual(['admin']);
  });
});

describe('rolesForGroups', () => {
  const mapping = parseGroupRoles(
    '{"Diligence-Admins":"admin","Buyers":"procurement","Risk":"governance"}',
  );

  it('maps the configured groups to roles, in the API role order', () => {
    expect(rolesForGroups(['Risk', 'Diligence-Admins', 'Buyers'], mapping)).toEqual([
      'procurement',
      'governance',
      'admin',
    ]);
  });

  it('gives no role for an unknown group, a near miss, or a role name the mapping does not list', () => {
    expect(rolesForGroups(['Everyone'], mapping)).toEqual([]);
    expect(rolesForGroups(['diligence-admins', 'Diligence-Admins '], mapping)).toEqual([]);
    // With an explicit mapping, a group that merely shares a role's name grants nothing.
    expect(rolesForGroups(['admin'], mapping)).toEqual([]);
    expect(rolesForGroups(['__proto__', 'constructor', 'toString'], mapping)).toEqual([]);
  });

  it('by default maps exactly the groups named like roles', () => {
    expect(rolesForGroups(['governance', 'Admin', 'staff'], DEFAULT_GROUP_ROLES)).toEqual([
      'governance',
    ]);
  });
});

describe('parseGroupRoles', () => {
  it('takes JSON text or an object (cdk.json)', () => {
    expect(parseGroupRoles('{"A":"admin"}')).toEqual({ A: 'admin' });
    expect(parseGroupRoles({ ' B ': 'governance' })).toEqual({ B: 'governance' });
    expect(parseGroupRoles(undefined)).toBe(DEFAULT_GROUP_ROLES);
    expect(parseGroupRoles('  ')).toBe(DEFAULT_GROUP_ROLES);
  });

  it.each([
    ['not JSON', 'A=admin', /not valid JSON/],
    ['an array', '["admin"]', /JSON object of group → role/],
    ['empty', '{}', /is empty/],
    [
      'an unknown role',
      '{"A":"owner"}',
      /group "A" maps to "owner"; a role is one of procurement, governance, admin/,
    ],
    ['a non-string role', '{"A":1}', /group "A" maps to 1/],
    ['an empty group name', '{" ":"admin"}', /empty group name/],
  ])('refuses %s, saying why', (_name, input, message) => {
    expect(() => parseGroupRoles(input)).toThrow(GroupRolesError);
    expect(() => parseGroupRoles(input)).toThrow(message);
  });
});
