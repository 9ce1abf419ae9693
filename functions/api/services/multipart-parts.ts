import type { FieldProblem } from '../../lib/errors';
import { bareETag, type StoredPart } from '../../store/multipart-contract';
import type { SampleMultipart } from '../../store/samples';
import { partLength } from './sample-upload-plan';

/** A part as the client lists it when completing. */
export interface ListedPart {
  partNumber: number;
  etag: string;
}

/**
 * What is wrong with a completion request against the parts S3 holds: each problem names the
 * entry (`parts.<i>.partNumber` / `parts.<i>.etag`) and says how to fix it. Empty when it is right.
 */
export function completionProblems(
  sizeBytes: number,
  plan: SampleMultipart,
  listed: ListedPart[],
  stored: StoredPart[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const held = new Map(stored.map((p) => [p.partNumber, p]));
  const seen = new Set<number>();
  listed.forEach((p, i) => {
    const at = `parts.${i}`;
    if (p.partNumber > plan.partCount) {
      problems.push({
        path: `${at}.partNumber`,
        message: `this upload has ${plan.partCount} parts; there is no part ${p.partNumber}`,
      });
      return;
    }
    if (seen.has(p.partNumber)) {
      problems.push({ path: `${at}.partNumber`, message: `part ${p.partNumber} is listed twice` });
      return;
    }
    seen.add(p.partNumber);
    const part = held.get(p.partNumber);
    if (!part) {
      problems.push({
        path: `${at}.partNumber`,
        message: `part ${p.partNumber} has not been uploaded (or its upload did not finish): upload it, then complete again`,
      });
      return;
    }
    if (bareETag(p.etag).toLowerCase() !== part.etag.toLowerCase()) {
      problems.push({
        path: `${at}.etag`,
        message: `does not match the ETag of the uploaded part ${p.partNumber}: send the ETag its PUT returned, or list the parts to see it`,
      });
      return;
    }
    const expected = partLength(sizeBytes, plan, p.partNumber);
    if (part.sizeBytes !== expected) {
      problems.push({
        path: `${at}.partNumber`,
        message: `part ${p.partNumber} holds ${part.sizeBytes} bytes but should hold ${expected}: upload it again`,
      });
    }
  });
  const missing = missingParts(plan.partCount, [...seen]);
  if (missing.length > 0) {
    problems.push({
      path: 'parts',
      message: `list all ${plan.partCount} parts; missing: ${summarize(missing)}`,
    });
  }
  return problems;
}

/** Part numbers 1..count not in `have`, ascending. */
export function missingParts(count: number, have: Iterable<number>): number[] {
  const set = new Set(have);
  const out: number[] = [];
  for (let n = 1; n <= count; n++) if (!set.has(n)) out.push(n);
  return out;
}

/** `1, 2, 3 … and 97 more` for long lists. */
function summarize(numbers: number[]): string {
  const head = numbers.slice(0, 10).join(', ');
  return numbers.length > 10 ? `${head} … and ${numbers.length - 10} more` : head;
}
