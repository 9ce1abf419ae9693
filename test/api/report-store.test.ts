import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReportStoreDeps, storeReport } from '../../functions/api/services/report-store';
import type { ScoredReport } from '../../functions/core/scoring';
import { createAwsClients } from '../../functions/lib/aws-clients';
import { createS3Client } from '../../functions/lib/s3-client';
import { type BlobStore, createBlobStore } from '../../functions/store/blob-store';
import { startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal();
});
afterAll(async () => {
  await t.stop();
});

let n = 0;
/** A fresh assessment id and a report of `score` (storeReport reads only these fields). */
function fixture(score: number) {
  n += 1;
  const a = { organizationId: 'demo', id: `store-${n}` };
  const report = {
    assessmentId: a.id,
    sha256: createHash('sha256').update(`report ${n} ${score}`).digest('hex'),
    generatedAt: '2026-12-01T00:00:00.000Z',
    risk: { score, tier: 'moderate' },
    maturity: { level: 2 },
  } as unknown as ScoredReport;
  return { a, report };
}

/** The portal's deps with a failure counter, and what it counted. */
function depsWith(overrides: Partial<ReportStoreDeps> = {}) {
  const failures: string[] = [];
  const warnings: string[] = [];
  const base = t.portal.deps;
  const deps: ReportStoreDeps = {
    repos: base.repos,
    blobs: base.blobs,
    config: base.config,
    logger: { ...base.logger, warn: (m: string) => warnings.push(m) },
    metrics: { reportStoreFailed: () => failures.push('failed') },
    ...overrides,
  };
  return { deps, failures, warnings };
}

const bucket = () => t.portal.deps.config.REPORTS_BUCKET;
const versions = async (id: string) =>
  (await t.portal.deps.repos.reports.list('demo', id)).map((r) => [r.version, r.trigger]);

/** An HTTP proxy in front of the embedded S3 that keeps each request's method, path and headers. */
async function recordingProxy(target: string) {
  const seen: { method: string; url: string; headers: Record<string, unknown> }[] = [];
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } });
    const out = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Same path as the engine's endpoint (it carries a secret prefix), another port.
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${to.pathname}`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('storing a report', () => {
  it('PUTs the object with its SHA-256 as a header and stores exactly the report bytes', async () => {
    const proxy = await recordingProxy(t.portal.deps.config.S3_ENDPOINT as string);
    try {
      const s3 = createS3Client({ ...t.portal.deps.config, S3_ENDPOINT: proxy.url });
      const { deps } = depsWith({ blobs: createBlobStore(s3) });
      const { a, report } = fixture(40);
      const stored = await storeReport(deps, a, report, { policyVersion: 0, trigger: 'analysis' });
      expect(stored.version).toBe(1);
      const put = proxy.seen.find((r) => r.method === 'PUT');
      const body = JSON.stringify({ ...report, version: 1 });
      expect(put?.headers['x-amz-checksum-sha256']).toBe(
        createHash('sha256').update(body).digest('base64'),
      );
      expect(put?.headers['if-none-match']).toBe('*');
      expect(put?.headers['content-encoding']).toBeUndefined();
      expect(put?.headers['x-amz-trailer']).toBeUndefined();
      expect(await t.portal.deps.blobs.getText(bucket(), stored.key)).toBe(body);
      expect(await versions(a.id)).toEqual([[1, 'analysis']]);
    } finally {
      await proxy.close();
    }
  });

  it('writes no record when S3 refuses the object (the report PUT without a checksum)', async () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (Object Lock needs
    // Content-MD5 or x-amz-checksum-*): the PUT rescore sent before, through the rules.
    const { s3 } = createAwsClients(t.portal.deps.config);
    const unchecked: BlobStore['putNew'] = async (b, key, body, o) => {
      await s3.send(
        new PutObjectCommand({
          Bucket: b,
          Key: key,
          Body: body,
          ContentType: o.contentType,
          Metadata: o.metadata,
          IfNoneMatch: '*',
        }),
      );
    };
    const { deps, failures } = depsWith({ blobs: { ...t.portal.deps.blobs, putNew: unchecked } });
    const { a, report } = fixture(50);
    const store = storeReport(deps, a, report, { policyVersion: 0, trigger: 'submission' });
    await expect(store).rejects.toMatchObject({ name: 'InvalidRequest' });
    expect(await versions(a.id)).toEqual([]);
    expect(failures).toEqual(['failed']);
  });

  it('re-indexes an object whose record failed, then stores the next version', async () => {
    const { a, report } = fixture(60);
    const repos = t.portal.deps.repos;
    const failing = {
      ...repos,
      reports: {
        ...repos.reports,
        create: async () => {
          throw new Error('DynamoDB unavailable');
        },
      },
    };
    const first = depsWith({ repos: failing });
    const store = storeReport(first.deps, a, report, { policyVersion: 3, trigger: 'submission' });
    await expect(store).rejects.toThrow('DynamoDB unavailable');
    expect(first.failures).toEqual(['failed']);
    expect(
      await t.portal.deps.blobs.head(bucket(), `reports/demo/${a.id}/v000001.json`),
    ).toBeDefined();
    expect(await versions(a.id)).toEqual([]);

    const retry = depsWith();
    const next = fixture(70).report;
    const stored = await storeReport(retry.deps, a, next, {
      policyVersion: 3,
      trigger: 'analysis',
    });
    expect(stored.version).toBe(2);
    expect(await versions(a.id)).toEqual([
      [1, 'submission'],
      [2, 'analysis'],
    ]);
    const orphan = await repos.reports.get('demo', a.id, 1);
    expect(orphan).toMatchObject({
      sha256: report.sha256,
      score: 60,
      policyVersion: 3,
      maturity: 2,
    });
    expect(retry.warnings).toEqual(['orphaned report object re-indexed']);
    expect(retry.failures).toEqual([]);
  });

  it('skips past an object it cannot index (written without the record in its metadata)', async () => {
    const { a, report } = fixture(80);
    await t.portal.deps.blobs.putNew(bucket(), `reports/demo/${a.id}/v000001.json`, '{}', {
      contentType: 'application/json',
      metadata: { sha256: 'x' },
    });
    const { deps, warnings } = depsWith();
    const stored = await storeReport(deps, a, report, { policyVersion: 0, trigger: 'analysis' });
    expect(stored.version).toBe(2);
    expect(await versions(a.id)).toEqual([[2, 'analysis']]);
    expect(warnings).toEqual(['report object without record skipped']);
  });
});

describe('every BlobStore write', () => {
  it('carries its SHA-256 as a header, streamed chunk lists too, and stores exactly the bytes', async () => {
    const proxy = await recordingProxy(t.portal.deps.config.S3_ENDPOINT as string);
    try {
      const blobs = createBlobStore(
        createS3Client({ ...t.portal.deps.config, S3_ENDPOINT: proxy.url }),
      );
      const chunks = [Buffer.from('{"a":'), Buffer.from('1}')];
      // The reports bucket has Object Lock: without the header the rules refuse the PUT.
      await blobs.put(bucket(), 'reports/demo/chunked/v000001.json', chunks, {
        contentType: 'application/json',
      });
      const put = proxy.seen.find((r) => r.method === 'PUT');
      expect(put?.headers['x-amz-checksum-sha256']).toBe(
        createHash('sha256').update('{"a":1}').digest('base64'),
      );
      expect(put?.headers['content-encoding']).toBeUndefined();
      const text = await t.portal.deps.blobs.getText(bucket(), 'reports/demo/chunked/v000001.json');
      expect(text).toBe('{"a":1}');
    } finally {
      await proxy.close();
    }
  });
});
