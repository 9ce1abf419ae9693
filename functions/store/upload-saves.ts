import type { Table } from './dynamo-keys';
import { putIfVersion } from './dynamo-write';
import { referenceKeys } from './reference-keys';
import { sampleKeys } from './sample-keys';

interface Versioned {
  organizationId: string;
  sampleId: string;
  version: number;
}

/**
 * The upload repositories' compare-and-set saves (PutItem alone): saves `next` only if the stored
 * version is `next.version - 1`. samples.ts and references.ts save through these too.
 */
export function saveSample<T extends Versioned & { assessmentId: string }>(
  table: Table,
  next: T,
): Promise<void> {
  const item = {
    PK: sampleKeys.pk(next.organizationId),
    SK: sampleKeys.sk(next.assessmentId, next.sampleId),
    ...next,
  };
  return putIfVersion(table, item, next.version - 1, 'The sample changed meanwhile.');
}

/** A reference's compare-and-set save (see saveSample). */
export function saveReference<T extends Versioned>(table: Table, next: T): Promise<void> {
  const item = {
    PK: referenceKeys.pk(next.organizationId),
    SK: referenceKeys.sk(next.sampleId),
    ...next,
  };
  return putIfVersion(table, item, next.version - 1, 'The reference changed meanwhile.');
}
