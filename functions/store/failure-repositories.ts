import { getAssessment } from './assessment-lookups';
import type { Table } from './dynamo-keys';
import { addOutboxMessage, type OutboxMessage } from './outbox-messages';
import type { ReferenceSample } from './references';
import type { Sample } from './samples';
import { uploadReaders } from './upload-readers';
import { saveReference, saveSample } from './upload-saves';

/**
 * The repository set of the functions that mark a sample failed and tell people (the dead-letter
 * consumer, the distributed workflow's catch): uploads read and saved, the assessment read, the
 * outbox added to. GetItem and PutItem only, so their roles hold no Query or UpdateItem.
 */
export function failureRepositories(table: Table) {
  const readers = uploadReaders(table);
  return {
    samples: { ...readers.samples, save: (next: Sample) => saveSample(table, next) },
    references: {
      ...readers.references,
      save: (next: ReferenceSample) => saveReference(table, next),
    },
    assessments: { get: (org: string, id: string) => getAssessment(table, org, id) },
    outbox: { add: (m: OutboxMessage) => addOutboxMessage(table, m) },
  };
}

/** What failureRepositories builds. */
export type FailureRepositories = ReturnType<typeof failureRepositories>;
