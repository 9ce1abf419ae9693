import { plainText } from '../report/plain-words';
import { evidenceLine, gapOf, STATUS_WORDS } from './evidence-words';
import { getFramework } from './index';
import type { FrameworkPack } from './types';

/** The report CSV's columns that only framework rows fill (after the eight shared ones). */
export const FRAMEWORK_CSV_COLUMNS = ['framework', 'item', 'status', 'evidence'] as const;

/**
 * The framework packs' rows for the report CSV: one per item, `kind` "framework", `name` the
 * item's title, then (in the last four columns) the framework, the item's id and place in the
 * text, its status and its evidence one sentence per line. Evidence quotes the vendor's answers:
 * the CSV writer's formula guard neutralizes every cell, and every line inside a cell.
 */
export function frameworkCsvRows(
  packs: readonly FrameworkPack[],
  plain: (text: string) => string = (t) => t,
): unknown[][] {
  return packs.flatMap((pack) => {
    const framework = getFramework(pack.id);
    return pack.items.map((item) => {
      const lines = item.evidence.map((e) => plain(plainText(evidenceLine(e))));
      const gap = gapOf(framework, item);
      if (lines.length === 0 && gap) lines.push(`Why it is missing: ${gap}`);
      return [
        'framework',
        item.title,
        '',
        '',
        '',
        '',
        '',
        '',
        pack.title,
        `${item.id} (${item.ref})`,
        STATUS_WORDS[item.status],
        lines.join('\n'),
      ];
    });
  });
}
