import type { Policy } from '../../core/scoring';
import { ValidationError } from '../../lib/errors';
import { requestRescore } from '../../rescore/enqueue';
import type { AppDeps } from '../env';
import { type BuiltinPack, builtinPacks } from './builtin-packs';
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
 * Checks `policy.fingerprintPacks` of a proposed policy: every id must be a pack of the
 * organization's library or a pack shipped with the portal (`builtin-…`); otherwise 400 naming
 * each unknown id at `policy.fingerprintPacks.N`.
 */
export async function checkPolicyPacks(
  deps: Pick<AppDeps, 'repos'>,
  org: string,
  policy: Pick<Policy, 'fingerprintPacks'>,
  loadBuiltins: () => Promise<BuiltinPack[]> = builtinPacks,
): Promise<void> {
  const ids = policy.fingerprintPacks ?? [];
  if (ids.length === 0) return;
  const [library, builtins] = await Promise.all([
    deps.repos.fingerprints.list(org),
    loadBuiltins().catch(() => [] as BuiltinPack[]),
  ]);
  const known = new Set([...library.map((p) => p.packId), ...builtins.map((b) => b.id)]);
  const errors = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [
          {
            path: `policy.fingerprintPacks.${i}`,
            message: id.startsWith('builtin-')
              ? `"${id}" is not a pack shipped with the portal; use a built-in id listed by GET /api/fingerprints (builtin: true) or remove it.`
              : `"${id}" is not a fingerprint pack of your library; use a packId from GET /api/fingerprints (upload the pack there first) or remove it.`,
          },
        ],
  );
  if (errors.length > 0)
    throw new ValidationError(
      'The policy names fingerprint packs that do not exist: see errors.',
      errors,
    );
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
