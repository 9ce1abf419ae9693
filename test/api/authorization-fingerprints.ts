/** The fingerprint routes' cases of the authorization matrix (kept apart: the matrix file is long). */
import { json, type TestPortal } from './harness';

const corpus = {
  name: 'f',
  kind: 'synthetic',
  source: 'corpus',
  fileName: 'f.jsonl',
  sizeBytes: 5,
  contentType: 'application/jsonl',
};

/** Registers a pack of the demo organization (as governance); resolves to its id. */
export async function registerPack(t: TestPortal, token: string | undefined): Promise<string> {
  const res = await t.call('POST', '/api/fingerprints', { token, body: corpus });
  return (await json<{ packId: string }>(res)).packId;
}

/** Who may call each fingerprint route (on pack `packA` of the demo organization, assessment `a`). */
export function fingerprintCases(staffAll: string[]) {
  const cases: {
    method: string;
    path: (i: { a: string; packA: string }) => string;
    body?: unknown;
    allowed: string[];
  }[] = [
    { method: 'GET', path: () => '/api/fingerprints', allowed: staffAll },
    {
      method: 'POST',
      path: () => '/api/fingerprints',
      body: {
        name: 'f',
        kind: 'synthetic',
        source: 'corpus',
        fileName: 'f.jsonl',
        sizeBytes: 10,
        contentType: 'application/jsonl',
      },
      allowed: ['gov1', 'admin1', 'gov2', 'admin2'],
    },
    {
      method: 'GET',
      path: (i) => `/api/fingerprints/${i.packA}`,
      allowed: ['proc1', 'gov1', 'admin1'],
    },
    { method: 'DELETE', path: (i) => `/api/fingerprints/${i.packA}`, allowed: ['gov1', 'admin1'] },
    {
      method: 'PUT',
      path: (i) => `/api/assessments/${i.a}/fingerprints/${i.packA}`,
      allowed: ['proc1', 'gov1'],
    },
    {
      method: 'DELETE',
      path: (i) => `/api/assessments/${i.a}/fingerprints/${i.packA}`,
      allowed: ['proc1', 'gov1'],
    },
  ];
  return cases as never[];
}
