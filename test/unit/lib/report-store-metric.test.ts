import { Metrics } from '@aws-lambda-powertools/metrics';
import { describe, expect, it, vi } from 'vitest';
import { createProductMetrics } from '../../../functions/lib/metrics';

describe('the report store failure metric', () => {
  it('writes ReportStoreFailures in EMF at once, without waiting for a flush', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((line) => {
      lines.push(...String(line).split('\n').filter(Boolean));
      return true;
    });
    const metrics = createProductMetrics(
      new Metrics({ namespace: 'Diligence', serviceName: 'api' }),
    );
    metrics.reportStoreFailed?.();
    spy.mockRestore();
    const blobs = lines.map((l) => JSON.parse(l));
    expect(blobs).toHaveLength(1);
    expect(blobs[0]).toMatchObject({ ReportStoreFailures: 1, service: 'api' });
    expect(blobs[0]._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'Diligence',
      Metrics: [{ Name: 'ReportStoreFailures', Unit: 'Count' }],
    });
  });
});
