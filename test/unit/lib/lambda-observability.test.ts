import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { lambdaObservability, observed } from '../../../functions/lib/lambda-observability';

const context = {
  functionName: 'diligence-notify',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:diligence-notify',
  memoryLimitInMB: '512',
  functionVersion: '$LATEST',
} as unknown as Context;

/** What `run` writes to stdout and stderr (Powertools warns on stderr), line by line. */
function captureOutput<T>(run: () => Promise<T>): Promise<{ lines: string[]; result: T }> {
  const lines: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((line) => {
      lines.push(...String(line).split('\n').filter(Boolean));
      return true;
    }),
  );
  return run()
    .then((result) => ({ lines, result }))
    .finally(() => {
      for (const spy of spies) spy.mockRestore();
    });
}

describe('the Lambda observability every entry uses', () => {
  it('logs JSON with the invocation context and publishes the metrics recorded', async () => {
    const obs = lambdaObservability({ LOG_LEVEL: 'info' });
    const handler = observed(obs, async (event: { n: number }) => {
      obs.logger.info('handled', { n: event.n });
      obs.metrics.reportScored();
      return event.n + 1;
    });
    const { lines, result } = await captureOutput(() => handler({ n: 1 }, context));
    expect(result).toBe(2);
    const parsed = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(parsed.find((l) => l.message === 'handled')).toMatchObject({
      n: 1,
      function_request_id: 'req-1',
      function_name: 'diligence-notify',
    });
    expect(parsed.find((l) => 'ReportsScored' in l)).toMatchObject({ ReportsScored: 1 });
  });

  it('publishes the metrics of a failed invocation too, and nothing (no warning) when there are none', async () => {
    const obs = lambdaObservability({ LOG_LEVEL: 'info' });
    const failing = observed(obs, async () => {
      obs.metrics.reportScored();
      throw new Error('boom');
    });
    const failed = await captureOutput(() => failing({}, context).catch((e: Error) => e.message));
    expect(failed.result).toBe('boom');
    expect(failed.lines.some((l) => l.includes('"ReportsScored":1'))).toBe(true);
    const quiet = await captureOutput(() => observed(obs, async () => 'ok')({}, context));
    expect(quiet.lines).toEqual([]);
  });
});
