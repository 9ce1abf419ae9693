/**
 * A small Markdown renderer for the project's own manuals (README.md and docs/*.md), written by
 * hand because no Markdown library is installed. It covers what those pages use and nothing more:
 * ATX headings (with GitHub's anchor ids), paragraphs, fenced code, pipe tables, nested bullet and
 * numbered lists, `code`, **bold**, *italic*, [links](url) and HTML comments (dropped). Every
 * piece of text is HTML-escaped; no raw HTML passes through.
 */

/** Decides where a link goes in the rendered site: a new href, or `undefined` to show text only. */
export type LinkResolver = (href: string) => string | undefined;

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

/** Heading text as GitHub shows it: markup dropped, link targets dropped. */
function plainHeading(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim();
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(heading: string): string {
  return plainHeading(heading)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Lines outside fenced code blocks, with their 1-based line numbers. */
function proseLines(md: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fenced = false;
  md.split('\n').forEach((text, i) => {
    if (text.trimStart().startsWith('```')) fenced = !fenced;
    else if (!fenced) out.push({ text, line: i + 1 });
  });
  return out;
}

/** The anchor ids of a page's headings, duplicates numbered `-1`, `-2` as GitHub does. */
export function headingIds(md: string): string[] {
  const seen = new Map<string, number>();
  const ids: string[] = [];
  for (const { text } of proseLines(md)) {
    const heading = /^#{1,6} (.+)$/.exec(text);
    if (!heading?.[1]) continue;
    const base = slugify(heading[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.push(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}

/** Every `[text](target)` link outside code, with the line it is on. */
export function markdownLinks(md: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  for (const { text, line } of proseLines(md)) {
    const withoutCode = text.replace(/(`+)[^`]*?\1/g, '');
    for (const m of withoutCode.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g))
      if (m[1]) links.push({ target: m[1], line });
  }
  return links;
}

const inlinePattern =
  /(`+)(.+?)\1|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|\*([^*\s](?:[^*]*[^*\s])?)\*|\\([\\`*_[\]|#<>])/g;

/** Inline markup to HTML. */
export function renderInline(text: string, link: LinkResolver): string {
  let html = '';
  let last = 0;
  for (const m of text.matchAll(inlinePattern)) {
    html += escapeHtml(text.slice(last, m.index));
    last = m.index + m[0].length;
    const [, ticks, code, label, href, bold, italic, escaped] = m;
    if (ticks && code !== undefined) html += `<code>${escapeHtml(code.trim())}</code>`;
    else if (label !== undefined && href !== undefined) {
      const target = link(href);
      const inner = renderInline(label, link);
      html += target === undefined ? inner : `<a href="${escapeHtml(target)}">${inner}</a>`;
    } else if (bold !== undefined) html += `<strong>${renderInline(bold, link)}</strong>`;
    else if (italic !== undefined) html += `<em>${renderInline(italic, link)}</em>`;
    else if (escaped !== undefined) html += escapeHtml(escaped);
  }
  return html + escapeHtml(text.slice(last));
}

/** Splits a table row on `|` outside code spans; `\|` stays a literal bar. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cell = '';
  let inCode = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\' && inner[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

const tableRule = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const listMarker = /^( *)([-*]|\d+\.) +/;

function isBlockStart(line: string, next: string | undefined): boolean {
  return (
    /^#{1,6} /.test(line) ||
    line.trimStart().startsWith('```') ||
    /^<!--.*-->\s*$/.test(line) ||
    listMarker.test(line) ||
    (line.startsWith('|') && next !== undefined && tableRule.test(next))
  );
}

function renderTable(rows: string[], link: LinkResolver): string {
  const [head = '', rule = '', ...body] = rows;
  const align = cells(rule).map((c) =>
    c.endsWith(':') ? (c.startsWith(':') ? 'center' : 'right') : undefined,
  );
  const cell = (tag: string, text: string, i: number) =>
    `<${tag}${align[i] ? ` class="align-${align[i]}"` : ''}>${renderInline(text, link)}</${tag}>`;
  const headRow = cells(head)
    .map((c, i) => cell('th', c, i))
    .join('');
  const bodyRows = body
    .map(
      (r) =>
        `<tr>${cells(r)
          .map((c, i) => cell('td', c, i))
          .join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="Table: ${escapeHtml(
    plainHeading(cells(head).join(', ')),
  )}"><table><thead><tr>${headRow}</tr></thead><tbody>\n${bodyRows}\n</tbody></table></div>`;
}

interface Context {
  link: LinkResolver;
  ids: Map<string, number>;
}

function renderList(lines: string[], start: number, ctx: Context): { html: string; end: number } {
  const first = listMarker.exec(lines[start] ?? '');
  const indent = first?.[1]?.length ?? 0;
  const ordered = /\d/.test(first?.[2] ?? '');
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const marker = listMarker.exec(line);
    if (marker && (marker[1]?.length ?? 0) === indent) {
      items.push([line.slice(marker[0].length)]);
      i++;
      continue;
    }
    const current = items[items.length - 1];
    if (!current) break;
    if (line.trim() === '') {
      const next = lines[i + 1] ?? '';
      const nextMarker = listMarker.exec(next);
      const continues =
        (nextMarker && (nextMarker[1]?.length ?? 0) === indent) ||
        (next.trim() !== '' && next.length - next.trimStart().length > indent);
      if (!continues) break;
      current.push('');
      i++;
      continue;
    }
    if (line.length - line.trimStart().length > indent || !isBlockStart(line, lines[i + 1])) {
      current.push(line.replace(new RegExp(`^ {0,${indent + (ordered ? 3 : 2)}}`), ''));
      i++;
      continue;
    }
    break;
  }
  const tag = ordered ? 'ol' : 'ul';
  const body = items
    .map((item) => {
      const inner = renderBlocks(item, ctx);
      const tight = /^<p>[\s\S]*<\/p>$/.test(inner) && !inner.includes('</p>\n');
      return `<li>${tight ? inner.slice(3, -4) : inner}</li>`;
    })
    .join('\n');
  return { html: `<${tag}>\n${body}\n</${tag}>`, end: i };
}

function renderBlocks(lines: string[], ctx: Context): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || /^<!--.*-->\s*$/.test(line)) {
      i++;
    } else if (line.trimStart().startsWith('```')) {
      const lang = line.trim().slice(3).trim();
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trimStart().startsWith('```'))
        code.push(lines[i++] ?? '');
      i++;
      const cls = lang ? ` class="language-${escapeHtml(lang)}"` : '';
      out.push(`<pre tabindex="0"><code${cls}>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6} /.test(line)) {
      const level = line.indexOf(' ');
      const text = line.slice(level + 1).trim();
      const base = slugify(text);
      const n = ctx.ids.get(base) ?? 0;
      ctx.ids.set(base, n + 1);
      const id = n === 0 ? base : `${base}-${n}`;
      out.push(`<h${level} id="${escapeHtml(id)}">${renderInline(text, ctx.link)}</h${level}>`);
      i++;
    } else if (line.startsWith('|') && tableRule.test(lines[i + 1] ?? '')) {
      const rows: string[] = [];
      while (i < lines.length && (lines[i] ?? '').startsWith('|')) rows.push(lines[i++] ?? '');
      out.push(renderTable(rows, ctx.link));
    } else if (listMarker.test(line)) {
      const list = renderList(lines, i, ctx);
      out.push(list.html);
      i = list.end;
    } else {
      const para: string[] = [line.trim()];
      i++;
      while (
        i < lines.length &&
        (lines[i] ?? '').trim() !== '' &&
        !isBlockStart(lines[i] ?? '', lines[i + 1])
      )
        para.push((lines[i++] ?? '').trim());
      out.push(`<p>${renderInline(para.join('\n'), ctx.link)}</p>`);
    }
  }
  return out.join('\n');
}

/** Renders a Markdown page to an HTML fragment; `link` maps every link target. */
export function renderMarkdown(md: string, link: LinkResolver): string {
  return renderBlocks(md.replace(/\r\n/g, '\n').split('\n'), { link, ids: new Map() });
}

/** The page's first `# Title`, as plain text. */
export function pageTitle(md: string): string {
  const title = /^# (.+)$/m.exec(md)?.[1];
  return title ? plainHeading(title) : 'Diligence';
}
