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

/** The message a person should read for a failed call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const { title, detail } = error.problem;
    return detail && detail !== title ? `${title}: ${detail}` : title;
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
