import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ContactRef } from '../core/assessment/contacts';
import type { ImageFacts } from '../core/report/image-words';
import { releaseCounted, reserveCounted } from './counters';
import { putIfVersion, putNew, queryAll, type Table, tombstone } from './dynamo';
import { getLive } from './dynamo-read';
import { type SampleStatus, sampleKeys } from './sample-keys';
import { saveSample } from './upload-saves';

export { finalSampleStatuses, type SampleStatus, sampleKeys } from './sample-keys';

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
  /** An archive of images: its image measures (the text measures above do not apply). */
  images?: ImageFacts;
}

/** How far an analysis has come: the stage, and bytes and lines read so far. */
export interface SampleProgress {
  stage: 'reading' | 'examples' | 'saving';
  bytesRead: number;
  totalBytes: number;
  /** Lines read so far (records for JSON Lines, CSV and text; 0 for compressed files). */
  linesRead: number;
  at: string;
}

/** The S3 multipart upload a big sample arrives through. */
export interface SampleMultipart {
  uploadId: string;
  partSize: number;
  partCount: number;
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
  /** How `sha256` was computed when it is not the file's plain SHA-256 (the distributed tree hash). */
  hashMethod?: string;
  /** ETag of the analyzed object, so a duplicate event for the same upload does nothing. */
  objectETag: string | null;
  /** S3 version id of the analyzed object (AWS); every later read names it. Absent locally. */
  objectVersionId?: string | null;
  analysisKey: string | null;
  partialKey: string | null;
  summary: SampleSummary | null;
  /** Analysis runs started for the current upload (absent on samples stored before it existed). */
  attempts?: number;
  /** Set while analyzing, at bounded intervals; absent on samples stored before it existed. */
  progress?: SampleProgress | null;
  /** Set when the retention policy deleted the file, its analysis and partial (summary kept). */
  purgedAt?: string | null;
  /**
   * Secret key of the sample's spot-check pool (random, set at registration; absent on samples
   * registered before spot-checks). Never in any view: who knows it could steer the draw.
   */
  drawKey?: string;
  /**
   * Set when a re-analysis of the stored file was queued (a field-mapping change) and no run has
   * claimed it yet; the claim clears it. Absent or null otherwise.
   */
  queuedAt?: string | null;
  /** Re-analyses requested so far (a distributed run's name tells them apart); absent: none. */
  runs?: number;
  /**
   * The SHA-256 the uploader declared for this file (the same file again): the analysis refuses,
   * and keeps the replaced sample counting, when the bytes that arrived hash to anything else.
   */
  declaredSha256?: string | null;
  /** Who registered the file: a named vendor contact, or the assessment's vendor contact. */
  uploadedBy?: ContactRef;
  /** A file over the multipart threshold uploads in parts to this S3 upload (absent: one PUT). */
  multipart?: SampleMultipart | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const counterKey = (org: string, assessmentId: string) => ({
  PK: sampleKeys.pk(org),
  SK: sampleKeys.counter(assessmentId),
});

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
    get: (org: string, assessmentId: string, sampleId: string) =>
      getLive<Sample>(table, sampleKeys.pk(org), sampleKeys.sk(assessmentId, sampleId)),
    /** Saves `next` only if the stored version is `next.version - 1`. */
    save: (next: Sample) => saveSample(table, next),
    /**
     * Takes one of `max` sample slots of an assessment (store/counters.ts: concurrent
     * registrations never exceed `max`). False when the assessment is full.
     */
    reserveSlot: (org: string, assessmentId: string, existing: number, max: number) =>
      reserveCounted(table, counterKey(org, assessmentId), existing, max),
    /** Gives a slot back (a registration that failed after reserving, or a deleted sample). */
    releaseSlot: (org: string, assessmentId: string): Promise<void> =>
      releaseCounted(table, counterKey(org, assessmentId)),
    /** Records analysis progress without bumping `version`, only while the sample is analyzing. */
    async saveProgress(s: Sample, progress: SampleProgress): Promise<boolean> {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: {
              PK: sampleKeys.pk(s.organizationId),
              SK: sampleKeys.sk(s.assessmentId, s.sampleId),
            },
            UpdateExpression: 'SET progress = :p',
            ConditionExpression: '#v = :v AND #s = :analyzing',
            ExpressionAttributeNames: { '#v': 'version', '#s': 'status' },
            ExpressionAttributeValues: {
              ':p': progress,
              ':v': s.version,
              ':analyzing': 'analyzing',
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    /**
     * Writes the image measures of an analyzed archive stored before `summary.images` existed:
     * that one attribute, without bumping `version`, only while the sample is at `s.version`, is
     * still on the analysis they were derived from and has none yet. False when it changed
     * meanwhile (a re-analysis or another reader's backfill won; nothing is overwritten).
     */
    async saveImageSummary(s: Sample, images: ImageFacts): Promise<boolean> {
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: {
              PK: sampleKeys.pk(s.organizationId),
              SK: sampleKeys.sk(s.assessmentId, s.sampleId),
            },
            UpdateExpression: 'SET #sum.#img = :img',
            ConditionExpression:
              '#v = :v AND #ak = :ak AND attribute_exists(#sum.#rec) AND attribute_not_exists(#sum.#img)',
            ExpressionAttributeNames: {
              '#v': 'version',
              '#ak': 'analysisKey',
              '#sum': 'summary',
              '#rec': 'records',
              '#img': 'images',
            },
            ExpressionAttributeValues: { ':img': images, ':v': s.version, ':ak': s.analysisKey },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    /**
     * Retires a sample (idempotent). A tombstone, not a DeleteItem: no function may delete items,
     * so the append-only audit trail stays so. The version bump makes any in-flight analysis's
     * compare-and-set fail, so a late result cannot bring the sample back. False when it was
     * already retired (so a concurrent retirement gives its slot back only once).
     */
    remove: (org: string, assessmentId: string, sampleId: string, at: string): Promise<boolean> =>
      tombstone(table, { PK: sampleKeys.pk(org), SK: sampleKeys.sk(assessmentId, sampleId) }, at),
    /**
     * Marks a sample's data deleted under the retention policy (compare-and-set, version bump):
     * storage keys cleared so nothing tries to read the objects, the aggregate summary kept, the
     * quoted malformed rows dropped (they are vendor data).
     */
    markPurged(s: Sample, at: string): Promise<void> {
      const { malformedLines: _rows, ...summary } = s.summary ?? ({} as SampleSummary);
      const next: Sample = {
        ...s,
        purgedAt: at,
        analysisKey: null,
        partialKey: null,
        progress: null,
        summary: s.summary ? summary : null,
        updatedAt: at,
        version: s.version + 1,
      };
      return putIfVersion(table, toItem(next), s.version, 'The sample changed meanwhile.');
    },
    /** All samples of an assessment, in upload order. */
    list: async (org: string, assessmentId: string) =>
      (
        await queryAll<Sample & { deletedAt?: string }>(table, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: {
            ':pk': sampleKeys.pk(org),
            ':sk': sampleKeys.prefix(assessmentId),
          },
        })
      ).filter((s) => !s.deletedAt),
  };
}
