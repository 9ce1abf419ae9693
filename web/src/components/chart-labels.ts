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

/** Height of one line of an axis label: chart.js's 12 px font at its 1.2 line height. */
const LINE_PX = 14.4;

/**
 * Pixel height of a horizontal bar chart's box: every category gets a band tall enough for the
 * most-wrapped label (chart.js gives all bands one height), plus room for the value axis.
 */
export function horizontalChartHeight(labels: readonly (string | string[])[]): number {
  const lines = Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1)));
  const band = Math.max(26, Math.ceil(lines * LINE_PX) + 8);
  return Math.max(260, labels.length * band + 70);
}

/** Characters per label line for a chart `width` pixels wide (narrow screens wrap sooner). */
export function labelLineLength(horizontal: boolean, width: number): number {
  if (horizontal) return width < 500 ? 16 : 28;
  return width < 500 ? 10 : 18;
}
