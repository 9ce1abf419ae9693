import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../functions/cli/main';

let dir: string;
const file = (name: string, content: string) => {
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

const TOPICS = [
  'harbour',
  'orchard',
  'library',
  'railway',
  'bakery',
  'glacier',
  'market',
  'studio',
];
const line = (i: number) =>
  JSON.stringify({
    body: `Entry ${i}: the ${TOPICS[i % 8]} crew counted ${i * 13} crates near gate ${i % 11}, then ${TOPICS[(i * 3) % 8]} staff checked ${i % 7} late deliveries.`,
    kind: i % 3 === 0 ? 'rare' : 'common',
  });
const rows = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, k) => line(from + k)).join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diligence-compare-'));
  file('previous.jsonl', `${rows(0, 200)}\n`);
  file('fresh.jsonl', `${rows(200, 400)}\n`);
  file('recycled.jsonl', `${rows(0, 150)}\n${rows(400, 450)}\n`);
});

describe('diligence compare', () => {
  it('prints the comparison contract as JSON', async () => {
    const r = await cli(
      'compare',
      join(dir, 'previous.jsonl'),
      join(dir, 'recycled.jsonl'),
      '--text',
      'body',
      '--label',
      'kind',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(Object.keys(c)).toEqual(
      expect.arrayContaining(['overlap', 'changes', 'drift', 'degraded', 'findings']),
    );
    expect(c.overlap.exactRate).toBeCloseTo(0.75, 2);
    expect(c.degraded).toBe(true);
    expect(c.findings.map((f: { id: string }) => f.id)).toContain('delivery.recycled');
    const metrics = c.changes.map((m: { metric: string }) => m.metric);
    for (const m of [
      'diversity.distinct1',
      'diversity.distinct2',
      'diversity.distinct3',
      'diversity.compressionRatio',
      'diversity.mattr',
      'synthetic.estimatedShare',
      'synthetic.declaredShare',
      'duplicates.nearRate',
      'labels.normalizedEntropy',
      'labels.rareClasses',
      'freshness.newest',
    ])
      expect(metrics).toContain(m);
    expect(c.drift.labelJsd).toBeGreaterThanOrEqual(0);
  });

  it('does not flag a fresh delivery from the same template source', async () => {
    const r = await cli(
      'compare',
      join(dir, 'previous.jsonl'),
      join(dir, 'fresh.jsonl'),
      '--text',
      'body',
      '--json',
    );
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.overlap.nearRate).toBe(0);
    expect(c.findings.filter((f: { id: string }) => f.id === 'delivery.recycled')).toEqual([]);
  });

  it('prints a readable summary naming the verdict', async () => {
    const r = await cli(
      'compare',
      join(dir, 'previous.jsonl'),
      join(dir, 'recycled.jsonl'),
      '--text',
      'body',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('DEGRADED');
    expect(r.stdout).toContain('diversity.distinct2');
  });

  it('refuses a text field absent from the file, naming field and file (exit 2)', async () => {
    const r = await cli(
      'compare',
      join(dir, 'previous.jsonl'),
      join(dir, 'fresh.jsonl'),
      '--text',
      'content',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"content"');
    expect(r.stderr).toContain('previous.jsonl');
  });

  it('refuses a missing file and a wrong number of files (exit 2)', async () => {
    const missing = await cli('compare', join(dir, 'previous.jsonl'), join(dir, 'nope.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.jsonl');
    const one = await cli('compare', join(dir, 'previous.jsonl'));
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('expected two files');
  });
});

describe('diligence verify', () => {
  it('accepts an intact report and rejects one whose content changed', async () => {
    const scored = await cli(
      'score',
      '--answers',
      'test/fixtures/answers/honest-vendor.json',
      '--json',
    );
    expect(scored.code).toBe(0);
    const path = file('report.json', scored.stdout);
    const ok = await cli('verify', path);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('intact');
    const report = JSON.parse(readFileSync(path, 'utf8'));
    report.risk.score = 1;
    const bad = await cli('verify', file('tampered.json', JSON.stringify(report)));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('NOT intact');
  });

  it('checks an expected hash, and refuses unreadable input (exit 2)', async () => {
    const scored = await cli(
      'score',
      '--answers',
      'test/fixtures/answers/honest-vendor.json',
      '--json',
    );
    const path = file('report2.json', scored.stdout);
    const wrong = await cli('verify', path, '--sha256', '0'.repeat(64));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('expected');
    expect((await cli('verify', file('junk.json', '{oops'))).code).toBe(2);
    expect((await cli('verify', path, '--sha256', 'xyz')).code).toBe(2);
  });
});

describe('diligence score --croissant', () => {
  it('prints Croissant JSON-LD with the RAI vocabulary', async () => {
    const r = await cli(
      'score',
      '--answers',
      'test/fixtures/answers/honest-vendor.json',
      '--croissant',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc['@context'].rai).toBe('http://mlcommons.org/croissant/RAI/');
    expect(doc['@type']).toBe('sc:Dataset');
    expect(doc['rai:dataCollection'].join(' ')).toContain('Vendor states');
  });
});
