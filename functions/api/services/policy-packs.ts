import type { Policy } from '../../core/scoring';
import { requestRescore } from '../../rescore/enqueue';
import type { AppDeps } from '../env';
import { isDecided } from './sample-freeze';

/** Whether two policies apply different fingerprint packs (order does not matter). */
export function packsChanged(
  before: Pick<Policy, 'fingerprintPacks'>,
  after: Pick<Policy, 'fingerprintPacks'>,
): boolean {
  const a = [...new Set(before.fingerprintPacks ?? [])].sort().join(',');
  const b = [...new Set(after.fingerprintPacks ?? [])].sort().join(',');
  return a !== b;
}

/**
 * After a policy change of `fingerprintPacks`: asks for a re-score of every undecided assessment
 * of the organization that has a report (the packs then match its samples); returns how many.
 */
export async function rescoreForPolicyPacks(deps: AppDeps, org: string): Promise<number> {
  let cursor: string | undefined;
  let n = 0;
  do {
    const page = await deps.repos.assessments.list(org, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const a of page.items)
      if (a.report && !isDecided(a) && (await requestRescore(deps, a, 'policy fingerprint packs')))
        n++;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return n;
}
