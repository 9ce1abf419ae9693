import type { Assessment } from '../../core/assessment/types';
import type { Sample } from '../../store/samples';
import type { VendorIdentity } from '../auth/identity';
import type { AppDeps } from '../env';
import { auditEvent } from './audit';

type Deps = Pick<AppDeps, 'repos' | 'newId' | 'clock'>;

/** A file as the audit trail names it (the hash once the analyzer computed it). */
const fileOf = (s: Sample) => ({
  sampleId: s.sampleId,
  fileName: s.fileName,
  role: s.role,
  ...(s.sha256 ? { sha256: s.sha256 } : {}),
});

const sameMapping = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Appends a `sample_registered` event: the new file (name, role, size), the uploaded files it
 * will replace (names and SHA-256), and its field mapping with the replaced one when it changed.
 */
export async function recordSampleRegistered(
  deps: Deps,
  a: Assessment,
  vendor: VendorIdentity,
  sample: Sample,
  replaces: Sample[],
): Promise<void> {
  const before = replaces[0]?.fieldOverrides ?? {};
  const mappingChanged = replaces.length > 0 && !sameMapping(before, sample.fieldOverrides ?? {});
  const detail = {
    ...fileOf(sample),
    sizeBytes: sample.sizeBytes,
    replaces: replaces.map(fileOf),
    fields: sample.fieldOverrides ?? {},
    ...(mappingChanged ? { fieldsBefore: before } : {}),
  };
  await deps.repos.events.append(
    auditEvent(deps, a, vendor, 'sample_registered', detail, deps.clock()),
  );
}

/** Appends a `sample_deleted` event naming the file (and its SHA-256 when known). */
export async function recordSampleDeleted(
  deps: Deps,
  a: Assessment,
  vendor: VendorIdentity,
  sample: Sample,
): Promise<void> {
  const detail = { ...fileOf(sample), analyzed: sample.status === 'analyzed' };
  await deps.repos.events.append(
    auditEvent(deps, a, vendor, 'sample_deleted', detail, deps.clock()),
  );
}

/**
 * Appends a `sample_fields_changed` event: the file (name, role, SHA-256), its new field mapping
 * and the one before; its stored bytes are analyzed again (no new upload).
 */
export async function recordFieldsChanged(
  deps: Deps,
  a: Assessment,
  vendor: VendorIdentity,
  sample: Sample,
  fields: Record<string, string>,
): Promise<void> {
  const detail = { ...fileOf(sample), fields, fieldsBefore: sample.fieldOverrides ?? {} };
  await deps.repos.events.append(
    auditEvent(deps, a, vendor, 'sample_fields_changed', detail, deps.clock()),
  );
}
