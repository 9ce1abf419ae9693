import type { Context } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app';
import { httpApiEvent } from '../fixtures/http-api-event';
import { startTestPortal, type TestPortal } from './harness';

let t: TestPortal;
beforeAll(async () => {
  t = await startTestPortal();
});
afterAll(async () => {
  await t.stop();
});

describe('API Lambda handler', () => {
  const handler = () => handle(createApp(t.portal.deps));

  it('answers an API Gateway HTTP API v2 health event', async () => {
    const res = (await handler()(httpApiEvent('GET', '/api/health'), {} as Context)) as {
      statusCode: number;
      body: string;
      headers: Record<string, string>;
    };
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('maps a staff POST with a JSON body through the same app', async () => {
    const token = await t.staff('procurement');
    const event = httpApiEvent(
      'POST',
      '/api/assessments',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      JSON.stringify({ vendor: {} }),
    );
    const res = (await handler()(event, {} as Context)) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).errors.length).toBeGreaterThan(0);
  });
});
