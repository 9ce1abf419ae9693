import { releaseCounted, reserveCounted } from './counters';
import { putNew, queryAll, type Table, tombstone } from './dynamo';
import { getLive } from './dynamo-read';
import { type REFERENCE_SCOPE, referenceKeys } from './reference-keys';
import { referenceLinkRepo } from './reference-links';
import type { Sample } from './samples';
import { saveReference } from './upload-saves';

export { REFERENCE_SCOPE, referenceKeys } from './reference-keys';

/** An assessment a reference is attached to, and when. */
export interface ReferenceAttachment {
  assessmentId: string;
  attachedAt: string;
  attachedBy: string;
}

/** Which side of the mixture a reference measures: known-human text, or text the buyer generated. */
export type ReferenceKind = 'human' | 'machine';

/**
 * A buyer's reference sample: records from the buyer's own domain (known-human, or machine text the
 * buyer generated), uploaded by staff to the organization's library and attached to assessments to
 * calibrate the machine-text estimate. Same upload and analysis state as a vendor sample
 * (`sampleId` is its id), role `reference`.
 */
export interface ReferenceSample extends Omit<Sample, 'role' | 'assessmentId'> {
  assessmentId: typeof REFERENCE_SCOPE;
  role: 'reference';
  name: string;
  description: string;
  createdBy: string;
  /** Absent on references stored before machine references existed: human. */
  kind?: ReferenceKind;
  /** The model that wrote a machine reference (null or absent for human ones). */
  generator?: string | null;
  /**
   * Source of truth for attachments: the assessments this reference calibrates. A human reference
   * follows the assessment's link (reference-links.ts); a machine one is attached and detached here
   * alone, by compare-and-set (an assessment holds several).
   */
  attachedTo: ReferenceAttachment[];
}

const toItem = (r: ReferenceSample) => ({
  PK: referenceKeys.pk(r.organizationId),
  SK: referenceKeys.sk(r.sampleId),
  ...r,
});

/** Reference library repository: create-if-absent, compare-and-set, conditional delete. */
export function referenceRepo(table: Table) {
  return {
    /** Registers a new reference awaiting upload. */
    create: (r: ReferenceSample) =>
      putNew(table, toItem(r), 'A reference with this id already exists.'),
    /**
     * Takes one of `max` library slots (one conditional update, so concurrent registrations never
     * exceed `max`); `existing` seeds a counter that does not exist yet. False when full.
     */
    reserveSlot: (org: string, existing: number, max: number) =>
      reserveCounted(
        table,
        { PK: referenceKeys.pk(org), SK: referenceKeys.counter() },
        existing,
        max,
      ),
    /** Gives a library slot back (a registration that failed after reserving, or a deletion). */
    releaseSlot: (org: string) =>
      releaseCounted(table, { PK: referenceKeys.pk(org), SK: referenceKeys.counter() }),
    /** Which reference each assessment is attached to, changed by compare-and-set. */
    links: referenceLinkRepo(table),
    /** Reads one reference of the organization. */
    get: (org: string, referenceId: string) =>
      getLive<ReferenceSample>(table, referenceKeys.pk(org), referenceKeys.sk(referenceId)),
    /** Saves `next` only if the stored version is `next.version - 1`. */
    save: (next: ReferenceSample) => saveReference(table, next),
    /** The organization's library, oldest first (ids are time-sortable). */
    list: async (org: string) =>
      (
        await queryAll<ReferenceSample & { deletedAt?: string }>(table, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': referenceKeys.pk(org), ':sk': referenceKeys.prefix },
        })
      ).filter((r) => !r.deletedAt),
    /**
     * Retires the reference only if it is still at `version` (so an attach meanwhile wins). A
     * tombstone, not a DeleteItem: no function may delete items (the audit trail stays append-only).
     */
    remove: async (org: string, referenceId: string, version: number): Promise<void> => {
      await tombstone(
        table,
        { PK: referenceKeys.pk(org), SK: referenceKeys.sk(referenceId) },
        new Date().toISOString(),
        { version, conflict: 'The reference changed meanwhile; reload and try again.' },
      );
    },
  };
}
