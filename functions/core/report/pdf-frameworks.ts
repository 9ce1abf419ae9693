import {
  countsSentence,
  evidenceLine,
  type FrameworkPack,
  gapOf,
  getFramework,
} from '../frameworks';
import type { Labels } from './labels';
import type { PdfWriter } from './pdf-layout';
import { plainText } from './plain-words';

/**
 * "Frameworks": per framework pack, its items counted by status, then each contradicted or
 * missing item with its place in the text and its evidence (or why no questionnaire can answer
 * it), in plain words. Items answered or measured are only counted: the web page and the CSV list
 * them all. Nothing when no pack was computed.
 */
export function frameworksSection(
  w: PdfWriter,
  packs: readonly FrameworkPack[] | undefined,
  label: Labels,
): void {
  if (!packs?.length) return;
  w.heading('Frameworks');
  w.text(
    'What the answers and the sample say about each item of the rules and standards a buyer may have to meet. Contradicted and missing items are listed; the CSV export lists every item.',
    { gap: 6 },
  );
  for (const pack of packs) {
    w.text(pack.title, { bold: true });
    w.text(countsSentence(pack), { indent: 10, gap: 3 });
    const framework = getFramework(pack.id);
    for (const item of pack.items) {
      if (item.status !== 'contradicted' && item.status !== 'missing') continue;
      w.text(`${item.ref} ${item.title}: ${item.status}`, { indent: 10 });
      for (const e of item.evidence)
        w.text(label.plain(plainText(evidenceLine(e))), { indent: 20, size: 9 });
      const gap = gapOf(framework, item);
      if (item.evidence.length === 0)
        w.text(gap ? `Why: ${gap}` : 'Nothing in the answers or the sample speaks to it.', {
          indent: 20,
          size: 9,
        });
    }
    w.text(' ', { gap: 4 });
  }
}
