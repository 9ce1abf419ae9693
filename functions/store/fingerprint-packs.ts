import { randomBytes } from 'node:crypto';
import type { PackKind } from '../core/analysis/fingerprints';
import { ConflictError } from '../lib/errors';
import { releaseCounted, reserveCounted } from './counters';
import { putNew, queryAll, type Table, tombstone } from './dynamo';
import { getLive } from './dynamo-read';
import { putIfVersion } from './dynamo-write';

/** Where a pack came from: a pack built offline, or a corpus the portal built it from. */
export type PackSource = 'pack' | 'corpus';

/** A pack's state: waiting for its upload, being read or built, ready, or refused. */
export type PackStatus = 'awaiting_upload' | 'building' | 'ready' | 'failed';

/** An assessment a pack is attached to, and when. */
export interface PackAttachment {
  assessmentId: string;
  attachedAt: string;
  attachedBy: string;
}

/**
 * A fingerprint pack of an organization's library: hash-only fingerprints of a known corpus
 * (public machine text, the buyer's eval sets, or the buyer's own model outputs). The upload
 * (`uploadKey`, under samples/ so the analyzer's trigger fires) is read once and deleted, every
 * version; the validated pack is stored at `packKey` (under fingerprints/).
 */
export interface StoredPack {
  packId: string;
  organizationId: string;
  name: string;
  kind: PackKind;
  source: PackSource;
  keyed: boolean;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** For a corpus: the field holding each record's text (JSON Lines); default `text`. */
  textField: string | null;
  uploadKey: string;
  packKey: string | null;
  status: PackStatus;
  error: string | null;
  /** Records in the pack (after building or validation). */
  records: number | null;
  createdBy: string;
  attachedTo: PackAttachment[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Key builders for packs (beside references: `ORG#<org>`). */
export const packKeys = {
  pk: (org: string) => `ORG#${org}`,
  sk: (packId: string) => `FP#${packId}`,
  prefix: 'FP#',
  /** The organization's counter of registered packs (outside the `FP#` prefix). */
  counter: () => 'COUNT#FPS',
  /** The organization's HMAC key for keyed packs (outside the `FP#` prefix). */
  hmac: () => 'FPKEY',
};

/** Where a pack's upload goes (the analyzer's trigger covers `samples/`). */
export function packUploadKey(org: string, packId: string): string {
  return `samples/${org}/fingerprints/${packId}`;
}

/** Where a validated pack is stored. */
export function packObjectKey(org: string, packId: string): string {
  return `fingerprints/${org}/${packId}.json`;
}

/** Which pack an upload key belongs to; undefined for other keys. */
export function parsePackUploadKey(
  key: string,
): { organizationId: string; packId: string } | undefined {
  const m = /^samples\/([a-z0-9-]{1,64})\/fingerprints\/([a-z0-9]{26})$/.exec(key);
  return m ? { organizationId: m[1] as string, packId: m[2] as string } : undefined;
}

const toItem = (p: StoredPack) => ({
  PK: packKeys.pk(p.organizationId),
  SK: packKeys.sk(p.packId),
  ...p,
});

/** Fingerprint pack repository: create-if-absent, compare-and-set, tombstone, counted slots. */
export function fingerprintRepo(table: Table) {
  return {
    /** Registers a new pack awaiting its upload. */
    create: (p: StoredPack) =>
      putNew(table, toItem(p), 'A fingerprint pack with this id already exists.'),
    /** Takes one of `max` library slots (one conditional update); false when full. */
    reserveSlot: (org: string, existing: number, max: number) =>
      reserveCounted(table, { PK: packKeys.pk(org), SK: packKeys.counter() }, existing, max),
    /** Gives a library slot back. */
    releaseSlot: (org: string) =>
      releaseCounted(table, { PK: packKeys.pk(org), SK: packKeys.counter() }),
    /** Reads one pack of the organization. */
    get: (org: string, packId: string) =>
      getLive<StoredPack>(table, packKeys.pk(org), packKeys.sk(packId)),
    /** Saves `next` only if the stored version is `next.version - 1`. */
    save: (next: StoredPack) =>
      putIfVersion(
        table,
        toItem(next),
        next.version - 1,
        'The fingerprint pack changed meanwhile.',
      ),
    /** The organization's packs, oldest first (ids are time-sortable). */
    list: async (org: string) =>
      (
        await queryAll<StoredPack & { deletedAt?: string }>(table, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': packKeys.pk(org), ':sk': packKeys.prefix },
        })
      ).filter((p) => !p.deletedAt),
    /** Retires the pack only if it is still at `version` (a tombstone: items are never deleted). */
    remove: async (org: string, packId: string, version: number): Promise<void> => {
      await tombstone(
        table,
        { PK: packKeys.pk(org), SK: packKeys.sk(packId) },
        new Date().toISOString(),
        { version, conflict: 'The fingerprint pack changed meanwhile; reload and try again.' },
      );
    },
    /**
     * The organization's HMAC key for keyed packs: generated once (32 random bytes, create-if-absent
     * so concurrent first uses agree), kept in the table, never returned by the API.
     */
    async hmacKey(org: string): Promise<Uint8Array> {
      const read = async () => getLive<{ key: string }>(table, packKeys.pk(org), packKeys.hmac());
      const stored = await read();
      if (stored) return Buffer.from(stored.key, 'base64');
      try {
        await putNew(
          table,
          { PK: packKeys.pk(org), SK: packKeys.hmac(), key: randomBytes(32).toString('base64') },
          'The key exists.',
        );
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
      const now = await read();
      if (!now) throw new Error('The organization fingerprint key could not be stored.');
      return Buffer.from(now.key, 'base64');
    },
  };
}
