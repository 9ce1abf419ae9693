/** The files a report version is built on, and what changed between two versions' files. */
import type { ScoredReport } from '../scoring';

/** One file a report version is built on. */
export interface SampleRef {
  role: 'training' | 'holdout';
  fileName: string;
  sha256: string;
}

/** A change of the file behind one role between two report versions. */
export interface SampleRefChange {
  role: SampleRef['role'];
  change: 'added' | 'removed' | 'replaced';
  from?: SampleRef;
  to?: SampleRef;
}

/** The files of a report (samples stored before files were recorded are left out). */
export function sampleRefs(report: Pick<ScoredReport, 'samples'>): SampleRef[] {
  return (report.samples ?? []).flatMap((s) =>
    s.file ? [{ role: s.role, fileName: s.file.fileName, sha256: s.file.sha256 }] : [],
  );
}

/** What changed in the files from `before` (the previous version; undefined: none) to `after`. */
export function sampleRefChanges(
  before: readonly SampleRef[] | undefined,
  after: readonly SampleRef[],
): SampleRefChange[] {
  const out: SampleRefChange[] = [];
  for (const role of ['training', 'holdout'] as const) {
    const from = before?.find((s) => s.role === role);
    const to = after.find((s) => s.role === role);
    if (!from && to) out.push({ role, change: 'added', to });
    else if (from && !to) out.push({ role, change: 'removed', from });
    else if (from && to && (from.sha256 !== to.sha256 || from.fileName !== to.fileName))
      out.push({ role, change: 'replaced', from, to });
  }
  return out;
}

/** A change in words: "new training sample data.jsonl replaced old.jsonl". */
export function sampleChangeWords(c: SampleRefChange): string {
  if (c.change === 'added') return `new ${c.role} sample ${c.to?.fileName}`;
  if (c.change === 'removed') return `${c.role} sample ${c.from?.fileName} removed`;
  return c.from?.fileName === c.to?.fileName
    ? `${c.role} sample ${c.to?.fileName} uploaded again with different content`
    : `new ${c.role} sample ${c.to?.fileName} replaced ${c.from?.fileName}`;
}
