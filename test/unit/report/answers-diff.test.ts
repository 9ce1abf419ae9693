import { describe, expect, it } from 'vitest';
import { diffReports, recordAnswers, type VersionedReport } from '../../../functions/core/report';
import { withHash } from '../../../functions/core/scoring';
import { loadAnswers, run } from '../scoring/inputs';

const honest = loadAnswers('honest-vendor');
// A question no report section quotes: only the recorded answer set can show its change.
const quoted = (r: ReturnType<typeof run>) =>
  new Set([
    ...r.maturity.dimensions.flatMap((d) => d.evidence.map((e) => e.questionId)),
    ...r.discrepancies.map((d) => d.questionId),
  ]);
const base = run(honest);
const unquotedId = Object.keys(honest).find(
  (q) => !quoted(base).has(q) && (honest as Record<string, unknown>)[q] !== 'unknown',
) as string;
const edited = { ...honest, [unquotedId]: 'unknown' };

const version = (answers: typeof honest, v: number, record: boolean): VersionedReport => ({
  ...withHash({ ...run(answers), ...(record ? { answers: recordAnswers(answers) } : {}) }),
  version: v,
});

describe('version diff of answers', () => {
  it('sees a changed answer that no report section quotes when both versions recorded their answers', () => {
    expect(unquotedId).toBeDefined();
    const d = diffReports(version(honest, 1, true), version(edited, 2, true));
    expect(d.answersNotRecorded).toEqual([]);
    expect(d.answers).toEqual([
      {
        questionId: unquotedId,
        from: (honest as Record<string, unknown>)[unquotedId],
        to: 'unknown',
      },
    ]);
  });

  it('reports an answer removed as changed to unanswered', () => {
    const { [unquotedId]: _gone, ...fewer } = honest as Record<string, never>;
    const d = diffReports(version(honest, 1, true), version(fewer, 2, true));
    expect(d.answers.map((a) => [a.questionId, a.to])).toEqual([[unquotedId, null]]);
  });

  it('names an older version without recorded answers instead of claiming none changed', () => {
    const d = diffReports(version(honest, 1, false), version(edited, 2, true));
    expect(d.answersNotRecorded).toEqual([1]);
    // Only quoted answers can be compared; the unquoted change cannot be seen and is not claimed.
    expect(d.answers.map((a) => a.questionId)).not.toContain(unquotedId);
    expect(
      diffReports(version(honest, 3, false), version(honest, 4, false)).answersNotRecorded,
    ).toEqual([3, 4]);
  });

  it('records answers as a sorted copy that the report hash covers', () => {
    const r = version(honest, 1, true);
    expect(Object.keys(r.answers ?? {})).toEqual(Object.keys(honest).sort());
    const tampered = { ...r, answers: { ...r.answers, [unquotedId]: 'changed' } };
    expect(withHash(tampered).sha256).not.toBe(r.sha256);
  });
});
