import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crateRows } from '../fixtures/crate-rows';
import { invitedAssessment, json, startWithStaff, type TestPortal } from './harness';
import { deliverTrainingJsonl } from './upload-helpers';

let t: TestPortal;
let proc: string;
let gov: string;
beforeAll(async () => {
  ({ t, proc, gov } = await startWithStaff({ MAX_SAMPLE_BYTES: '1000000' }));
});
afterAll(async () => {
  await t.stop();
});

describe('the Croissant export of a report version', () => {
  it("states that version's answers, not answers changed since (and not yet submitted)", async () => {
    const a = await invitedAssessment(t, proc);
    await deliverTrainingJsonl(t, a.token, `${crateRows(0, 120)}\n`);
    const { report } = await json<{ report: { version: number } }>(
      t.call('GET', `/api/assessments/${a.id}`, { token: gov }),
    );
    const croissant = async () => {
      const res = await t.call(
        'GET',
        `/api/assessments/${a.id}/reports/${report.version}/croissant`,
        {
          token: gov,
        },
      );
      expect(res.status).toBe(200);
      return JSON.stringify(await res.json());
    };
    const before = await croissant();
    expect(before).toContain('Documented in our datasheet');
    const changes = await t.call('POST', `/api/assessments/${a.id}/decision`, {
      token: gov,
      body: { decision: 'request_changes', comment: 'Which release is this?' },
    });
    expect(changes.status).toBe(200);
    const edit = await t.call('PUT', '/api/vendor/answers', {
      token: a.token,
      body: { answers: { dataset_version: 'v999 draft, not submitted' } },
    });
    expect(edit.status).toBe(200);
    const after = await croissant();
    expect(after).not.toContain('v999 draft');
    expect(after).toBe(before);
  });
});
