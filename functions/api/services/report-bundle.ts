import type { Assessment } from '../../core/assessment/types';
import {
  decidedVersion,
  type SignedBundle,
  signedBundle,
  type VersionedReport,
} from '../../core/report';
import type { AppDeps } from '../env';

type Deps = Pick<AppDeps, 'repos' | 'clock' | 'reportKeys'>;

/**
 * A report version's bundle, signed now with the deployment's current key: the sample hash
 * methods come from the sample records, the decision from the assessment (when made on it).
 */
export async function reportBundle(
  deps: Deps,
  a: Assessment,
  report: VersionedReport,
): Promise<SignedBundle> {
  const [versions, samples, signer] = await Promise.all([
    deps.repos.reports.list(a.organizationId, a.id),
    deps.repos.samples.list(a.organizationId, a.id),
    deps.reportKeys.signer(),
  ]);
  // Read after the signer: a first key made just now is valid from its creation on.
  const decision = decidedVersion(versions, a.decision);
  return signedBundle(
    {
      report,
      assessment: a,
      hashMethods: Object.fromEntries(samples.map((s) => [s.sampleId, s.hashMethod])),
      ...(decision ? { decision } : {}),
      issuedAt: deps.clock(),
    },
    signer,
  );
}
