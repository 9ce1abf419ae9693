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

/** The field-mapping routes (issue 30.3): a sample's and a reference's detected fields and re-analysis. */
export const fieldMappingCases: RouteCase[] = [
  { method: 'GET', path: (i) => `/api/vendor/samples/${i.sampleA}/fields`, allowed: ['vendorA'] },
  {
    method: 'PUT',
    path: (i) => `/api/vendor/samples/${i.sampleA}/fields`,
    body: { fields: { text: 'body' } },
    allowed: ['vendorA'],
  },
  { method: 'GET', path: (i) => `/api/references/${i.refA}/fields`, allowed: ['proc1', 'gov1'] },
  {
    method: 'PUT',
    path: (i) => `/api/references/${i.refA}/fields`,
    body: { fields: { text: 'body' } },
    allowed: ['proc1', 'gov1'],
  },
];
