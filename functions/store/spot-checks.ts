import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SpotEstimate, SpotStratum, SpotTag } from '../core/analysis/spot-check';
import { getItem, putIfVersion, putNew, queryAll, stripKeys, type Table } from './dynamo';

/** A reviewer spot-check of one sample: the draw, its progress and, once finished, the estimate. */
export interface SpotCheck {
  spotCheckId: string;
  organizationId: string;
  assessmentId: string;
  /** The training sample the records were drawn from. */
  sampleId: string;
  status: 'open' | 'finished';
  size: number;
  /** Records tagged so far (kept by an atomic add; finish recounts from the records). */
  tagged: number;
  /** The sample's strata (record counts per machine-likeness stratum), for the estimate. */
  strata: SpotStratum[];
  createdAt: string;
  createdBy: string;
  finishedAt: string | null;
  finishedBy: string | null;
  result: SpotEstimate | null;
  version: number;
}

/** One drawn record of a spot-check, at `position` in the order shown, with its tag. */
export interface SpotRecord {
  organizationId: string;
  assessmentId: string;
  spotCheckId: string;
  position: number;
  /** 0-based position of the record in the sample file. */
  index: number;
  stratum: number;
  text: string;
  truncated: boolean;
  tag: SpotTag | null;
  flags: string[];
  taggedAt: string | null;
  taggedBy: string | null;
  /** Set when the retention policy emptied `text`. */
  purgedAt?: string;
  version: number;
}

/**
 * Key builders: spot-checks beside the assessment's other items; their records under a prefix of
 * their own, so listing an assessment's spot-checks reads no texts.
 */
export const spotCheckKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, id: string) => `SPOTCHECK#${assessmentId}#${id}`,
  prefix: (assessmentId: string) => `SPOTCHECK#${assessmentId}#`,
  record: (assessmentId: string, id: string, position: number) =>
    `SPOTREC#${assessmentId}#${id}#${String(position).padStart(5, '0')}`,
  records: (assessmentId: string, id: string) => `SPOTREC#${assessmentId}#${id}#`,
};

const headItem = (s: SpotCheck) => ({
  PK: spotCheckKeys.pk(s.organizationId),
  SK: spotCheckKeys.sk(s.assessmentId, s.spotCheckId),
  ...s,
});
const recordItem = (r: SpotRecord) => ({
  PK: spotCheckKeys.pk(r.organizationId),
  SK: spotCheckKeys.record(r.assessmentId, r.spotCheckId, r.position),
  ...r,
});

/** Spot-check repository: create-if-absent, compare-and-set per record and on finish. */
export function spotCheckRepo(table: Table) {
  const list = async (org: string, assessmentId: string) =>
    (
      await queryAll<SpotCheck>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': spotCheckKeys.pk(org),
          ':sk': spotCheckKeys.prefix(assessmentId),
        },
      })
    ).reverse();
  const records = (org: string, assessmentId: string, id: string) =>
    queryAll<SpotRecord>(table, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: {
        ':pk': spotCheckKeys.pk(org),
        ':sk': spotCheckKeys.records(assessmentId, id),
      },
    });
  return {
    /** Stores a new spot-check (its records first: the spot-check appears complete or not at all). */
    async create(s: SpotCheck, records: SpotRecord[]): Promise<void> {
      for (let i = 0; i < records.length; i += 25) {
        await Promise.all(
          records
            .slice(i, i + 25)
            .map((r) => putNew(table, recordItem(r), 'This spot-check record already exists.')),
        );
      }
      await putNew(table, headItem(s), 'A spot-check with this id already exists.');
    },
    /** One spot-check of the assessment. */
    async get(org: string, assessmentId: string, id: string): Promise<SpotCheck | undefined> {
      const item = await getItem(table, spotCheckKeys.pk(org), spotCheckKeys.sk(assessmentId, id));
      return item ? stripKeys<SpotCheck>(item) : undefined;
    },
    /** The assessment's spot-checks, newest first (ids are time-sortable). */
    list,
    /** One drawn record. */
    async record(org: string, assessmentId: string, id: string, position: number) {
      const item = await getItem(
        table,
        spotCheckKeys.pk(org),
        spotCheckKeys.record(assessmentId, id, position),
      );
      return item ? stripKeys<SpotRecord>(item) : undefined;
    },
    /** Every drawn record of a spot-check, by position. */
    records,
    /** Every record's tag, without texts (ordered by position). */
    tags: (org: string, assessmentId: string, id: string) =>
      queryAll<Omit<SpotRecord, 'text'>>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ProjectionExpression: '#p, #i, stratum, tag, flags, taggedAt, taggedBy',
        ExpressionAttributeNames: { '#p': 'position', '#i': 'index' },
        ExpressionAttributeValues: {
          ':pk': spotCheckKeys.pk(org),
          ':sk': spotCheckKeys.records(assessmentId, id),
        },
      }),
    /** Saves a record's tag only over version `next.version - 1` (compare-and-set). */
    saveRecord: (next: SpotRecord) =>
      putIfVersion(table, recordItem(next), next.version - 1, 'The record was tagged meanwhile.'),
    /** Saves the spot-check only over version `next.version - 1` (finish). */
    save: (next: SpotCheck) =>
      putIfVersion(table, headItem(next), next.version - 1, 'The spot-check changed meanwhile.'),
    /**
     * Empties the texts of every spot-check record of the assessment (the retention sweep: they
     * are vendor data), compare-and-set per record; tags stay. How many records it emptied.
     */
    async clearTexts(org: string, assessmentId: string, at: string): Promise<number> {
      let cleared = 0;
      for (const s of await list(org, assessmentId)) {
        for (const r of await records(org, assessmentId, s.spotCheckId)) {
          if (!r.text) continue;
          const next = { ...r, text: '', purgedAt: at, version: r.version + 1 };
          await putIfVersion(table, recordItem(next), r.version, 'The record changed meanwhile.');
          cleared++;
        }
      }
      return cleared;
    },
    /** Counts one more tagged record while the spot-check is open (no version bump). */
    async countTagged(org: string, assessmentId: string, id: string): Promise<void> {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: { PK: spotCheckKeys.pk(org), SK: spotCheckKeys.sk(assessmentId, id) },
            UpdateExpression: 'ADD tagged :one',
            ConditionExpression: '#s = :open',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':one': 1, ':open': 'open' },
          }),
        );
      } catch (error) {
        // finished meanwhile: the finish recounted from the records
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}
