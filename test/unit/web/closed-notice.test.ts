import { describe, expect, it } from 'vitest';
import type { VendorAssessment } from '../../../web/src/api/vendor';
import { ClosedNotice } from '../../../web/src/pages/vendor/closed-notice';
import { LinkProblem } from '../../../web/src/pages/vendor/link-problem';
import { vnodeText } from './vnode-text';

const data = (status: string) =>
  ({
    assessment: { status, submittedAt: null, decidedAt: null },
    buyer: { name: 'Acme', contactEmail: 'buyer@acme.test' },
  }) as unknown as VendorAssessment;

describe('what a vendor reads on a closed questionnaire', () => {
  it('a cancelled assessment says it was cancelled, not that a newer link was sent', () => {
    const text = vnodeText(ClosedNotice({ data: data('cancelled') }));
    expect(text).toMatch(/cancelled this assessment/);
    expect(text).not.toMatch(/newer/);
    expect(text).toContain('buyer@acme.test');
  });

  it('the cancelled-link page says cancelled and promises no new link', () => {
    const text = vnodeText(LinkProblem({ kind: 'cancelled' }));
    expect(text).toMatch(/was cancelled/);
    expect(text).not.toMatch(/newer one was sent|reappear with a new link/);
    expect(vnodeText(LinkProblem({ kind: 'revoked' }))).toMatch(/newer one was sent/);
  });
});
