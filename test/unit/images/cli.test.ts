import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../../functions/cli/analyze-command';
import { scene, textChunk, withChunks, zip } from './fixtures';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'images-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      isTTY: false,
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('diligence analyze <images.zip>', () => {
  it('analyzes an image archive with no field options, as JSON and as a summary', async () => {
    const file = join(dir, 'images.zip');
    const ai = withChunks(await scene(1).png().toBuffer(), [
      textChunk('parameters', 'x\nSteps: 9, Sampler: Euler, Seed: 3'),
    ]);
    await writeFile(
      file,
      zip([
        { name: 'a.png', data: ai },
        { name: 'b.jpg', data: await scene(2).jpeg().toBuffer() },
      ]),
    );
    const json = io();
    expect(await runAnalyze([file, '--json'], json.io)).toBe(0);
    const a = JSON.parse(json.out());
    expect(a.input.format).toBe('images');
    expect(a.synthetic.evidencedShare).toBe(0.5);
    const text = io();
    expect(await runAnalyze([file], text.io)).toBe(0);
    expect(text.out()).toMatch(/AI evidence\s+50\.0% of images declare AI origin/);
  });

  it('counts a file that does not decode as undecodable and still reports', async () => {
    const file = join(dir, 'bad.zip');
    await writeFile(file, zip([{ name: 'x.png', data: Buffer.from('garbage') }]));
    const r = io();
    expect(await runAnalyze([file, '--json'], r.io)).toBe(0);
    expect(JSON.parse(r.out()).images.undecodable).toBe(1);
  });
});
