/** The authorization matrix's cases for machine references and spot-checks (issue 22). */

interface Ids {
  a: string;
  refA: string;
  spotA: string;
}

type Staff = 'proc1' | 'gov1' | 'admin1';

/** Routes that change or read an assessment's evidence, with who may use them on assessment A. */
export const evidenceRoutes: {
  method: string;
  path: (i: Ids) => string;
  body?: unknown;
  allowed: Staff[];
}[] = [
  {
    method: 'PUT',
    path: (i: Ids) => `/api/assessments/${i.a}/machine-references/${i.refA}`,
    allowed: ['proc1', 'gov1'],
  },
  {
    method: 'DELETE',
    path: (i: Ids) => `/api/assessments/${i.a}/machine-references/${i.refA}`,
    allowed: ['proc1', 'gov1'],
  },
  {
    method: 'POST',
    path: (i: Ids) => `/api/assessments/${i.a}/spot-checks`,
    body: { size: 5 },
    allowed: ['gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i: Ids) => `/api/assessments/${i.a}/spot-checks`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i: Ids) => `/api/assessments/${i.a}/spot-checks/${i.spotA}`,
    allowed: ['proc1', 'gov1', 'admin1'],
  },
  {
    method: 'GET',
    path: (i: Ids) => `/api/assessments/${i.a}/spot-checks/${i.spotA}/records/0`,
    allowed: ['gov1', 'admin1'],
  },
  {
    method: 'PUT',
    path: (i: Ids) => `/api/assessments/${i.a}/spot-checks/${i.spotA}/records/0`,
    body: { tag: 'human' },
    allowed: ['gov1', 'admin1'],
  },
  {
    method: 'POST',
    path: (i: Ids) => `/api/assessments/${i.a}/spot-checks/${i.spotA}/finish`,
    allowed: ['gov1', 'admin1'],
  },
];
