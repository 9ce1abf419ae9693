import { getItem, putIfVersion, putNew, stripKeys, type Table } from './dynamo';

/**
 * Which reference an assessment is attached to (null: none), changed only by compare-and-set so
 * two concurrent attaches cannot both win. The references' `attachedTo` lists follow it.
 */
export interface ReferenceLink {
  organizationId: string;
  assessmentId: string;
  referenceId: string | null;
  attachedAt: string;
  attachedBy: string;
  version: number;
}

/** Key builders for reference links (one item per assessment, beside the library). */
export const referenceLinkKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string) => `REFLINK#${assessmentId}`,
};

const toItem = (l: ReferenceLink) => ({
  PK: referenceLinkKeys.pk(l.organizationId),
  SK: referenceLinkKeys.sk(l.assessmentId),
  ...l,
});

/** Reference link repository: read, and write only over the version read. */
export function referenceLinkRepo(table: Table) {
  return {
    /** The assessment's link; undefined before its first attach (or for attachments made before links). */
    async get(org: string, assessmentId: string): Promise<ReferenceLink | undefined> {
      const item = await getItem(
        table,
        referenceLinkKeys.pk(org),
        referenceLinkKeys.sk(assessmentId),
      );
      return item ? stripKeys<ReferenceLink>(item) : undefined;
    },
    /** Saves `next` only over version `next.version - 1` (version 1: only if none exists). */
    save: (next: ReferenceLink) =>
      next.version === 1
        ? putNew(table, toItem(next), 'The attachment changed meanwhile.')
        : putIfVersion(table, toItem(next), next.version - 1, 'The attachment changed meanwhile.'),
  };
}
