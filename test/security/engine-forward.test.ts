import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardToEngine } from '../../functions/local/engine-forward';
import { createPortalServer, listen } from '../../functions/local/server';
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

describe('two PUTs of one URL at once', () => {
  it('refuses the second with 409 while the first is being written, as S3 does', async () => {
    // Concurrent conditional writes of one key: S3 answers 409 ConditionalRequestConflict.
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html
    let arrived: () => void = () => undefined;
    const first = new Promise<void>((r) => {
      arrived = r;
    });
    let release: () => void = () => undefined;
    const held = createServer((req, res) => {
      arrived();
      release = () => {
        req.resume();
        res.writeHead(200, { etag: '"e"' });
        res.end();
      };
    });
    const enginePort = await listen(held, 0, '127.0.0.1');
    const portal = createPortalServer({
      fetch: async () => new Response('app'),
      guard: async () => ({
        allow: true,
        path: '/b/samples/o/a/s',
        headers: { 'content-length': '5', 'content-type': 'text/csv', 'if-none-match': '*' },
      }),
      engineEndpoint: `http://127.0.0.1:${enginePort}/secret`,
      allowHost: () => true,
      logger: { warn: () => undefined },
    });
    const url = `http://127.0.0.1:${await listen(portal, 0, '127.0.0.1')}`;
    try {
      const put = () => raw(url, { method: 'PUT', path: '/_s3/b/samples/o/a/s', body: 'hello' });
      const a = put();
      await first;
      const b = await put();
      expect(b.status).toBe(409);
      release();
      expect((await a).status).toBe(200);
      // Once the first is answered, the key is free again (the guard's liveness check then refuses).
      const next = new Promise<void>((r) => {
        arrived = r;
      });
      const c = put();
      await next;
      release();
      expect((await c).status).toBe(200);
    } finally {
      portal.closeAllConnections();
      held.closeAllConnections();
      portal.close();
      held.close();
    }
  });
});
