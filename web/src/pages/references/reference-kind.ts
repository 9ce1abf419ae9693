/** The two kinds of reference, in words, and the check of a machine reference's generator. */
import type { ReferenceInfo, ReferenceKind } from '../../api/references';

/** Longest generator name the form accepts (a model name, not a description). */
export const maxGeneratorLength = 100;

/** The kind of a library entry; entries stored before kinds existed are human. */
export function kindOf(reference: Pick<ReferenceInfo, 'kind'>): ReferenceKind {
  return reference.kind === 'machine' ? 'machine' : 'human';
}

/** "Known-human" or "Known-machine (gpt-4o)". */
export function kindLabel(reference: Pick<ReferenceInfo, 'kind' | 'generator'>): string {
  if (kindOf(reference) === 'human') return 'Known-human';
  return reference.generator ? `Known-machine (${reference.generator})` : 'Known-machine';
}

/** What is wrong with the generator for this kind, or undefined when it is fine. */
export function generatorProblem(kind: ReferenceKind, generator: string): string | undefined {
  const value = generator.trim();
  if (kind === 'human') return undefined;
  if (!value)
    return 'Name the model that wrote the machine reference, for example gpt-4o or llama-3-70b.';
  if (value.length > maxGeneratorLength)
    return `The generator name is ${value.length} characters long; shorten it to ${maxGeneratorLength} or fewer.`;
  if (/[\r\n\t]/.test(value)) return 'The generator name must be on one line.';
  return undefined;
}
