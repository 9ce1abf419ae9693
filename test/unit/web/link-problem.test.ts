import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api/http';
import { linkProblemOf } from '../../../web/src/pages/vendor/link-problem';

const problem = (status: number, slug: string) =>
  new ApiError({ type: `https://diligence.dev/problems/${slug}`, title: 'Unauthorized', status });

describe('linkProblemOf', () => {
  it('tells expired from revoked links by the problem type', () => {
    expect(linkProblemOf(problem(401, 'invitation-expired'))).toBe('expired');
    expect(linkProblemOf(problem(401, 'invitation-revoked'))).toBe('revoked');
  });

  it('tells a cancelled assessment from a replaced link', () => {
    expect(linkProblemOf(problem(401, 'assessment-cancelled'))).toBe('cancelled');
  });

  it('treats any other 401 as an invalid link and leaves other failures to the error banner', () => {
    expect(linkProblemOf(problem(401, 'invitation-invalid'))).toBe('invalid');
    expect(linkProblemOf(problem(500, 'error'))).toBeNull();
    expect(linkProblemOf(new Error('offline'))).toBeNull();
  });
});
