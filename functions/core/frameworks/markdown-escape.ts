/** Characters that start Markdown syntax anywhere in a line: emphasis, code, links, HTML, entities, tables. */
const INLINE = /[\\`*_[\]<>#|~&]/g;
/** What starts a list item, a heading underline or a quote only at the start of a line. */
const LINE_START = /^([-+=]|\d+[.)])/;

/**
 * Text a Markdown renderer shows as typed, yet readable as a plain file: the characters that start
 * syntax anywhere (`* _ [ ] < > # | ~ & \` and backticks) are backslash-escaped, so no link, HTML
 * tag, entity or heading comes through, and so is what starts a list or underline at a line's
 * start. Lines after the first are trimmed (no indented code block) and joined with a hard line
 * break plus `indent`, so a multi-line answer stays inside its list item.
 */
export function escapeMarkdown(text: string, indent = '  '): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) =>
      (i > 0 ? line.trim() : line)
        .replace(INLINE, '\\$&')
        .replace(LINE_START, (m) => m.replace(/[-+=.)]$/, '\\$&')),
    )
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join(`\\\n${indent}`);
}
