import { getItem, putIfVersion, putNew, queryAll, stripKeys, type Table } from './dynamo';

/**
 * Upload and analysis state of one sample file. `unusable`: read, but not evidence (most records
 * without text, too many malformed rows); `error` says what to fix, and it is never scored.
 */
export type SampleStatus = 'awaiting_upload' | 'analyzing' | 'analyzed' | 'failed' | 'unusable';

/** Statuses that no longer change until a new upload. */
export const finalSampleStatuses: readonly SampleStatus[] = ['analyzed', 'failed', 'unusable'];

/** A row of the file that could not be read, as shown to the vendor. */
export interface MalformedLine {
  line: number;
  message: string;
}

/** Short analysis summary shown to the vendor. */
export interface SampleSummary {
  records: number;
  exactRate: number;
  nearRate: number;
  estimatedShare: number;
  fields: Record<string, unknown>;
  /** Rows that could not be read and were skipped (absent on summaries stored before it). */
  malformed?: number;
  /** The first of those rows, with the parser's message. */
  malformedLines?: MalformedLine[];
}

/** A sample file a vendor uploads for one assessment. */
export interface Sample {
  sampleId: string;
  organizationId: string;
  assessmentId: string;
  role: 'training' | 'holdout';
  fileName: string;
  contentType: string;
  sizeBytes: number;
  key: string;
  fieldOverrides: Record<string, string>;
  status: SampleStatus;
  error: string | null;
  sha256: string | null;
  /** ETag of the analyzed object, so a duplicate event for the same upload does nothing. */
  objectETag: string | null;
  analysisKey: string | null;
  partialKey: string | null;
  summary: SampleSummary | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Key builders for samples. */
export const sampleKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (assessmentId: string, sampleId: string) => `SAMPLE#${assessmentId}#${sampleId}`,
  prefix: (assessmentId: string) => `SAMPLE#${assessmentId}#`,
};

const toItem = (s: Sample) => ({
  PK: sampleKeys.pk(s.organizationId),
  SK: sampleKeys.sk(s.assessmentId, s.sampleId),
  ...s,
});

/** Sample repository with compare-and-set status changes. */
export function sampleRepo(table: Table) {
  return {
    /** Registers a new sample awaiting upload. */
    create: (s: Sample) => putNew(table, toItem(s), 'A sample with this id already exists.'),
    /** Reads one sample. */
    async get(org: string, assessmentId: string, sampleId: string): Promise<Sample | undefined> {
      const item = await getItem(table, sampleKeys.pk(org), sampleKeys.sk(assessmentId, sampleId));
      return item ? stripKeys<Sample>(item) : undefined;
    },
    /** Saves `next` only if the stored version is `next.version - 1`. */
    save: (next: Sample) =>
      putIfVersion(table, toItem(next), next.version - 1, 'The sample changed meanwhile.'),
    /** All samples of an assessment, in upload order. */
    list: (org: string, assessmentId: string) =>
      queryAll<Sample>(table, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
        ExpressionAttributeValues: {
          ':pk': sampleKeys.pk(org),
          ':sk': sampleKeys.prefix(assessmentId),
        },
      }),
  };
}
