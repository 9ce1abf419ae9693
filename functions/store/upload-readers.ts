import { getLive, type Table } from './dynamo-read';
import { referenceKeys } from './reference-keys';
import type { ReferenceSample } from './references';
import { sampleKeys } from './sample-keys';
import type { Sample } from './samples';

/**
 * The sample and reference repositories' reads by key, alone: a function that only looks uploads
 * up (the distributed plan, the orphan sweep) bundles GetItem and no other table command.
 */
export function uploadReaders(table: Table) {
  return {
    samples: {
      get: (org: string, assessmentId: string, sampleId: string) =>
        getLive<Sample>(table, sampleKeys.pk(org), sampleKeys.sk(assessmentId, sampleId)),
    },
    references: {
      get: (org: string, referenceId: string) =>
        getLive<ReferenceSample>(table, referenceKeys.pk(org), referenceKeys.sk(referenceId)),
    },
  };
}
