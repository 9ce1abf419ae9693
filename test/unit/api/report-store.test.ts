import { describe, expect, it, vi } from 'vitest';
import { type ReportStoreDeps, storeReport } from '../../../functions/api/services/report-store';
import type { ScoredReport } from '../../../functions/core/scoring';
import { loadConfig } from '../../../functions/lib/config';
import { ConflictError } from '../../../functions/lib/errors';
import { createLogger } from '../../../functions/lib/logger';
import type { BlobHead, BlobStore } from '../../../functions/store/blob-store';
import type { ReportRecord } from '../../../functions/store/reports';

const a = { organizationId: 'o', id: 'a' };
const report = {
  sha256: 'abc',
  generatedAt: '2026-12-01T00:00:00.000Z',
  risk: { score: 10, tier: 'low' },
  maturity: { level: 1 },
} as unknown as ScoredReport;
const origin = { policyVersion: 0, trigger: 'analysis' };

/** In-memory records and objects behind the two interfaces storeReport uses. */
function fakes(mode: 'local' | 'aws' = 'local') {
  const records = new Map<number, ReportRecord>();
  const objects = new Map<string, BlobHead>();
  const putNew: BlobStore['putNew'] = async (_b, key, _body, o) => {
    if (objects.has(key)) throw new ConflictError('exists');
    objects.set(key, { size: 1, metadata: o.metadata ?? {} });
  };
  const reports = {
    list: async () => [...records.values()].sort((x, y) => x.version - y.version),
    get: async (_o: string, _a: string, v: number) => records.get(v),
    create: async (r: ReportRecord) => {
      if (records.has(r.version)) throw new ConflictError('taken');
      records.set(r.version, r);
    },
  };
  const config =
    mode === 'aws'
      ? loadConfig({ DILIGENCE_MODE: 'aws', AUTH_JWKS_URL: 'https://example.test/jwks.json' })
      : loadConfig({});
  const deps = {
    repos: { reports },
    blobs: { putNew, head: async (_b: string, key: string) => objects.get(key) },
    config,
    logger: createLogger('silent'),
  } as unknown as ReportStoreDeps;
  return { deps, records, objects, reports };
}

describe('storeReport', () => {
  it('accepts a record another writer made for this very object (it re-indexed it first)', async () => {
    const f = fakes();
    const create = f.reports.create;
    // The repair lands between our object and our record: same key, same hash.
    f.reports.create = async (r) => {
      await create(r);
      throw new ConflictError('taken');
    };
    await expect(storeReport(f.deps, a, report, origin)).resolves.toEqual({
      version: 1,
      key: 'reports/o/a/v000001.json',
    });
  });

  it('gives up after five versions taken meanwhile, counting the failure', async () => {
    const f = fakes();
    const failures: string[] = [];
    f.deps.metrics = { reportStoreFailed: () => failures.push('x') };
    // Every version it tries already has an object and a record (writers racing ahead).
    f.deps.blobs.putNew = async () => {
      throw new ConflictError('exists');
    };
    f.reports.get = async (_o, _a, v) => ({ version: v }) as ReportRecord;
    await expect(storeReport(f.deps, a, report, origin)).rejects.toBeInstanceOf(ConflictError);
    expect(failures).toEqual(['x']);
  });

  it('in AWS, writes ReportStoreFailures through Powertools when no metrics are injected', async () => {
    const f = fakes('aws');
    f.deps.blobs.putNew = async () => {
      throw Object.assign(new Error('refused'), { name: 'InvalidRequest' });
    };
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
      lines.push(String(line));
      return true;
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(storeReport(f.deps, a, report, origin)).rejects.toThrow('refused');
    } finally {
      spy.mockRestore();
      warn.mockRestore();
    }
    expect(lines.join('')).toContain('"ReportStoreFailures":1');
  });
});
