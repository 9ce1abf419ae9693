import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../functions/cli/main';
import { invitedAssessment, json, startTestPortal, type TestPortal } from './harness';
import { bigJsonl, multipartEnv, putParts, registerBig } from './multipart-helpers';

let t: TestPortal;
let proc: string;
let dir: string;
let bigPath: string;
const big = bigJsonl(11, 5);
beforeAll(async () => {
  t = await startTestPortal(multipartEnv);
  proc = await t.staff('procurement', 'demo', 'pat@demo.test');
  dir = await mkdtemp(join(tmpdir(), 'diligence-cli-upload-'));
  bigPath = join(dir, 'big.jsonl');
  await writeFile(bigPath, big);
}, 60_000);
afterAll(async () => {
  await t.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `diligence upload …` and captures its output. */
async function upload(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['upload', ...args], {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    isTTY: false,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function link(token: string) {
  return `${t.portal.url}/vendor#token=${token}`;
}

async function samples(token: string) {
  return (
    await json<{ samples: { sampleId: string; status: string; role: string }[] }>(
      t.call('GET', '/api/vendor/assessment', { token }),
    )
  ).samples;
}

describe('diligence upload', () => {
  it('uploads a big file in parts with progress on stderr; the portal analyzes it', async () => {
    const { token } = await invitedAssessment(t, proc);
    const r = await upload(await link(token), bigPath, '--role', 'sample');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('(100 %)');
    expect(r.stderr.match(/^uploaded /gm)).toHaveLength(3);
    await t.portal.idle();
    const [s] = await samples(token);
    expect(r.stdout).toContain(`as sample ${s?.sampleId}`);
    expect(s).toMatchObject({ status: 'analyzed', role: 'training' });
  }, 60_000);

  it('resumes an unfinished upload of the same file, sending only the missing parts', async () => {
    const { token } = await invitedAssessment(t, proc);
    const reg = await registerBig(t, token, big);
    await putParts(t, token, reg, big, [2]);
    const r = await upload(token, bigPath, '--api', t.portal.url);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('resuming: 1 of 3 parts already uploaded');
    expect(r.stderr.match(/^uploaded /gm)).toHaveLength(2);
    await t.portal.idle();
    expect(await samples(token)).toEqual([
      expect.objectContaining({ sampleId: reg.sampleId, status: 'analyzed' }),
    ]);
  }, 60_000);

  it('uploads a small file in one request, as holdout', async () => {
    const { token } = await invitedAssessment(t, proc);
    const small = join(dir, 'hold.jsonl');
    await writeFile(small, bigJsonl(0.01, 9));
    const r = await upload(await link(token), small, '--role', 'holdout');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('in one request');
    await t.portal.idle();
    expect((await samples(token))[0]).toMatchObject({ role: 'holdout', status: 'analyzed' });
  }, 60_000);

  it('says what is wrong: bad usage and unreadable files exit 2, refusals exit 1', async () => {
    const { token } = await invitedAssessment(t, proc);
    const l = await link(token);
    expect(await upload(l)).toMatchObject({ code: 2 });
    expect((await upload(l, bigPath, '--role', 'eval')).stderr).toContain('--role is training');
    expect((await upload(l, join(dir, 'missing.jsonl'))).stderr).toContain('cannot read');
    expect((await upload(l, join(dir, 'report.pdf'))).code).toBe(2);
    expect((await upload(`${t.portal.url}/vendor`, bigPath)).stderr).toContain('no #token=');
    const revoked = await upload(`${t.portal.url}/vendor#token=${'x'.repeat(43)}`, bigPath);
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/reading the assessment: /);
  }, 60_000);
});
