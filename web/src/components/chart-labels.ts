/** Axis labels that wrap instead of being clipped (chart.js draws a string[] as lines). */

/**
 * Splits `label` into lines of at most `perLine` characters, at spaces where it can, and cuts a
 * word longer than a line into pieces (an unbroken dataset name still fits). One line stays a
 * string.
 */
export function wrapLabel(label: string, perLine: number): string | string[] {
  const width = Math.max(4, Math.floor(perLine));
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (!rest) continue;
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines.length === 1 ? (lines[0] ?? '') : lines;
}
