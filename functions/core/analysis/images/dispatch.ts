import { constants, gunzipSync } from 'node:zlib';
import { type ArchiveKind, archiveKind } from './archive';

async function* prepend(
  head: Uint8Array[],
  rest: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield* head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** A gzip stream whose first inflated block is a tar header. */
function gzipTar(head: Buffer): boolean {
  if (head[0] !== 0x1f || head[1] !== 0x8b) return false;
  try {
    const inner = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    return archiveKind(null, inner) === 'tar';
  } catch {
    return false;
  }
}

/** The archive kind of a sample from its name and first bytes (up to 4 KiB); null for text. */
export function archiveKindOf(
  fileName: string | null | undefined,
  head: Uint8Array,
): ArchiveKind | null {
  return archiveKind(fileName, head) ?? (gzipTar(Buffer.from(head)) ? 'tar.gz' : null);
}

/**
 * Looks at the start of a sample and says whether it is an image archive, by name or by magic
 * bytes; returns the source with the bytes read put back, so text samples read unchanged.
 */
export async function peekArchive(
  source: AsyncIterable<Uint8Array>,
  fileName: string | null | undefined,
): Promise<{ kind: ArchiveKind | null; source: AsyncIterable<Uint8Array> }> {
  const it = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < 4096) {
    const r = await it.next();
    if (r.done) break;
    head.push(r.value);
    size += r.value.length;
  }
  const bytes = Buffer.concat(head);
  const kind = archiveKindOf(fileName, bytes);
  return { kind, source: prepend(head, it) };
}
