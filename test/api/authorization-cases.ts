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

/** Item `condition-0`; `{itemId}` when the matrix names the route by its OpenAPI template. */
const itemA = (i: Ids) => (i.a === '{id}' ? '{itemId}' : 'condition-0');

/** The delivery-contract and remediation routes (item `condition-0` of assessment A). */
export const contractCases: RouteCase[] = [
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/contract`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/remediation/${itemA(i)}`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'PATCH',
    path: (i) => `/api/assessments/${i.a}/remediation/${itemA(i)}`,
    body: { status: 'in_progress', version: 1 },
    allowed: ['gov1', 'admin1'],
  },
  {
    method: 'POST',
    path: (i) => `/api/assessments/${i.a}/remediation/${itemA(i)}/comments`,
    body: { text: 'hello' },
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'POST',
    path: (i) => `/api/assessments/${i.a}/remediation/${itemA(i)}/exception`,
    body: { reason: 'ok', until: '2030-01-01' },
    allowed: ['gov1', 'admin1'],
  },
  { method: 'GET', path: () => '/api/vendor/contract', allowed: ['vendorA', 'vendorB'] },
  {
    method: 'POST',
    path: (i) => `/api/vendor/remediation/${itemA(i)}/comments`,
    body: { text: 'hello' },
    allowed: ['vendorA', 'vendorB'],
  },
];

/** Contact `0…0` (none exists: denied callers are stopped before the lookup); `{contactId}` by name. */
const contactA = (i: Ids) => (i.a === '{id}' ? '{contactId}' : '0'.repeat(26));

/** The vendor contact routes (issue 31.2): procurement and admins of the assessment's organization. */
export const contactCases: RouteCase[] = [
  { method: 'GET', path: (i) => `/api/assessments/${i.a}/contacts`, allowed: ['proc1', 'admin1'] },
  {
    method: 'POST',
    path: (i) => `/api/assessments/${i.a}/contacts`,
    body: { name: 'Ana', email: 'ana@vendor.test' },
    allowed: ['proc1', 'admin1'],
  },
  {
    method: 'PATCH',
    path: (i) => `/api/assessments/${i.a}/contacts/${contactA(i)}`,
    body: { name: 'Ana Ruiz' },
    allowed: ['proc1', 'admin1'],
  },
  {
    method: 'DELETE',
    path: (i) => `/api/assessments/${i.a}/contacts/${contactA(i)}`,
    allowed: ['proc1', 'admin1'],
  },
];

/** API tokens and webhooks (issue 28.2-3): the organization's admins only. */
export const integrationCases: RouteCase[] = [
  { method: 'GET', path: () => '/api/tokens', allowed: ['admin1', 'admin2'] },
  {
    method: 'POST',
    path: () => '/api/tokens',
    body: { name: 'matrix', role: 'procurement', expiresInDays: 1 },
    allowed: ['admin1', 'admin2'],
  },
  { method: 'DELETE', path: () => `/api/tokens/${'0'.repeat(26)}`, allowed: [] },
  { method: 'GET', path: () => '/api/webhooks', allowed: ['admin1', 'admin2'] },
  {
    method: 'POST',
    path: () => '/api/webhooks',
    body: { url: 'http://127.0.0.1:9/hook', events: ['sample.failed'] },
    allowed: ['admin1', 'admin2'],
  },
  { method: 'DELETE', path: () => `/api/webhooks/${'0'.repeat(26)}`, allowed: [] },
  { method: 'GET', path: () => `/api/webhooks/${'0'.repeat(26)}/deliveries`, allowed: [] },
];

/** The image-sample routes (issue 29): a thumbnail of one image in a sample's archive. */
export const imageCases: RouteCase[] = [
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/samples/${i.sampleA}/thumbnail?file=a.png`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
];

/** Passports: staff make, read and revoke the link; the vendor of its one assessment too. */
export const passportCases: RouteCase[] = [
  { method: 'POST', path: (i) => `/api/assessments/${i.a}/passport`, allowed: ['proc1', 'gov1'] },
  { method: 'DELETE', path: (i) => `/api/assessments/${i.a}/passport`, allowed: ['proc1', 'gov1'] },
  {
    method: 'GET',
    path: (i) => `/api/assessments/${i.a}/passport`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  { method: 'GET', path: () => '/api/vendor/passport', allowed: ['vendorA', 'vendorB'] },
  { method: 'POST', path: () => '/api/vendor/passport', allowed: ['vendorA', 'vendorB'] },
  { method: 'DELETE', path: () => '/api/vendor/passport', allowed: ['vendorA', 'vendorB'] },
];
