import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../web/src/api/http';
import { errorMessage } from '../../../web/src/components/feedback';

describe('errorMessage', () => {
  it('adds each distinct validation reason after the title and detail', () => {
    const error = new ApiError({
      type: 'validation',
      title: 'Bad Request',
      status: 400,
      detail: 'The webhook URL is refused.',
      errors: [
        {
          path: 'url',
          message: 'The host 10.0.0.1 is a private network address; use a public URL.',
        },
        {
          path: 'url',
          message: 'The host 10.0.0.1 is a private network address; use a public URL.',
        },
      ],
    });
    expect(errorMessage(error)).toBe(
      'Bad Request: The webhook URL is refused. The host 10.0.0.1 is a private network address; use a public URL.',
    );
  });

  it('does not repeat a reason the detail already says', () => {
    const error = new ApiError({
      type: 'validation',
      title: 'Bad Request',
      status: 400,
      detail: 'Name is required.',
      errors: [{ path: 'name', message: 'Name is required.' }],
    });
    expect(errorMessage(error)).toBe('Bad Request: Name is required.');
  });

  it('keeps a problem without reasons as it was', () => {
    expect(errorMessage(new ApiError({ type: 'x', title: 'Not Found', status: 404 }))).toBe(
      'Not Found',
    );
  });
});
