import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../functions/cli/main';
import { airlineTweets } from '../../fixtures/delivery-series';

let dir: string;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const jsonl = (rows: unknown[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

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

const CONTRACT = {
  conditions: [
    { metric: 'compare.overlap.nearRate', max: 0.1, note: 'recycled records' },
    { metric: 'duplicates.nearRate', max: 0.1 },
    { metric: 'pii.recordShare', max: 0.05 },
  ],
};

let previous: string;
let fresh: string;
let recycled: string;
let contract: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diligence-contract-'));
  // Three deliveries from the public airline tweets: the last one, a fresh one (new tweets) and a
  // recycled one (60 % of the last delivery's tweets sent again).
  const tweets = await airlineTweets();
  const last = tweets.slice(0, 1500);
  previous = file('previous.jsonl', jsonl(last));
  fresh = file('fresh.jsonl', jsonl(tweets.slice(1500, 3000)));
  recycled = file('recycled.jsonl', jsonl([...last.slice(0, 900), ...tweets.slice(3000, 3600)]));
  contract = file('contract.json', JSON.stringify(CONTRACT));
});

describe('diligence compare --contract', () => {
  it('holds on a fresh re-delivery (exit 0)', async () => {
    const r = await cli(
      'compare',
      previous,
      fresh,
      '--text',
      'text',
      '--contract',
      contract,
      '--json',
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.contract.conditions.map((c: { held: boolean }) => c.held)).toEqual([
      true,
      true,
      true,
    ]);
    expect(out.contract.held).toBe(true);
    expect(out.overlap).toBeDefined();
    expect(r.code).toBe(0);
  });

  it('breaks on a recycled one, naming the condition and its actual value (exit 1, JSON printed)', async () => {
    const r = await cli(
      'compare',
      previous,
      recycled,
      '--text',
      'text',
      '--contract',
      contract,
      '--json',
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.contract.held).toBe(false);
    const broken = out.contract.conditions.filter((c: { held: boolean }) => c.held === false);
    expect(broken.map((c: { metric: string }) => c.metric)).toEqual(['compare.overlap.nearRate']);
    expect(broken[0].actual).toBeGreaterThan(0.5);
    expect(broken[0].actual).toBeCloseTo(out.overlap.nearRate, 10);
  });

  it('says which condition broke in the text summary', async () => {
    const r = await cli('compare', previous, recycled, '--text', 'text', '--contract', contract);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /records recycled from the last delivery: at most 10 % — BROKEN, measured \d+/,
    );
  });

  it('exits 2 on an invalid contract, naming the bad condition', async () => {
    const bad = file(
      'bad.json',
      JSON.stringify({
        conditions: [
          { metric: 'pii.recordShare', max: 0 },
          { metric: 'dupes', max: 1 },
        ],
      }),
    );
    const r = await cli('compare', previous, fresh, '--text', 'text', '--contract', bad, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('conditions.1.metric (dupes): unknown metric "dupes"');
    expect(r.stderr).toContain('compare.overlap.nearRate');
    const notJson = file('not.json', '{ conditions: ');
    expect((await cli('analyze', fresh, '--contract', notJson)).code).toBe(2);
  });
});

describe('diligence analyze --contract', () => {
  it('checks one delivery; comparison conditions are reported as not measurable', async () => {
    const r = await cli('analyze', fresh, '--text', 'text', '--contract', contract, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.duplicates).toBeDefined();
    expect(out.contract.conditions[0]).toMatchObject({ measurable: false, held: null });
    expect(out.contract.conditions[1]).toMatchObject({ measurable: true, held: true });
  });

  it('exits 1 when a condition on the delivery breaks', async () => {
    const strict = file(
      'strict.json',
      JSON.stringify({ conditions: [{ metric: 'duplicates.exactRate', max: 0 }] }),
    );
    const doubled = file(
      'doubled.jsonl',
      jsonl((await airlineTweets()).slice(0, 300).flatMap((t) => [t, t])),
    );
    const r = await cli('analyze', doubled, '--text', 'text', '--contract', strict, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).contract.conditions[0].actual).toBeCloseTo(0.5, 2);
  });
});
