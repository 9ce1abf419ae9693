import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it, vi } from 'vitest';
import { cameThroughCloudFront, ORIGIN_HEADER } from '../../../functions/api/origin-guard';
import { createAwsClients } from '../../../functions/lib/aws-clients';
import { loadConfig } from '../../../functions/lib/config';
import { powertoolsLogger } from '../../../functions/lib/logger-powertools';
import { createProductMetrics } from '../../../functions/lib/metrics';
import { createPresigner } from '../../../functions/store/presign';

const awsConfig = loadConfig({
  DILIGENCE_MODE: 'aws',
  AWS_REGION: 'eu-west-1',
  AUTH_JWKS_URL: 'https://cognito-idp.eu-west-1.amazonaws.com/pool/.well-known/jwks.json',
  AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
});

describe('presigned upload URLs in AWS', () => {
  it('carry no checksum of an empty body, only the signed length and type', async () => {
    const { s3 } = createAwsClients(awsConfig);
    s3.config.credentials = async () => ({ accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' });
    const presign = createPresigner(s3);
    const target = await presign({
      bucket: 'samples-bucket',
      key: 'samples/demo/a/b',
      contentType: 'application/jsonl',
      contentLength: 1234,
      metadata: { sha: 'x' },
      expiresInSeconds: 900,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const url = new URL(target.url);
    expect(url.host).toBe('samples-bucket.s3.eu-west-1.amazonaws.com');
    const params = [...url.searchParams.keys()].map((k) => k.toLowerCase());
    expect(params.filter((k) => k.includes('checksum'))).toEqual([]);
    // If-None-Match: * is signed so the URL cannot replace an object (S3 conditional writes):
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host;if-none-match;x-amz-meta-sha',
    );
    expect(target.headers['if-none-match']).toBe('*');
    expect(Object.keys(target.headers).filter((h) => h.includes('checksum'))).toEqual([]);
  });
});

describe('the origin guard', () => {
  it('passes everything when no secret is configured (local runtime)', () => {
    expect(cameThroughCloudFront({}, undefined)).toBe(true);
  });
  it('requires the exact secret when one is configured', () => {
    const secret = 'a'.repeat(48);
    expect(cameThroughCloudFront({ [ORIGIN_HEADER]: secret }, secret)).toBe(true);
    expect(cameThroughCloudFront({ [ORIGIN_HEADER]: 'a'.repeat(47) }, secret)).toBe(false);
    expect(cameThroughCloudFront({ [ORIGIN_HEADER]: ['x'] }, secret)).toBe(false);
    expect(cameThroughCloudFront(undefined, secret)).toBe(false);
  });
});

describe('Powertools', () => {
  it('writes EMF with the product metrics, failures split by reason', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
      lines.push(...String(line).split('\n').filter(Boolean));
      return true;
    });
    const metrics = createProductMetrics(
      new Metrics({ namespace: 'Diligence', serviceName: 'analyze', singleMetric: false }),
    );
    metrics.sampleAnalyzed(12.5);
    metrics.reportScored();
    metrics.analysisFailed('timeout');
    metrics.flush();
    spy.mockRestore();
    const blobs = lines.map((l) => JSON.parse(l));
    const all = Object.assign({}, ...blobs);
    expect(all).toMatchObject({ SamplesAnalyzed: 1, AnalysisSeconds: 12.5, ReportsScored: 1 });
    const failure = blobs.find((b) => 'AnalysisFailures' in b);
    expect(failure).toMatchObject({ AnalysisFailures: 1, reason: 'timeout', service: 'analyze' });
    expect(failure._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Diligence' });
  });

  it('logs through the same Logger shape the local runtime uses', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
      lines.push(...String(line).split('\n').filter(Boolean));
      return true;
    });
    const logger = powertoolsLogger('info', { fn: 'analyze' }).child({ key: 'k' });
    logger.info('analysis fanned out', { shards: 3 });
    logger.debug('hidden');
    spy.mockRestore();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 'INFO',
      message: 'analysis fanned out',
      shards: 3,
      key: 'k',
      fn: 'analyze',
    });
  });
});
