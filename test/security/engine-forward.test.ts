import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardToEngine } from '../../functions/local/engine-forward';
import { listen } from '../../functions/local/server';
import { raw } from './upload';

/**
 * The guard's forwarder against a stand-in engine: the engine sees only the allow-list and its own
 * Host; its error answers (which name sizes and keys) never reach the client.
 */

let engine: Server;
let front: Server;
let frontUrl: string;
let seen: IncomingHttpHeaders[] = [];
let answer: { status: number; body: string } = { status: 200, body: '' };

beforeAll(async () => {
  engine = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(answer.status, { etag: '"abc"', 'x-amz-request-id': 'R1' });
      res.end(answer.body);
    });
  });
  const enginePort = await listen(engine, 0, '127.0.0.1');
  front = createServer((req, res) => {
    const headers = { 'content-length': req.headers['content-length'] ?? '0' };
    forwardToEngine(
      req,
      res,
      { endpoint: `http://127.0.0.1:${enginePort}/secret`, path: '/b/k', headers },
      () => {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end('Bad Request: the upload was not accepted.\n');
      },
    );
  });
  frontUrl = `http://127.0.0.1:${await listen(front, 0, '127.0.0.1')}`;
});
afterAll(async () => {
  front.closeAllConnections();
  engine.closeAllConnections();
  await new Promise((r) => front.close(r));
  await new Promise((r) => engine.close(r));
});

const send = () =>
  raw(frontUrl, {
    method: 'PUT',
    path: '/_s3/b/k',
    headers: {
      host: 'diligence-reports',
      'x-amz-copy-source': '/diligence-samples/samples/victim/a/b',
      'x-forwarded-host': 'evil.test',
      authorization: 'AWS4-HMAC-SHA256 x',
      cookie: 'a=b',
    },
    body: 'hello',
  });

describe('forwarding an allowed upload to the engine', () => {
  it('sends only the allow-list and sets Host to the engine’s own', async () => {
    seen = [];
    answer = { status: 200, body: '' };
    const res = await send();
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"abc"');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['x-amz-request-id']).toBeUndefined();
    const [headers] = seen;
    expect(headers?.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(Object.keys(headers ?? {}).sort()).toEqual(['connection', 'content-length', 'host']);
  });

  it('answers an engine error with its own 400: no size, key or existence detail', async () => {
    answer = {
      status: 404,
      body: '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Key>samples/victim/a/b</Key><Size>52113</Size></Error>',
    };
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body).toBe('Bad Request: the upload was not accepted.\n');
    expect(res.headers.etag).toBeUndefined();
  });
});
