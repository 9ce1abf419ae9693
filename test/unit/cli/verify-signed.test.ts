import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../functions/cli/main';
import { bundleContent, signContent } from '../../../functions/core/report/bundle-signed';
import { localReportKeys } from '../../../functions/signing/local-keys';
import { approvedAssessment, reportWithSample } from '../signing/fixtures';

let dir: string;
let server: Server;
let url: string;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    isTTY: false,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const sampleBytes = Buffer.from('{"text":"one"}\n{"text":"two"}\n');
let bundlePath: string;
let keysPath: string;
let bundle: object;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diligence-verify-'));
  const keys = localReportKeys(join(dir, 'keys'));
  const sha = createHash('sha256').update(sampleBytes).digest('hex');
  const signer = await keys.signer();
  bundle = await signContent(
    bundleContent({
      report: reportWithSample(sha),
      assessment: approvedAssessment(),
      issuedAt: new Date(),
    }),
    signer,
  );
  bundlePath = file('bundle.json', JSON.stringify(bundle));
  const jwks = JSON.stringify(await keys.published());
  keysPath = file('keys.json', jwks);
  server = createServer((req, res) => {
    if (req.url === '/.well-known/diligence-keys.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(jwks);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('diligence verify --keys', () => {
  it('verifies a bundle against a JWKS file or URL, and its sample file', async () => {
    const ok = await cli('verify', bundlePath, '--keys', keysPath);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/verified\. Report of assessment asm-1 \(organization org-buyer\)/);
    const remote = await cli(
      'verify',
      bundlePath,
      '--keys',
      `${url}/.well-known/diligence-keys.json`,
    );
    expect(remote.code).toBe(0);
    const sample = await cli(
      'verify',
      bundlePath,
      '--keys',
      keysPath,
      '--sample',
      file('s.jsonl', sampleBytes),
    );
    expect(sample.code).toBe(0);
    expect(sample.stdout).toContain('is the training sample tickets.jsonl');
  });

  it('exits 1 with the reason when the bundle, key or sample does not hold', async () => {
    const changed = structuredClone(bundle) as { organization: { id: string } };
    changed.organization.id = 'someone-else';
    const tampered = await cli(
      'verify',
      file('t.json', JSON.stringify(changed)),
      '--keys',
      keysPath,
    );
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(
      'signature does not match: the bundle was changed after signing',
    );
    const otherKeys = file(
      'other.json',
      JSON.stringify(await localReportKeys(join(dir, 'k2')).published()),
    );
    const unknown = await cli('verify', bundlePath, '--keys', otherKeys);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/key local-\S+ is not in the JWKS/);
    const wrong = await cli(
      'verify',
      bundlePath,
      '--keys',
      keysPath,
      '--sample',
      file('x.jsonl', 'other'),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('sample hash differs');
    const noKeys = await cli('verify', bundlePath);
    expect(noKeys.code).toBe(1);
    expect(noKeys.stderr).toContain('give --keys');
  });

  it('exits 2 when the keys cannot be read, saying where', async () => {
    const missing = await cli('verify', bundlePath, '--keys', `${url}/nothing.json`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('answered 404');
    const junk = await cli('verify', bundlePath, '--keys', file('junk.json', '{"keys": 1}'));
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('not a JWKS');
  });
});
