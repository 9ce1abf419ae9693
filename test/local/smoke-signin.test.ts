import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../functions/cli/main';

const servers: Server[] = [];
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

let portal = '';
let cognito = '';
/** The callback URL the fake user pool's app client lists. */
let registered = '';

beforeAll(async () => {
  // A hosted sign-in as Cognito answers it: on to /login, or to /error on a callback it does not list.
  cognito = await serve((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const ok =
      url.pathname === '/oauth2/authorize' &&
      url.searchParams.get('client_id') === 'client-1' &&
      url.searchParams.get('redirect_uri') === registered &&
      url.searchParams.get('code_challenge_method') === 'S256';
    res.writeHead(302, {
      location: ok ? `/login?${url.searchParams}` : '/error?error=redirect_mismatch',
    });
    res.end();
  });
  // A deployed portal's public surface, as far as the sign-in step reads it.
  portal = await serve((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/api/health') return json(200, { status: 'ok' });
    if (req.url === '/api/config')
      return json(200, { mode: 'aws', cognito: { domain: cognito, clientId: 'client-1' } });
    if (req.url === '/signin') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><title>Diligence</title>');
    }
    return json(404, { title: 'Not Found', detail: 'No such route.' });
  });
});
afterAll(() => {
  for (const s of servers) s.close();
});

async function smoke(args: string[]) {
  let stdout = '';
  let stderr = '';
  const write = (to: 'out' | 'err') => (s: string) => {
    if (to === 'out') stdout += s;
    else stderr += s;
  };
  const code = await main(['smoke', ...args], {
    stdout: { write: write('out') },
    stderr: { write: write('err') },
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe('diligence smoke against an AWS portal', () => {
  it('follows the hosted sign-in with the portal’s /signin callback', async () => {
    registered = `${portal}/signin`;
    const r = await smoke([portal, '--token', 'some-id-token']);
    expect(r.stdout).toMatch(/✓ sign-in .*redirects to \/login/);
    // This stand-in has no /api/me: the next step fails, named.
    expect(r.stdout).toMatch(/✗ session .*answered 404/);
    expect(r.code).toBe(1);
  });

  it('fails the sign-in step when the user pool does not list the callback', async () => {
    registered = 'https://elsewhere.example/signin';
    const r = await smoke([portal, '--token', 'some-id-token']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ sign-in .*redirect_mismatch/);
    expect(r.stdout).toContain(`callback URL ${portal}/signin`);
  });

  it('asks for a token (exit 2) where there is no dev session', async () => {
    registered = `${portal}/signin`;
    const r = await smoke([portal]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--token');
  });
});
