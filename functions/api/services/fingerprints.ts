import type { PackKind } from '../../core/analysis/fingerprints';
import type { Assessment } from '../../core/assessment/types';
import type { Policy } from '../../core/scoring';
import { NotFoundError } from '../../lib/errors';
import type { AuditEvent } from '../../store/events';
import type { StoredPack } from '../../store/fingerprint-packs';
import type { StaffIdentity } from '../auth/identity';
import type { AppDeps } from '../env';
import { type BuiltinPack, builtinPacks } from './builtin-packs';

/** Most fingerprint packs one organization's library holds (built-in packs not counted). */
export const maxPacksPerOrganization = 50;

/** The audit scope of library events (packs belong to no assessment). */
export const FINGERPRINT_SCOPE = 'fingerprints';

/** The public view of a library pack (no storage keys, no organization, never the HMAC key). */
export function toPackView(p: StoredPack) {
  return {
    packId: p.packId,
    name: p.name,
    kind: p.kind,
    source: p.source,
    keyed: p.keyed,
    builtin: false,
    fileName: p.fileName,
    sizeBytes: p.sizeBytes,
    status: p.status,
    error: p.error,
    records: p.records,
    origin: null,
    licence: null,
    createdBy: p.createdBy,
    attachedTo: p.attachedTo.map((a) => ({
      assessmentId: a.assessmentId,
      attachedAt: a.attachedAt,
    })),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** The view of a shipped pack: read-only, ready, with its source and licence. */
export function toBuiltinView(b: BuiltinPack) {
  return {
    packId: b.id,
    name: b.pack.name,
    kind: b.pack.kind,
    source: 'pack' as const,
    keyed: false,
    builtin: true,
    fileName: null,
    sizeBytes: null,
    status: 'ready' as const,
    error: null,
    records: b.pack.records,
    origin: b.source,
    licence: b.licence,
    createdBy: 'diligence',
    attachedTo: [] as { assessmentId: string; attachedAt: string }[],
    createdAt: null,
    updatedAt: null,
  };
}

/** Loads a library pack of `org`; other organizations' ids are simply not found. */
export async function loadPack(
  deps: Pick<AppDeps, 'repos'>,
  org: string,
  packId: string,
): Promise<StoredPack> {
  const p = await deps.repos.fingerprints.get(org, packId);
  if (!p) throw new NotFoundError(`No fingerprint pack ${packId} in your organization's library.`);
  return p;
}

/** A library-level audit event (create, build, delete), recorded under the `fingerprints` scope. */
export function libraryEvent(
  deps: Pick<AppDeps, 'newId'>,
  org: string,
  actor: StaffIdentity | { kind: 'system'; name: string },
  type: string,
  detail: Record<string, unknown>,
  now: Date,
): AuditEvent {
  return {
    id: deps.newId(now),
    organizationId: org,
    assessmentId: FINGERPRINT_SCOPE,
    at: now.toISOString(),
    ...(actor.kind === 'staff'
      ? { actor: actor.email, role: actor.role }
      : { actor: actor.name, role: 'system' }),
    type,
    detail,
  };
}

/** Reads a whole (binary) object. */
export async function readBytes(
  blobs: Pick<AppDeps['blobs'], 'stream'>,
  bucket: string,
  key: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of await blobs.stream(bucket, key)) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** A pack that applies to an assessment, ready to match (or why it cannot). */
export interface ApplicablePack {
  packId: string;
  name: string;
  kind: PackKind;
  /** How it applies: through the policy, attached to the assessment, or both. */
  via: ('policy' | 'attached')[];
  /** Bytes of the stored pack; absent when it is not usable (see `message`). */
  load?: () => Promise<Uint8Array>;
  keyed: boolean;
  message: string | null;
}

/** The packs that apply to `a`: those the policy names plus those attached to it. */
export async function applicablePacks(
  deps: Pick<AppDeps, 'repos' | 'blobs' | 'config'>,
  a: Pick<Assessment, 'organizationId' | 'id'>,
  policy: Pick<Policy, 'fingerprintPacks'>,
): Promise<ApplicablePack[]> {
  const fromPolicy = new Set(policy.fingerprintPacks ?? []);
  const library = await deps.repos.fingerprints.list(a.organizationId);
  const builtins = await builtinPacks().catch(() => [] as BuiltinPack[]);
  const out: ApplicablePack[] = [];
  for (const b of builtins) {
    if (!fromPolicy.has(b.id)) continue;
    const bytes = new TextEncoder().encode(JSON.stringify(b.pack));
    out.push({
      packId: b.id,
      name: b.pack.name,
      kind: b.pack.kind,
      via: ['policy'],
      keyed: false,
      load: async () => bytes,
      message: null,
    });
  }
  for (const p of library) {
    const attached = p.attachedTo.some((x) => x.assessmentId === a.id);
    if (!attached && !fromPolicy.has(p.packId)) continue;
    const via = [
      ...(fromPolicy.has(p.packId) ? ['policy' as const] : []),
      ...(attached ? ['attached' as const] : []),
    ];
    const key = p.packKey;
    const ready = p.status === 'ready' && key;
    out.push({
      packId: p.packId,
      name: p.name,
      kind: p.kind,
      via,
      keyed: p.keyed,
      ...(ready ? { load: () => readBytes(deps.blobs, deps.config.SAMPLES_BUCKET, key) } : {}),
      message: ready
        ? null
        : p.status === 'failed'
          ? `The pack cannot be used: ${p.error ?? 'it failed to build'}`
          : 'The pack is not ready yet; the report is redone when it is.',
    });
  }
  const known = new Set(out.map((p) => p.packId));
  for (const id of fromPolicy)
    if (!known.has(id))
      out.push({
        packId: id,
        name: id,
        kind: 'synthetic',
        via: ['policy'],
        keyed: false,
        message:
          'The policy names a pack the library does not hold (deleted?); it was not applied.',
      });
  return out;
}
