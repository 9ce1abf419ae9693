/** Example bodies of the spot-check routes, as the API really sends or accepts them. */

const assessmentId = '01jbz3m0a1b2c3d4e5f6g7h8j9';
/** The id of the example spot-check. */
export const exampleSpotCheckId = '01jbz4a7k2m9p3q8r5s1t6v0wx';

/** Body of POST /api/assessments/{id}/spot-checks. */
export const createSpotCheckExample = { size: 100 };

/** An open spot-check, 37 of 100 records tagged. */
export const openSpotCheckExample = {
  spotCheckId: exampleSpotCheckId,
  assessmentId,
  sampleId: '01jbz3n4b5c6d7e8f9g0h1j2k3',
  status: 'open' as const,
  size: 100,
  tagged: 37,
  createdAt: '2026-11-28T16:00:00.000Z',
  createdBy: 'gail@acme.example',
  finishedAt: null,
  result: null,
};

/** A finished spot-check with its stratified estimate. */
export const finishedSpotCheckExample = {
  ...openSpotCheckExample,
  status: 'finished' as const,
  tagged: 100,
  finishedAt: '2026-11-28T17:10:00.000Z',
  result: {
    share: 0.42,
    interval: [0.31, 0.54] as [number, number],
    reviewed: 100,
    unsure: 6,
    method:
      'stratified Wilson interval; unsure tags count as human for the lower bound and machine for the upper',
  },
};

/** One record to review. */
export const spotRecordExample = {
  position: 37,
  total: 100,
  text: 'Thanks for reaching out! I completely understand how frustrating a late delivery can be…',
  truncated: false,
  tag: null,
  flags: [],
};

/** Body of PUT …/records/{position}. */
export const tagRecordExample = { tag: 'machine' as const, flags: ['off_domain' as const] };

/** What PUT …/records/{position} answers. */
export const taggedExample = {
  position: 37,
  tag: 'machine' as const,
  flags: ['off_domain'],
  next: 38,
};
