/** Loading and error states every page uses. */
import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/http';

/** A polite loading message. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p class="loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

/**
 * The message a person should read for a failed call: the problem's title and detail, then each
 * distinct validation message (what was wrong and how to fix it), once.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail, errors = [] } = error.problem;
    const head = detail && detail !== title ? `${title}: ${detail}` : title;
    const reasons = [...new Set(errors.map((e) => e.message))].filter(
      (m) => m && !head.includes(m),
    );
    return [head, ...reasons].join(' ');
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** An error announced to assistive technology, with an optional retry. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div class="banner banner-error" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" class="button secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** A success or info notice announced politely. */
export function Notice({
  children,
  kind = 'info',
}: {
  children: ComponentChildren;
  kind?: 'info' | 'success' | 'warning';
}) {
  return (
    <div class={`banner banner-${kind}`} role="status">
      {children}
    </div>
  );
}
