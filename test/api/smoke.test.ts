import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAssessmentBody, startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal();
});
afterAll(async () => {
  await t.stop();
});

describe('smoke', () => {
  it('runs create → invite → vendor draft → submit', async () => {
    const proc = await t.staff('procurement');
    const created = await t.call('POST', '/api/assessments', {
      token: proc,
      body: newAssessmentBody(),
    });
    expect(created.status).toBe(201);
    const a = (await created.json()) as { id: string };
    const inv = await t.call('POST', `/api/assessments/${a.id}/invitations`, { token: proc });
    expect(inv.status).toBe(201);
    const { token } = (await inv.json()) as { token: string };
    const view = await t.call('GET', '/api/vendor/assessment', { token });
    expect(view.status).toBe(200);
    const v = (await view.json()) as { version: number; template: { sections: unknown[] } };
    const save = await t.call('PUT', '/api/vendor/answers', {
      token,
      body: { answers: { synthetic_share_percent: 20 }, version: v.version },
    });
    expect(save.status, await save.clone().text()).toBe(200);
    const sub = await t.call('POST', '/api/vendor/submit', { token });
    await t.drain();
    expect(sub.status).toBe(409);
    console.log(JSON.stringify(await sub.json()).slice(0, 300));
  });
});
