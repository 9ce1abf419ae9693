import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FingerprintPack } from '../../core/analysis/fingerprints';
import { loadOnce } from '../../lib/load-once';

/**
 * Where the packs shipped with the portal live (relative to the working directory, the repository
 * root locally and the bundle's root in Lambda): `manifest.json` lists
 * `[{ name, kind, file, records, bytes, sha256, source, licence }]` (written by
 * `scripts/build-packs.ts`), each `file` a serialized pack beside it.
 */
export const BUILTIN_PACKS_DIR = 'functions/core/analysis/fingerprints/packs';

/** A pack shipped with the portal: read-only, in every organization's library. */
export interface BuiltinPack {
  /** `builtin-<slug>`: usable in `policy.fingerprintPacks` like a library id. */
  id: string;
  pack: FingerprintPack;
  source: string;
  licence: string;
  description: string;
}

interface ManifestEntry {
  name: string;
  file: string;
  source: string;
  licence: string;
  sha256?: string;
}

/**
 * Reads the shipped packs of `dir`: none when the folder or its manifest is absent; a pack that
 * does not parse (other analyzer parameters) is skipped with `onSkip`, never fatal.
 */
export async function loadBuiltinPacks(
  dir = BUILTIN_PACKS_DIR,
  onSkip: (file: string, reason: string) => void = () => {},
): Promise<BuiltinPack[]> {
  let manifest: ManifestEntry[];
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return [];
  }
  const { parsePack } = await import('../../core/analysis/fingerprints');
  const out: BuiltinPack[] = [];
  for (const e of Array.isArray(manifest) ? manifest : []) {
    const id = `builtin-${e.name}`;
    if (!/^builtin-[a-z0-9-]{1,56}$/.test(id)) {
      onSkip(e.file, `name "${e.name}" is not a lowercase slug`);
      continue;
    }
    try {
      const bytes = new Uint8Array(await readFile(join(dir, e.file)));
      if (e.sha256 && createHash('sha256').update(bytes).digest('hex') !== e.sha256) {
        onSkip(
          e.file,
          'its SHA-256 differs from the manifest: rebuild with scripts/build-packs.ts',
        );
        continue;
      }
      const pack = parsePack(bytes);
      out.push({
        id,
        pack,
        source: e.source,
        licence: e.licence,
        description: `${pack.records} records of a public corpus (${e.source})`,
      });
    } catch (error) {
      onSkip(e.file, (error as Error).message);
    }
  }
  return out;
}

/** The shipped packs, read once per process (at startup or first use). */
export const builtinPacks = loadOnce(() => loadBuiltinPacks());
