import { createMiddleware } from 'hono/factory';
import { TooManyRequestsError, UnauthorizedError } from '../../lib/errors';
import { liveHashes } from '../../store/invitations';
import { parseToken, secretMatches } from '../auth/vendor-token';
import type { AppEnv } from '../env';
import { clientAddress } from './client-address';
import type { createFailureLimiter } from './failure-limiter';
import { bearer } from './staff-auth';
import { contactOfLink } from './vendor-contact-auth';

const invalid = () =>
  new UnauthorizedError(
    'This invitation link is not valid. Ask your contact for a new link.',
    'invitation-invalid',
  );

/** Requires a live invitation token; sets the vendor identity (one assessment of one organization). */
export function requireVendor(limiter: ReturnType<typeof createFailureLimiter>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const client = clientAddress(c.env);
    const now = c.var.deps.clock();
    const counts = c.var.deps.repos.rateLimits;
    if (await limiter.blocked(counts, client, now)) {
      throw new TooManyRequestsError(
        'Too many invalid invitation attempts; wait a few minutes and retry.',
      );
    }
    const token = bearer(c.req.header('authorization'));
    const parsed = token ? parseToken(token) : undefined;
    if (parsed?.contactId) {
      // A named contact's own link: checked against the contact's item on every request.
      const contact = await contactOfLink(
        c.var.deps,
        { ...parsed, contactId: parsed.contactId },
        now,
      );
      if (contact === 'invalid') {
        await limiter.fail(counts, client, now);
        throw invalid();
      }
      if (contact instanceof UnauthorizedError) throw contact;
      c.set('vendor', {
        kind: 'vendor',
        organizationId: parsed.organizationId,
        assessmentId: parsed.assessmentId,
        contact,
      });
      return next();
    }
    const invitation =
      parsed &&
      (await c.var.deps.repos.invitations.get(parsed.organizationId, parsed.assessmentId));
    const replaced =
      parsed && invitation?.replacedHashes?.some((h) => secretMatches(parsed.secret, h));
    if (
      !replaced &&
      (!parsed ||
        !invitation ||
        !liveHashes(invitation).some((h) => secretMatches(parsed.secret, h)))
    ) {
      await limiter.fail(counts, client, now);
      throw invalid();
    }
    if (!replaced && invitation?.revokedAt) {
      // A cancelled assessment revokes its link too: say it was cancelled, not replaced.
      const assessment = await c.var.deps.repos.assessments.get(
        parsed.organizationId,
        parsed.assessmentId,
      );
      if (assessment?.status === 'cancelled') {
        throw new UnauthorizedError(
          'This questionnaire was cancelled by the organization that sent it; nothing more is needed from you.',
          'assessment-cancelled',
        );
      }
    }
    if (replaced || invitation?.revokedAt) {
      throw new UnauthorizedError(
        'This invitation link was revoked. Ask your contact for a new link.',
        'invitation-revoked',
      );
    }
    if (!invitation || invitation.expiresAt <= now.toISOString()) {
      throw new UnauthorizedError(
        'This invitation link has expired. Ask your contact for a new link.',
        'invitation-expired',
      );
    }
    c.set('vendor', {
      kind: 'vendor',
      organizationId: parsed.organizationId,
      assessmentId: parsed.assessmentId,
    });
    await next();
  });
}
