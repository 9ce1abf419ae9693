import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  attachMachineReference,
  createReference,
  detachMachineReference,
} from '../../../web/src/api/references';
import {
  finishSpotCheck,
  getSpotRecord,
  listSpotChecks,
  startSpotCheck,
  tagSpotRecord,
} from '../../../web/src/api/spot-checks';

/** Records every request the clients make and answers 200 `{}` (204 for DELETE). */
function recordRequests() {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({
      method: String(init.method),
      url,
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
    });
    return init.method === 'DELETE'
      ? new Response(null, { status: 204 })
      : new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('machine reference calls', () => {
  it('attach and detach one reference by id, path segments escaped', async () => {
    const calls = recordRequests();
    await attachMachineReference('a 1', 'r/2');
    await detachMachineReference('a 1', 'r/2');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'PUT /api/assessments/a%201/machine-references/r%2F2',
      'DELETE /api/assessments/a%201/machine-references/r%2F2',
    ]);
  });

  it('sends kind and generator for a machine reference', async () => {
    const calls = recordRequests();
    await createReference({
      kind: 'machine',
      generator: 'gpt-4o',
      name: 'n',
      description: '',
      fileName: 'f.jsonl',
      sizeBytes: 1,
      contentType: 'application/x-ndjson',
    });
    expect(calls[0]?.body).toMatchObject({ kind: 'machine', generator: 'gpt-4o' });
  });
});

describe('spot-check calls', () => {
  it('use the contract paths and bodies', async () => {
    const calls = recordRequests();
    await startSpotCheck('a1', 10);
    await startSpotCheck('a1');
    await listSpotChecks('a1');
    await getSpotRecord('a1', 's1', 0);
    await tagSpotRecord('a1', 's1', 3, { tag: 'unsure', flags: ['off_domain'] });
    await finishSpotCheck('a1', 's1');
    expect(calls).toEqual([
      { method: 'POST', url: '/api/assessments/a1/spot-checks', body: { size: 10 } },
      { method: 'POST', url: '/api/assessments/a1/spot-checks', body: {} },
      { method: 'GET', url: '/api/assessments/a1/spot-checks', body: undefined },
      { method: 'GET', url: '/api/assessments/a1/spot-checks/s1/records/0', body: undefined },
      {
        method: 'PUT',
        url: '/api/assessments/a1/spot-checks/s1/records/3',
        body: { tag: 'unsure', flags: ['off_domain'] },
      },
      { method: 'POST', url: '/api/assessments/a1/spot-checks/s1/finish', body: {} },
    ]);
  });
});
