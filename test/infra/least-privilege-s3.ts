/**
 * S3 calls the local engine (s3rver 3.7) cannot answer: it keeps no versions (`?versions` is 405)
 * and has no ListMultipartUploads (`?uploads` is 501). The recorder records each call as sent,
 * then answers it here through the engine's plain equivalents, as a versioned bucket would: every
 * object has one version, VERSION, so pinned reads name it (s3:GetObjectVersion) as in AWS.
 */
import { DeleteObjectsCommand, ListObjectsCommand } from '@aws-sdk/client-s3';
import { ORPHAN_GRACE_MS } from '../../functions/retention/orphan-verdict';

/** Sends a command through the SDK's own (unrecorded) `send` of the same client. */
export type RawSend = (command: object) => Promise<Record<string, unknown>>;

type Input = Record<string, unknown>;
type Command = new (input: Input) => object;

/** The one version every object of the played versioned bucket has. */
export const VERSION = 'v1';

/** A read or probe of a version is served from the object; the answer names its version. */
async function versionedRead(input: Input, send: RawSend, command: Command) {
  const { VersionId, ...plain } = input;
  if (VersionId !== undefined && VersionId !== VERSION)
    throw new Error(`the played bucket has no version ${String(VersionId)}`);
  return { ...(await send(new command(plain))), VersionId: VERSION };
}

/** The sweep runs hours after the flows: every object is listed as past the sweep's grace. */
const AGED_MS = ORPHAN_GRACE_MS + 3_600_000;

/** Stand-ins by S3 command name. */
export const S3_STAND_INS: Record<
  string,
  (input: Input, send: RawSend, command: Command) => Promise<unknown>
> = {
  GetObjectCommand: versionedRead,
  HeadObjectCommand: versionedRead,
  /** Each object as its one version. */
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
      VersionId: VERSION,
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
