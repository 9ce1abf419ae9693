import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';

const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '−': '-',
  '–': '-',
  '—': '-',
  '×': 'x',
  '½': '1/2',
  '→': '->',
  '…': '...',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '±': '+/-',
  '√': 'sqrt',
  '²': '2',
};

/** Text the standard PDF fonts can show (WinAnsi): known symbols spelled out, the rest replaced by "?". */
export function printable(text: string): string {
  return [...text.normalize('NFKC')]
    .map(
      (ch) => REPLACEMENTS[ch] ?? (/[\x20-\x7e\xa0-\xff]/.test(ch) ? ch : ch === '\n' ? ' ' : '?'),
    )
    .join('');
}

/** A top-to-bottom writer over A4 pages: wraps lines and starts a new page when one is full. */
export class PdfWriter {
  static readonly width = 595.28;
  static readonly height = 841.89;
  readonly margin = 50;
  page!: PDFPage;
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage([PdfWriter.width, PdfWriter.height]);
    this.y = PdfWriter.height - this.margin;
    this.page.drawText(printable(this.footer), {
      x: this.margin,
      y: 25,
      size: 7,
      font: this.regular,
      color: rgb(0.4, 0.4, 0.4),
    });
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of printable(text).split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  /** A paragraph (optionally bold, indented). */
  text(
    text: string,
    options: { size?: number; bold?: boolean; indent?: number; gap?: number } = {},
  ): void {
    const size = options.size ?? 9;
    const font = options.bold ? this.bold : this.regular;
    const x = this.margin + (options.indent ?? 0);
    for (const line of this.wrap(text, font, size, PdfWriter.width - this.margin - x)) {
      if (this.y - size < this.margin) this.newPage();
      this.y -= size * 1.3;
      this.page.drawText(line, { x, y: this.y, size, font });
    }
    this.y -= options.gap ?? 3;
  }

  /** A section heading; a section that would start in the last sixth of a page starts on the next. */
  heading(text: string): void {
    if (this.y < PdfWriter.height / 6) this.newPage();
    this.y -= 8;
    this.text(text, { size: 13, bold: true, gap: 6 });
  }

  /** A horizontal bar (e.g. a factor's points out of the maximum) with its label. */
  bar(label: string, value: number, max: number): void {
    if (this.y - 14 < this.margin) this.newPage();
    this.y -= 12;
    const w = 200 * Math.max(0, Math.min(1, max ? value / max : 0));
    this.page.drawRectangle({
      x: this.margin,
      y: this.y,
      width: 200,
      height: 8,
      color: rgb(0.92, 0.92, 0.92),
    });
    this.page.drawRectangle({
      x: this.margin,
      y: this.y,
      width: w,
      height: 8,
      color: rgb(0.75, 0.22, 0.17),
    });
    this.page.drawText(printable(label), {
      x: this.margin + 210,
      y: this.y,
      size: 8,
      font: this.regular,
    });
    this.y -= 2;
  }
}
