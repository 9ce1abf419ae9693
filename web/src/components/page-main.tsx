/** The page's <main>, which takes focus on navigation so keyboard and screen-reader users start at the top. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const titles: [prefix: string, title: string][] = [
  ['/signin', 'Sign in'],
  ['/procurement', 'Assessments'],
  ['/assessments/', 'Assessment'],
  ['/governance', 'Review queue'],
  ['/portfolio', 'Portfolio'],
  ['/outbox', 'Outbox'],
  ['/policy', 'Scoring policy'],
  ['/vendor', 'Questionnaire'],
];

/** The document title for a path, so browser tabs and screen readers name the page. */
export function titleFor(path: string): string {
  if (/^\/assessments\/[^/]+\/spot-checks\/[^/]+\/?$/.test(path)) return 'Spot-check · Diligence';
  const match = titles.find(([prefix]) => path.startsWith(prefix));
  return match ? `${match[1]} · Diligence` : 'Diligence';
}

/** Wraps page content in the focusable main landmark targeted by the skip link. */
export function PageMain({ path, children }: { path: string; children: ComponentChildren }) {
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = titleFor(path);
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [path]);
  return (
    <main id="main" class="page" ref={main} tabIndex={-1}>
      {children}
    </main>
  );
}
