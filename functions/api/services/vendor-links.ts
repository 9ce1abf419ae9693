import type { Assessment } from '../../core/assessment/types';
import { StaleWriteError } from '../../lib/errors';
import type { Invitation } from '../../store/invitations';
import { formatToken, hashSecret } from '../auth/vendor-token';

/** The most e-mailed links one invitation keeps alive besides the issued one (oldest dropped). */
export const maxMailedLinks = 20;

/** What minting a link needs: the invitation record (read, compare-and-set save) and a secret. */
export interface LinkDeps {
  invitations: {
    get(org: string, assessmentId: string): Promise<Invitation | undefined>;
    save(inv: Invitation): Promise<void>;
  };
  newSecret: () => string;
  clock: () => Date;
  baseUrl: string;
}

/**
 * A fresh working link to the vendor's live invitation, for one e-mail: its hash joins the
 * invitation (one conditional write) and shares its expiry and revocation; the earlier links keep
 * working. Undefined when there is no live link (none issued, revoked or expired).
 */
export async function mintVendorLink(
  deps: LinkDeps,
  a: Pick<Assessment, 'organizationId' | 'id'>,
): Promise<string | undefined> {
  // Another e-mail may mint at the same moment: re-read and try again on a lost compare-and-set.
  for (let attempt = 1; ; attempt++) {
    const inv = await deps.invitations.get(a.organizationId, a.id);
    if (!inv || inv.revokedAt || inv.expiresAt <= deps.clock().toISOString()) return undefined;
    const secret = deps.newSecret();
    try {
      await deps.invitations.save({
        ...inv,
        linkHashes: [...(inv.linkHashes ?? []), hashSecret(secret)].slice(-maxMailedLinks),
        version: inv.version + 1,
      });
    } catch (error) {
      if (error instanceof StaleWriteError && attempt < 3) continue;
      throw error;
    }
    return `${deps.baseUrl}/vendor#token=${formatToken(a.organizationId, a.id, secret)}`;
  }
}

/** The staff page of an assessment: the one link of every e-mail to procurement or governance. */
export const staffLink = (baseUrl: string, assessmentId: string) =>
  `${baseUrl}/assessments/${encodeURIComponent(assessmentId)}`;
