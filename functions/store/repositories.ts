import { assessmentRepo } from './assessments';
import type { Table } from './dynamo';
import { eventRepo } from './events';
import { invitationRepo } from './invitations';
import { organizationRepo } from './organizations';
import { outboxRepo } from './outbox';
import { policyRepo } from './policies';
import { rateLimitRepo } from './rate-limits';
import { referenceRepo } from './references';
import { reportRepo } from './reports';
import { rescoreRequestRepo } from './rescore-requests';
import { sampleRepo } from './samples';

/** Every repository over the one table. */
export function createRepositories(table: Table) {
  return {
    organizations: organizationRepo(table),
    assessments: assessmentRepo(table),
    events: eventRepo(table),
    invitations: invitationRepo(table),
    samples: sampleRepo(table),
    references: referenceRepo(table),
    reports: reportRepo(table),
    rescores: rescoreRequestRepo(table),
    policies: policyRepo(table),
    outbox: outboxRepo(table),
    rateLimits: rateLimitRepo(table),
  };
}

/** The repositories' type, as put on the app context. */
export type Repositories = ReturnType<typeof createRepositories>;
