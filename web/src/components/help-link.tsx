/**
 * The link to the manuals: README.md and docs/*.md, rendered to /docs/*.html by the web build
 * (web/docs-site) and served from the same origin, so it works offline. It opens a new tab, so
 * unsaved work on the page stays where it is.
 */
export function HelpLink({ page = 'index.html' }: { page?: string }) {
  return (
    <a
      class="help-link"
      href={`/docs/${page}`}
      target="_blank"
      rel="noopener"
      aria-label="Help (opens in a new tab)"
    >
      Help
    </a>
  );
}
