import { describe, expect, it } from 'vitest';
import { ApiError, problemFrom } from '../../../web/src/api/http';

describe('ApiError', () => {
  const error = new ApiError({
    type: 'https://diligence.dev/problems/invitation-expired',
    title: 'Unauthorized',
    status: 401,
    detail: 'expired',
    errors: [
      { path: 'answers.synthetic_share_percent', message: 'must be 0–100' },
      { path: 'answers.synthetic_share_percent', message: 'second message' },
      { path: 'version', message: 'stale' },
    ],
  });

  it('keys validation messages by path without the prefix, keeping the first per path', () => {
    expect(error.fieldErrors('answers')).toEqual({
      synthetic_share_percent: 'must be 0–100',
      version: 'stale',
    });
  });

  it('recognizes problem types by their last segment only', () => {
    expect(error.isType('invitation-expired')).toBe(true);
    expect(error.isType('expired')).toBe(false);
  });
});

describe('problemFrom', () => {
  it('reads problem+json bodies', async () => {
    const response = new Response(
      JSON.stringify({ type: 't', title: 'Conflict', status: 409, missing: [] }),
      {
        status: 409,
        headers: { 'content-type': 'application/problem+json' },
      },
    );
    expect(await problemFrom(response)).toMatchObject({
      title: 'Conflict',
      status: 409,
      missing: [],
    });
  });

  it('falls back to the status when the body is not JSON', async () => {
    const response = new Response('<html>bad gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
    });
    expect(await problemFrom(response)).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
    });
  });
});
