/** What changed in each report version, in words: its files against the previous version's. */
import {
  type SampleRef,
  sampleChangeWords,
  sampleRefChanges,
} from '../../../../functions/core/report/sample-refs';

/** A report version as the list reads it (`samples` absent in versions stored before they were kept). */
export interface VersionFacts {
  version: number;
  score: number;
  trigger?: string;
  samples?: SampleRef[];
}

const triggerWords: Record<string, string> = {
  analysis: 'a sample was analyzed',
  submission: 'the vendor submitted the answers',
  reference: 'the reference sample changed',
  'sample deleted': 'a sample was deleted',
};

/**
 * What changed in `v` since `previous`: files added, replaced or removed ("new training sample
 * data.jsonl replaced old.jsonl"), else why it was scored, and the score move.
 */
export function versionChange(v: VersionFacts, previous: VersionFacts | undefined): string {
  if (!previous)
    return v.samples?.length
      ? `First version, built on ${v.samples.map((s) => s.fileName).join(' and ')}`
      : 'First version';
  const parts: string[] = [];
  if (v.samples && previous.samples)
    parts.push(...sampleRefChanges(previous.samples, v.samples).map(sampleChangeWords));
  if (parts.length === 0)
    parts.push(v.trigger ? (triggerWords[v.trigger] ?? 'scored again') : 'scored again');
  const move = Math.round(v.score) - Math.round(previous.score);
  const score =
    move === 0 ? 'score unchanged' : `score ${Math.round(previous.score)} → ${Math.round(v.score)}`;
  const text = `${parts.join('; ')}; ${score}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
