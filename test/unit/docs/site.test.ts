/**
 * The manuals rendered for the portal (/docs/): the hand-written Markdown renderer escapes every
 * text, renders what the pages use, and the built site's links all land on a rendered page and
 * an existing anchor.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocs, docPages, siteLink } from '../../../web/docs-site/build';
import { headingIds, renderMarkdown, slugify } from '../../../web/docs-site/markdown';

const asIs = (href: string) => href;

describe('renderMarkdown', () => {
  it('escapes text everywhere, so no vendor-like HTML passes through', () => {
    const html = renderMarkdown(
      '# A <b>title</b>\n\n<script>alert(1)</script> & `<i>`\n\n| a | b |\n|---|---|\n| <img> | x |\n',
      asIs,
    );
    expect(html).not.toMatch(/<(b|script|i|img)>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <code>&lt;i&gt;</code>');
  });

  it('renders headings with GitHub anchors, code, tables with alignment, nested lists', () => {
    const md = [
      '## What the runtime (`npm start`) exposes',
      '',
      'Text with **bold**, *italic*, `a|b` and a [link](x.md#y).',
      '<!-- marker:start -->',
      '```sh',
      'echo "<hi>"',
      '```',
      '',
      '| name | n |',
      '|---|---:|',
      '| `a\\|b` | 3 |',
      '',
      '1. first',
      '   continued',
      '2. second',
      '   - nested',
      '     more',
    ].join('\n');
    const html = renderMarkdown(md, (href) => `resolved:${href}`);
    expect(html).toContain('<h2 id="what-the-runtime-npm-start-exposes">');
    expect(html).toContain('<strong>bold</strong>, <em>italic</em>, <code>a|b</code>');
    expect(html).toContain('<a href="resolved:x.md#y">link</a>');
    expect(html).not.toContain('marker');
    expect(html).toContain(
      '<pre tabindex="0"><code class="language-sh">echo &quot;&lt;hi&gt;&quot;</code></pre>',
    );
    expect(html).toContain('<th class="align-right">n</th>');
    expect(html).toContain('<td><code>a|b</code></td><td class="align-right">3</td>');
    expect(html).toContain('<li>first\ncontinued</li>');
    expect(html).toMatch(/<li><p>second<\/p>\n<ul>\n<li>nested\nmore<\/li>\n<\/ul><\/li>/);
  });

  it('shows a link the site cannot serve as its text', () => {
    expect(renderMarkdown('See [the code](../x.ts).', () => undefined)).toBe(
      '<p>See the code.</p>',
    );
  });

  it('numbers repeated headings as GitHub does', () => {
    expect(headingIds('# A\n## Tiers\n```\n# not a heading\n```\n## Tiers')).toEqual([
      'a',
      'tiers',
      'tiers-1',
    ]);
    expect(slugify('Throttles and the edge (us-east-1)')).toBe('throttles-and-the-edge-us-east-1');
  });
});

describe('siteLink', () => {
  const pages = [
    { source: 'README.md', output: 'index.html' },
    { source: 'docs/api.md', output: 'api.html' },
  ];
  it('maps manuals to their pages and leaves source files as text', () => {
    expect(siteLink('README.md', 'docs/api.md#the-api', pages)).toBe('api.html#the-api');
    expect(siteLink('docs/api.md', '../README.md', pages)).toBe('index.html');
    expect(siteLink('docs/api.md', '#large-uploads', pages)).toBe('#large-uploads');
    expect(siteLink('docs/api.md', '../functions/core/analysis/README.md', pages)).toBeUndefined();
    expect(siteLink('docs/api.md', 'https://example.com/a', pages)).toBe('https://example.com/a');
    expect(siteLink('docs/api.md', 'javascript:alert(1)', pages)).toBeUndefined();
  });
});

describe('the built docs site', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'docs-site-'));
    await buildDocs(out);
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('has a page for the README and each docs/*.md, and every link lands on a page and anchor', async () => {
    const pages = await docPages();
    const files = (await readdir(join(out, 'docs'))).sort();
    expect(files).toEqual([...pages.map((p) => p.output), 'docs.css'].sort());
    const html = new Map<string, string>();
    for (const p of pages) html.set(p.output, await readFile(join(out, 'docs', p.output), 'utf8'));
    const ids = (page: string) =>
      [...(html.get(page) ?? '').matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const broken: string[] = [];
    for (const [page, text] of html) {
      expect(text, page).toMatch(/<link rel="stylesheet" href="docs.css">/);
      expect(text, page).not.toMatch(/<script|style=/);
      for (const [, href = ''] of text.matchAll(/<a href="([^"]*)"/g)) {
        if (href === '/' || href.startsWith('https://')) continue;
        const [file = '', anchor] = href.split('#');
        const target = file === '' ? page : file;
        if (!html.has(target)) broken.push(`${page} → ${href} (no page)`);
        else if (anchor && !ids(target).includes(anchor))
          broken.push(`${page} → ${href} (no anchor)`);
      }
    }
    expect(broken).toEqual([]);
    expect(html.get('index.html')).toContain('<a href="scoring.html">Scoring method</a>');
  });
});
