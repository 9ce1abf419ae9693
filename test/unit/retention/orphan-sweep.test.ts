import {
  AbortMultipartUploadCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { Upload } from '../../../functions/analyze/uploads';
import { createLogger } from '../../../functions/lib/logger';
import { ORPHAN_GRACE_MS } from '../../../functions/retention/orphan-verdict';
import { sweepOrphans } from '../../../functions/retention/orphans';
import { awsOrphanStorage } from '../../../functions/store/orphan-storage';
import type { Sample } from '../../../functions/store/samples';
import type { SweepCursors } from '../../../functions/store/sweep-cursors';

const now = new Date('2026-12-04T12:00:00Z');
const old = new Date(now.getTime() - ORPHAN_GRACE_MS - 60_000);
const fresh = new Date(now.getTime() - 60_000);
const A = '01kbaaaaaaaaaaaaaaaaaaaaaa';
const ids = {
  pinned: '01kbpppppppppppppppppppppp',
  analyzing: '01kbqqqqqqqqqqqqqqqqqqqqqq',
  retired: '01kbrrrrrrrrrrrrrrrrrrrrrr',
  waiting: '01kbwwwwwwwwwwwwwwwwwwwwww',
  purged: '01kbxxxxxxxxxxxxxxxxxxxxxx',
};
const key = (id: string) => `samples/demo/${A}/${id}`;

function sample(id: string, change: Partial<Sample>): Sample {
  return {
    sampleId: id,
    organizationId: 'demo',
    assessmentId: A,
    role: 'training',
    fileName: 'a.jsonl',
    contentType: 'application/jsonl',
    sizeBytes: 10,
    key: key(id),
    fieldOverrides: {},
    status: 'analyzed',
    error: null,
    sha256: null,
    objectETag: null,
    analysisKey: null,
    partialKey: null,
    summary: null,
    createdAt: old.toISOString(),
    updatedAt: old.toISOString(),
    version: 3,
    ...change,
  };
}

const records: Record<string, Sample> = {
  [ids.pinned]: sample(ids.pinned, { objectVersionId: 'v1', objectETag: 'e1' }),
  [ids.analyzing]: sample(ids.analyzing, { status: 'analyzing', objectVersionId: 'v1' }),
  [ids.waiting]: sample(ids.waiting, {
    status: 'awaiting_upload',
    multipart: { uploadId: 'live-upload', partSize: 5, partCount: 2 },
  }),
  [ids.purged]: sample(ids.purged, { purgedAt: old.toISOString() }),
};

const version = (k: string, versionId: string, at = old) => ({
  Key: k,
  VersionId: versionId,
  LastModified: at,
});

/** A recorded S3 client answering as S3 does for a versioned bucket, two version pages. */
function recordedS3() {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const send = async (command: { constructor: { name: string }; input: object }) => {
    const input = command.input as Record<string, unknown>;
    sent.push({ name: command.constructor.name, input });
    if (command instanceof ListObjectVersionsCommand) {
      if (input.Prefix !== 'samples/') return { IsTruncated: false };
      // https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html — a truncated
      // page names NextKeyMarker and NextVersionIdMarker for the next request's markers.
      if (!input.KeyMarker)
        return {
          IsTruncated: true,
          NextKeyMarker: key(ids.pinned),
          NextVersionIdMarker: 'v1',
          Versions: [
            version(key(ids.analyzing), 'v2'),
            version(key(ids.analyzing), 'v1'),
            version(key(ids.pinned), 'v2'),
            version(key(ids.pinned), 'v1'),
          ],
          DeleteMarkers: [version(key(ids.pinned), 'd3')],
        };
      return {
        IsTruncated: false,
        Versions: [
          version(key(ids.purged), 'v1'),
          version(key(ids.retired), 'v1'),
          version(key(ids.retired), 'v0', fresh),
          version('samples/not-a-key', 'v1'),
        ],
        DeleteMarkers: [version(key(ids.retired), 'd2')],
      };
    }
    if (command instanceof ListMultipartUploadsCommand)
      return {
        IsTruncated: false,
        Uploads: [
          { Key: key(ids.waiting), UploadId: 'live-upload', Initiated: old },
          { Key: key(ids.waiting), UploadId: 'superseded', Initiated: old },
          { Key: key(ids.retired), UploadId: 'retired-upload', Initiated: old },
          { Key: key(ids.retired), UploadId: 'just-started', Initiated: fresh },
        ],
      };
    return {};
  };
  return { sent, s3: { send } as never };
}

function memoryCursors(): SweepCursors & { saved: Map<string, string | undefined> } {
  const saved = new Map<string, string | undefined>();
  return { saved, get: async (l) => saved.get(l), set: async (l, c) => void saved.set(l, c) };
}

function deps(s3: never, cursors: SweepCursors, pagesPerRun?: number) {
  const get = async (_org: string, _a: string, id: string) => records[id] as Upload | undefined;
  return {
    repos: { samples: { get }, references: { get: async () => undefined } } as never,
    storage: awsOrphanStorage(s3, 'samples-bucket'),
    cursors,
    clock: () => now,
    logger: createLogger('silent'),
    pagesPerRun,
  };
}

const deleted = (sent: { name: string; input: Record<string, unknown> }[]) =>
  sent
    .filter((c) => c.name === DeleteObjectsCommand.name)
    .flatMap((c) => (c.input.Delete as { Objects: { Key: string; VersionId: string }[] }).Objects)
    .map((o) => `${o.Key.split('/').at(-1)}@${o.VersionId}`);

describe('orphan sweep over S3 (recorded client)', () => {
  it('deletes every version of unowned, retired and purged keys and all but the pinned version of a final sample', async () => {
    const { s3, sent } = recordedS3();
    const result = await sweepOrphans(deps(s3, memoryCursors()));
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html — naming VersionId
    // removes that version (or delete marker) for good instead of adding a delete marker.
    expect(deleted(sent).sort()).toEqual(
      [
        `${ids.pinned}@v2`,
        `${ids.pinned}@d3`,
        `${ids.purged}@v1`,
        `${ids.retired}@v1`,
        `${ids.retired}@d2`,
        'not-a-key@v1',
      ].sort(),
    );
    expect(result.versions).toBe(6);
  });

  it('aborts uploads no live sample waits for, keeping the live one and any inside the grace period', async () => {
    const { s3, sent } = recordedS3();
    await sweepOrphans(deps(s3, memoryCursors()));
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortMultipartUpload.html — aborting
    // frees the parts; a part still in flight may land, so the next run aborts it again.
    const aborted = sent
      .filter((c) => c.name === AbortMultipartUploadCommand.name)
      .map((c) => c.input.UploadId);
    expect(aborted.sort()).toEqual(['retired-upload', 'superseded']);
    const list = sent.find((c) => c.name === ListMultipartUploadsCommand.name);
    expect(list?.input.Prefix).toBe('samples/');
  });

  it('reads a bounded number of pages per run and resumes from the stored cursor', async () => {
    const first = recordedS3();
    const cursors = memoryCursors();
    const run1 = await sweepOrphans(deps(first.s3, cursors, 1));
    expect(run1.finished).not.toContain('versions#samples/');
    expect(cursors.saved.get('versions#samples/')).toBeTruthy();
    const listed1 = first.sent.filter(
      (c) => c.name === ListObjectVersionsCommand.name && c.input.Prefix === 'samples/',
    );
    expect(listed1).toHaveLength(1);

    const second = recordedS3();
    const run2 = await sweepOrphans(deps(second.s3, cursors, 1));
    const listed2 = second.sent.find(
      (c) => c.name === ListObjectVersionsCommand.name && c.input.Prefix === 'samples/',
    );
    expect(listed2?.input).toMatchObject({ KeyMarker: key(ids.pinned), VersionIdMarker: 'v1' });
    expect(run2.finished).toContain('versions#samples/');
    expect(cursors.saved.get('versions#samples/')).toBeUndefined();
  });
});
