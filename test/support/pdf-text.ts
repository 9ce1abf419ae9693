/**
 * The text of a PDF written by pdf-lib with standard fonts: every page's content streams are
 * inflated and the strings shown by `Tj` (hex or literal) decoded, one line per `Tj`.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';

function streamBytes(s: PDFRawStream): Buffer {
  const filter = s.dict.get(PDFName.of('Filter'));
  const raw = Buffer.from(s.contents);
  return filter?.toString() === '/FlateDecode' ? inflateSync(raw) : raw;
}

function shown(content: string): string[] {
  const out: string[] = [];
  for (const m of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
    if (m[1] !== undefined) out.push(Buffer.from(m[1], 'hex').toString('latin1'));
    else out.push((m[2] ?? '').replace(/\\(.)/g, '$1'));
  }
  return out;
}

/** The PDF's text, lines joined with "\n" (words a wrapped line split are on two lines). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as PDFRef);
      if (stream instanceof PDFRawStream)
        lines.push(...shown(streamBytes(stream).toString('latin1')));
    }
  }
  return lines.join('\n');
}

/** The text with line breaks as spaces: searchable for phrases a wrap may have split. */
export async function pdfFlatText(bytes: Uint8Array): Promise<string> {
  return (await pdfText(bytes)).replace(/\s+/g, ' ');
}
