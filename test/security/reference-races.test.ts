import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, newAssessmentBody, startWithStaff, type TestPortal } from '../api/harness';

let t: TestPortal;
let proc: string;
beforeAll(async () => {
  ({ t, proc } = await startWithStaff());
});
afterAll(async () => {
  await t.stop();
});

interface Reference {
  referenceId: string;
  attachedTo: { assessmentId: string }[];
}

const register = (organization: string, token: string, n: number) =>
  t.call('POST', '/api/references', {
    token,
    body: {
      name: `${organization} reference ${n}`,
      description: 'Known-human records.',
      fileName: `ref-${n}.jsonl`,
      sizeBytes: 100,
      contentType: 'application/x-ndjson',
    },
  });

const library = async (token: string) =>
  (await json<{ items: Reference[] }>(t.call('GET', '/api/references', { token }))).items;

describe('the reference library cap under concurrent registrations', () => {
  it('holds at most 50 when 30 registrations race with 45 already registered', async () => {
    const token = await t.staff('procurement', 'capped', 'cap@capped.test');
    for (let i = 0; i < 45; i++) expect((await register('capped', token, i)).status).toBe(201);
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => register('capped', token, 45 + i).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(25);
    expect(await library(token)).toHaveLength(50);
  });

  it('gives the slot back when a reference is deleted', async () => {
    const token = await t.staff('procurement', 'capped', 'cap@capped.test');
    const [first] = await library(token);
    const del = await t.call('DELETE', `/api/references/${first?.referenceId}`, { token });
    expect(del.status).toBe(204);
    expect((await register('capped', token, 99)).status).toBe(201);
    expect((await register('capped', token, 100)).status).toBe(409);
  });
});

describe('concurrent attaches of references to one assessment', () => {
  it('leave exactly one reference attached, every time', async () => {
    const refs = await Promise.all(
      [0, 1, 2].map(async (n) => json<{ referenceId: string }>(register('demo', proc, n))),
    );
    for (let round = 0; round < 5; round++) {
      const a = await json<{ id: string }>(
        t.call('POST', '/api/assessments', { token: proc, body: newAssessmentBody() }),
      );
      const statuses = await Promise.all(
        refs.map((r) =>
          t
            .call('PUT', `/api/assessments/${a.id}/reference`, {
              token: proc,
              body: { referenceId: r.referenceId },
            })
            .then((res) => res.status),
        ),
      );
      expect(statuses).toEqual([200, 200, 200]);
      const holding = (await library(proc)).filter((r) =>
        r.attachedTo.some((x) => x.assessmentId === a.id),
      );
      expect(holding, `round ${round}`).toHaveLength(1);
    }
  });
});
