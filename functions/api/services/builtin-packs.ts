import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FingerprintPack } from '../../core/analysis/fingerprints';
import { loadOnce } from '../../lib/load-once';

/**
 * Where the packs shipped with the portal live (relative to the working directory, the repository
 * root locally and the bundle's root in Lambda): `manifest.json` lists
 * `{ packs: [{ id, file, source, licence, description? }] }`, each `file` a serialized pack beside it.
 */
export const BUILTIN_PACKS_DIR = 'fingerprints/builtin';

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
  id: string;
  file: string;
  source: string;
  licence: string;
  description?: string;
}

/**
 * Reads the shipped packs of `dir`: none when the folder or its manifest is absent; a pack that
 * does not parse (other analyzer parameters) is skipped with `onSkip`, never fatal.
 */
export async function loadBuiltinPacks(
  dir = BUILTIN_PACKS_DIR,
  onSkip: (file: string, reason: string) => void = () => {},
): Promise<BuiltinPack[]> {
  let manifest: { packs?: ManifestEntry[] };
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return [];
  }
  const { parsePack } = await import('../../core/analysis/fingerprints');
  const out: BuiltinPack[] = [];
  for (const e of manifest.packs ?? []) {
    if (!/^builtin-[a-z0-9-]{1,56}$/.test(e.id)) {
      onSkip(e.file, `id "${e.id}" is not builtin-<lowercase slug>`);
      continue;
    }
    try {
      const pack = parsePack(new Uint8Array(await readFile(join(dir, e.file))));
      out.push({
        id: e.id,
        pack,
        source: e.source,
        licence: e.licence,
        description: e.description ?? '',
      });
    } catch (error) {
      onSkip(e.file, (error as Error).message);
    }
  }
  return out;
}

/** The shipped packs, read once per process (at startup or first use). */
export const builtinPacks = loadOnce(() => loadBuiltinPacks());
