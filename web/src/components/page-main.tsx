/** The page's <main>, which takes focus on navigation so keyboard and screen-reader users start at the top. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** Wraps page content in the focusable main landmark targeted by the skip link. */
export function PageMain({ path, children }: { path: string; children: ComponentChildren }) {
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);
  return (
    <main id="main" class="page" ref={main} tabIndex={-1}>
      {children}
    </main>
  );
}
