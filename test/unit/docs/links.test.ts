/**
 * The README stays a short front door and the manuals in docs/ stay reachable: the README is at
 * most 250 lines and keeps the two commands CI runs, every docs page opens with its title, a
 * one-line summary and a link back, every page is listed in the README's index, and every
 * relative link (and #anchor) in README.md and docs/*.md points at something that exists.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingIds, markdownLinks } from '../../../web/docs-site/markdown';

const root = process.cwd();
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const docs = readdirSync(join(root, 'docs'))
  .filter((n) => n.endsWith('.md'))
  .sort();
const pages = ['README.md', ...docs.map((n) => `docs/${n}`)];

describe('README.md', () => {
  it('is at most 250 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(250);
  });

  it('keeps the two commands, and .ci/run runs exactly its test command', () => {
    const readme = read('README.md');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    const steps = read('.ci/run')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^npm (ci|test)\b/.test(l));
    expect(steps).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });

  it('lists every docs page in its index', () => {
    const index = /<!-- docs-index:start -->([\s\S]*?)<!-- docs-index:end -->/.exec(
      read('README.md'),
    )?.[1];
    expect(index, 'the docs-index markers').toBeDefined();
    const listed = markdownLinks(index ?? '').map((l) => l.target);
    expect(docs.filter((n) => !listed.includes(`docs/${n}`))).toEqual([]);
  });
});

describe('docs/*.md', () => {
  it.each(docs)('%s starts with a title, a one-line summary and a link back to the README', (n) => {
    const [title = '', gap = '', summary = '', gap2 = '', back = ''] = read(`docs/${n}`).split(
      '\n',
    );
    expect(title).toMatch(/^# \S/);
    expect([gap, gap2]).toEqual(['', '']);
    expect(summary).toMatch(/^[^#|`\-\s].*\S$/);
    expect(back).toContain('](../README.md)');
  });
});

describe('relative links', () => {
  it.each(pages)('in %s all resolve to a file and, for #anchors, a heading', (page) => {
    const broken: string[] = [];
    for (const { target, line } of markdownLinks(read(page))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? join(root, page) : normalize(join(root, dirname(page), path));
      const where = `${page}:${line} → ${target}`;
      if (relative(root, file).startsWith(`..${sep}`))
        broken.push(`${where} (outside the repository)`);
      else if (!existsSync(file)) broken.push(`${where} (no such file)`);
      else if (anchor && file.endsWith('.md') && statSync(file).isFile()) {
        if (!headingIds(readFileSync(file, 'utf8')).includes(anchor))
          broken.push(`${where} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
