/** Every ASCII punctuation character: CommonMark lets a backslash make any of them literal. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Text a Markdown renderer shows as typed: every ASCII punctuation character is backslash-escaped
 * (so `<script>`, `[link](…)`, `*`, `#` or `|` stay text, and `&amp;` is not an entity), lines are
 * trimmed (no indented code block) and joined with a hard line break plus `indent`, so a multi-line
 * answer stays inside its list item.
 */
export function escapeMarkdown(text: string, indent = '  '): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, i) => (i > 0 ? line.trim() : line).replace(PUNCTUATION, '\\$&'))
    .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1))
    .join(`\\\n${indent}`);
}
