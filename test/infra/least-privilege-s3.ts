/**
 * S3 calls the local engine (s3rver 3.7) cannot answer, played for the orphan sweep: it keeps no
 * versions (`?versions` is 405) and has no ListMultipartUploads (`?uploads` is 501). The recorder
 * records the call as sent, then answers it here through the engine's plain equivalents.
 */
import { DeleteObjectsCommand, ListObjectsCommand } from '@aws-sdk/client-s3';
import { ORPHAN_GRACE_MS } from '../../functions/retention/orphan-verdict';

/** Sends a command through the SDK's own (unrecorded) `send` of the same client. */
export type RawSend = (command: object) => Promise<Record<string, unknown>>;

type Input = Record<string, unknown>;

/** The sweep runs hours after the flows: every object is listed as past the sweep's grace. */
const AGED_MS = ORPHAN_GRACE_MS + 3_600_000;

/** Stand-ins by S3 command name. */
export const S3_STAND_INS: Record<string, (input: Input, send: RawSend) => Promise<unknown>> = {
  /** Each object as its one version ("null": written while the bucket kept no versions). */
  async ListObjectVersionsCommand(input, send) {
    const out = await send(
      new ListObjectsCommand({
        Bucket: String(input.Bucket),
        Prefix: input.Prefix as string | undefined,
        MaxKeys: input.MaxKeys as number | undefined,
        Marker: input.KeyMarker as string | undefined,
      }),
    );
    const contents = (out.Contents ?? []) as { Key: string; LastModified?: Date }[];
    const Versions = contents.map((o) => ({
      Key: o.Key,
      VersionId: 'null',
      IsLatest: true,
      LastModified: new Date((o.LastModified ?? new Date()).getTime() - AGED_MS),
    }));
    const last = Versions.at(-1)?.Key;
    return { Versions, DeleteMarkers: [], IsTruncated: out.IsTruncated, NextKeyMarker: last };
  },
  /** No upload lists: the engine keeps its uploads in a folder of its own. */
  async ListMultipartUploadsCommand() {
    return { Uploads: [], IsTruncated: false };
  },
  /** The engine deletes the one version each key has; version ids are dropped. */
  async DeleteObjectsCommand(input, send) {
    const del = input.Delete as { Quiet?: boolean; Objects: { Key: string }[] };
    const Objects = del.Objects.map((o) => ({ Key: o.Key }));
    return send(
      new DeleteObjectsCommand({
        Bucket: String(input.Bucket),
        Delete: { Quiet: del.Quiet, Objects },
      }),
    );
  },
};
