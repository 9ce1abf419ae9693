import { type Upload, type UploadLookups, uploadReader } from '../analyze/uploads';
import type { Logger } from '../lib/logger';
import type { OrphanStorage, StoredUpload, StoredVersion } from '../store/orphan-storage';
import type { SweepCursors } from '../store/sweep-cursors';
import { type KeyOwner, keepUpload, keepVersion, ownerOf } from './orphan-verdict';

/** Prefixes of the samples bucket whose every key belongs to one sample or reference record. */
export const ORPHAN_PREFIXES = ['samples/', 'analyses/', 'partials/'] as const;

/** Listing pages (of up to 1,000 entries) read per prefix and run; the next run goes on from there. */
export const ORPHAN_PAGES_PER_RUN = 10;

/** What the orphan sweep needs: the two upload repositories, the bucket's storage, its cursors. */
export interface OrphanDeps {
  repos: UploadLookups;
  storage: OrphanStorage;
  cursors: SweepCursors;
  clock: () => Date;
  logger: Logger;
  pagesPerRun?: number;
}

/** What one run did: entries listed, versions deleted, uploads aborted, listings finished. */
export interface OrphanResult {
  listed: number;
  versions: number;
  uploads: number;
  /** Listings read to their end in this run (the next run starts them again). */
  finished: string[];
}

/**
 * The orphan sweep: removes every version of objects under samples/, analyses/ and partials/ that
 * no live record owns (none, retired or purged; a final sample keeps only the version its analysis
 * pinned) and aborts multipart uploads no live sample waits for. Bounded: a few pages per listing
 * per run, resumed from a stored cursor; one GetItem per owner, never a Scan. Reports untouched.
 */
export async function sweepOrphans(deps: OrphanDeps): Promise<OrphanResult> {
  const now = deps.clock();
  const uploads = uploadReader(deps.repos);
  const records = new Map<string, Promise<Upload | undefined>>();
  const recordOf = (o: KeyOwner | undefined) => {
    if (!o) return Promise.resolve(undefined);
    const id = `${o.organizationId}/${o.scope}/${o.sampleId}`;
    if (!records.has(id)) records.set(id, uploads.get(o));
    return records.get(id) as Promise<Upload | undefined>;
  };
  const result: OrphanResult = { listed: 0, versions: 0, uploads: 0, finished: [] };
  const pages = deps.pagesPerRun ?? ORPHAN_PAGES_PER_RUN;

  async function walk<T>(
    listing: string,
    list: (cursor?: string) => Promise<{ items: T[]; next?: string }>,
    handle: (items: T[]) => Promise<void>,
  ) {
    let cursor = await deps.cursors.get(listing);
    for (let page = 0; page < pages; page++) {
      const out = await list(cursor);
      result.listed += out.items.length;
      await handle(out.items);
      cursor = out.next;
      if (!cursor) break;
    }
    await deps.cursors.set(listing, cursor);
    if (!cursor) result.finished.push(listing);
  }

  for (const prefix of ORPHAN_PREFIXES) {
    await walk(
      `versions#${prefix}`,
      (c) => deps.storage.listVersions(prefix, c),
      async (versions: StoredVersion[]) => {
        const gone: StoredVersion[] = [];
        for (const v of versions) {
          const owner = ownerOf(v.key);
          if (!keepVersion(v, owner, await recordOf(owner), now)) gone.push(v);
        }
        if (gone.length > 0) await deps.storage.deleteVersions(gone);
        result.versions += gone.length;
      },
    );
  }
  await walk(
    'uploads#samples/',
    (c) => deps.storage.listUploads('samples/', c),
    async (list: StoredUpload[]) => {
      for (const u of list) {
        const owner = u.key === undefined ? undefined : ownerOf(u.key);
        if (keepUpload(u, owner, await recordOf(owner), now)) continue;
        await deps.storage.abortUpload(u);
        result.uploads++;
      }
    },
  );
  if (result.versions > 0 || result.uploads > 0) deps.logger.info('orphans swept', { ...result });
  return result;
}
