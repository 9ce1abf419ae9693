/**
 * Renders the manuals into `<dist>/docs/`: README.md as `index.html` and every `docs/<name>.md` as
 * `<name>.html`, with one stylesheet. The portal serves them from the same origin (the local
 * server and CloudFront alike serve any path with a file extension from web/dist), so the
 * app's Help link works offline and under the strict CSP (no script, no inline style).
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml, pageTitle, renderMarkdown } from './markdown';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..');

/** A manual: its path in the repository and the file it becomes under `/docs/`. */
export interface DocPage {
  source: string;
  output: string;
}

/** README.md and docs/*.md, in that order. */
export async function docPages(root = repoRoot): Promise<DocPage[]> {
  const names = (await readdir(join(root, 'docs'))).filter((n) => n.endsWith('.md')).sort();
  return [
    { source: 'README.md', output: 'index.html' },
    ...names.map((n) => ({ source: `docs/${n}`, output: n.replace(/\.md$/, '.html') })),
  ];
}

/**
 * Where a link on `from` points in the rendered site: another manual (`x.html#anchor`), an
 * anchor on the same page, an outside `http(s)` address, or `undefined` for a repository file
 * the portal does not serve (shown as text).
 */
export function siteLink(from: string, href: string, pages: DocPage[]): string | undefined {
  if (/^https?:\/\//.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined;
  const [path = '', hash] = href.split('#');
  const anchor = hash ? `#${hash}` : '';
  if (path === '') return anchor || undefined;
  const target = posix.normalize(posix.join(posix.dirname(from), path));
  const page = pages.find((p) => p.source === target);
  return page ? `${page.output}${anchor}` : undefined;
}

/** One manual as a standalone HTML page. */
export function docHtml(page: DocPage, md: string, pages: DocPage[]): string {
  const body = renderMarkdown(md, (href) => siteLink(page.source, href, pages));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pageTitle(md))} · Diligence docs</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="docs.css">
</head>
<body>
<header class="docs-header"><a class="brand" href="/">Diligence</a><nav aria-label="Documentation"><a href="index.html">All docs</a></nav></header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

async function writeAtomic(path: string, data: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/** Writes every manual into `outDir/docs`, drops pages of earlier builds, returns `'docs'`. */
export async function buildDocs(outDir: string, root = repoRoot): Promise<string> {
  const target = join(outDir, 'docs');
  await mkdir(target, { recursive: true });
  const pages = await docPages(root);
  for (const page of pages) {
    const md = await readFile(join(root, page.source), 'utf8');
    await writeAtomic(join(target, page.output), docHtml(page, md, pages));
  }
  await writeAtomic(join(target, 'docs.css'), await readFile(join(here, 'docs.css'), 'utf8'));
  const kept = new Set([...pages.map((p) => p.output), 'docs.css']);
  for (const name of await readdir(target))
    if (!kept.has(name) && !name.endsWith('.tmp')) await rm(join(target, name), { force: true });
  return 'docs';
}
