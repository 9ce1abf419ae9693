/** The "Frameworks" section's words and filters: pure, so unit tests can check them. */
import type { FrameworkPack, ItemStatus } from '../../../../functions/core/frameworks/types';

export type { FrameworkPack, ItemStatus };

/** Which items the section shows. */
export type FrameworkFilter = 'all' | 'missing' | 'contradicted';

/** The frameworks the portal maps, as the picker lists them (ids of the API route). */
export const FRAMEWORK_CHOICES = [
  { id: 'eu-ai-act-art10', label: 'EU AI Act, Article 10' },
  { id: 'eu-gpai-summary', label: 'EU GPAI training-content summary' },
  { id: 'ca-ab2013', label: 'California AB 2013' },
  { id: 'iso42001-a7', label: 'ISO/IEC 42001 Annex A.7' },
  { id: 'nist-ai-600-1', label: 'NIST AI 600-1' },
] as const;

/** A status in words (shown as text, never by colour alone). */
export const STATUS_WORDS: Record<ItemStatus, string> = {
  contradicted: 'Contradicted',
  measured: 'Measured',
  answered: 'Answered',
  missing: 'Missing',
};

/** The items a filter keeps, in the framework's order. */
export function filteredItems(pack: FrameworkPack, filter: FrameworkFilter) {
  return filter === 'all' ? pack.items : pack.items.filter((i) => i.status === filter);
}

/** One sentence of counts for the section's summary. */
export function countsSentence(pack: FrameworkPack): string {
  const c = pack.counts;
  return `${pack.items.length} items: ${c.contradicted} contradicted, ${c.measured} measured, ${c.answered} answered, ${c.missing} missing.`;
}

/** What the table says when a filter leaves nothing. */
export function emptyWords(filter: FrameworkFilter): string {
  return filter === 'missing'
    ? 'No item is missing: every item is answered or measured.'
    : filter === 'contradicted'
      ? 'No item is contradicted by the sample.'
      : 'This framework has no items.';
}
