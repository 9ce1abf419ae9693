import { apiTokenRepo } from './api-tokens';
import { assessmentRepo } from './assessments';
import { contactRepo } from './contacts';
import type { Table } from './dynamo';
import { eventRepo } from './events';
import { fingerprintRepo } from './fingerprint-packs';
import { invitationRepo } from './invitations';
import { organizationRepo } from './organizations';
import { outboxRepo } from './outbox';
import { passportRepo } from './passports';
import { policyRepo } from './policies';
import type { rateLimitRepo } from './rate-limits';
import { reassessmentClaimRepo } from './reassessment-claims';
import { referenceRepo } from './references';
import { remediationRepo } from './remediation';
import { reportRepo } from './reports';
import { rescoreRequestRepo } from './rescore-requests';
import { sampleRepo } from './samples';
import { spotCheckRepo } from './spot-checks';
import { webhookRepo } from './webhooks';

/** Every repository over the one table but the vendor failure counters (rate-limits.ts). */
export function createTableRepositories(table: Table) {
  return {
    organizations: organizationRepo(table),
    assessments: assessmentRepo(table),
    events: eventRepo(table),
    invitations: invitationRepo(table),
    contacts: contactRepo(table),
    samples: sampleRepo(table),
    spotChecks: spotCheckRepo(table),
    references: referenceRepo(table),
    fingerprints: fingerprintRepo(table),
    reports: reportRepo(table),
    rescores: rescoreRequestRepo(table),
    policies: policyRepo(table),
    outbox: outboxRepo(table),
    remediation: remediationRepo(table),
    reassessments: reassessmentClaimRepo(table),
    passports: passportRepo(table),
    apiTokens: apiTokenRepo(table),
    webhooks: webhookRepo(table),
  };
}

/** The vendor failure counters' shape, without loading them (they bundle BatchGetItem). */
type RateLimits = ReturnType<typeof rateLimitRepo>;

const apiOnly = (): never => {
  throw new Error('Vendor failure counters belong to the API function; this function has none.');
};

/**
 * The repositories for functions other than the API: the same shape, but the vendor failure
 * counters (only the API checks vendor tokens) throw, so the function never bundles their
 * BatchGetItem and its role need not hold it (infra/constructs/access.ts).
 */
export function createWorkerRepositories(table: Table) {
  const rateLimits: RateLimits = { counts: async () => apiOnly(), add: async () => apiOnly() };
  return { ...createTableRepositories(table), rateLimits };
}
