/** Who the authorization matrix tries, and the shape of its cases. */

export type Who =
  | 'anonymous'
  | 'vendorA'
  | 'vendorB'
  | 'revokedVendor'
  | 'expiredVendor'
  | 'proc1'
  | 'gov1'
  | 'admin1'
  | 'proc2'
  | 'gov2'
  | 'admin2';

export const everyone: Who[] = [
  'anonymous',
  'vendorA',
  'vendorB',
  'revokedVendor',
  'expiredVendor',
  'proc1',
  'gov1',
  'admin1',
  'proc2',
  'gov2',
  'admin2',
];

export interface RouteCase {
  method: string;
  path: (ids: Ids) => string;
  body?: unknown;
  /** Identities allowed to act on assessment A through this route. */
  allowed: Who[];
}

export interface Ids {
  a: string;
  sampleA: string;
  refA: string;
  spotA: string;
  packA: string;
}

export const staffAll: Who[] = ['proc1', 'gov1', 'admin1', 'proc2', 'gov2', 'admin2'];
