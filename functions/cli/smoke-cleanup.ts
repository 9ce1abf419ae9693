import { request, SmokeFailure } from './smoke-http';
import type { SmokeStep } from './smoke-steps';

/**
 * Cancels the throwaway assessment (its report stays under retention) and checks the vendor link
 * closed with it; retries when a late re-scoring moved the version on.
 */
export const cleanup: SmokeStep = {
  name: 'cleanup',
  async run({ api, state }) {
    const id = state.assessmentId ?? '';
    const hint = `cancel assessment ${id} by hand in the portal`;
    for (let attempt = 1; ; attempt++) {
      const current = await api.call<{ version: number }>(
        'GET',
        `/api/assessments/${id}`,
        200,
        hint,
        {
          token: state.token,
        },
      );
      try {
        await api.call('POST', `/api/assessments/${id}/cancel`, 200, hint, {
          token: state.token,
          body: {
            reason: 'Deploy smoke test: throwaway assessment.',
            version: current.body.version,
          },
        });
        break;
      } catch (error) {
        if (!(error instanceof SmokeFailure) || error.status !== 409 || attempt >= 5) throw error;
      }
    }
    if (state.vendorToken) {
      const open = await request(
        `${api.origin}/api/vendor/assessment`,
        { headers: { authorization: `Bearer ${state.vendorToken}` } },
        hint,
      );
      if (open.status === 200)
        throw new SmokeFailure('the vendor link still opens after cancelling', hint, 200);
    }
    return `assessment ${id} cancelled, vendor link closed (the report stays under retention)`;
  },
};
