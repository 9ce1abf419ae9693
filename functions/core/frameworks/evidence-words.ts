import type { Framework, FrameworkPack, ItemEvidence, ItemStatus, PackItem } from './types';

/** A status as a person reads it in an export. */
export const STATUS_WORDS: Record<ItemStatus, string> = {
  contradicted: 'contradicted',
  measured: 'measured',
  answered: 'answered',
  missing: 'missing',
};

/** The sample a measurement was made on, from its ref (`training.records` → "training"). */
const roleOf = (ref: string) => ref.split('.')[0] ?? 'training';

/**
 * One piece of evidence as a sentence: "Contradicted: …", "Measured in the training sample: …",
 * "Answered: …". The texts are already in plain words (see `evaluate.ts`).
 */
export function evidenceLine(e: ItemEvidence): string {
  if (e.kind === 'discrepancy') return `Contradicted: ${e.text}`;
  if (e.kind === 'measurement') return `Measured in the ${roleOf(e.ref)} sample: ${e.text}`;
  return `Answered: ${e.text}`;
}

/** "12 items: 1 contradicted, 4 measured, 5 answered, 2 missing." */
export function countsSentence(pack: FrameworkPack): string {
  const parts = (['contradicted', 'measured', 'answered', 'missing'] as const).map(
    (s) => `${pack.counts[s]} ${STATUS_WORDS[s]}`,
  );
  return `${pack.items.length} items: ${parts.join(', ')}.`;
}

/** Why nothing in a questionnaire or a sample can address an item, when the framework says so. */
export function gapOf(framework: Framework | undefined, item: PackItem): string | undefined {
  return framework?.items.find((i) => i.id === item.id)?.gap;
}
