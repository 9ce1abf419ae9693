// PLACEHOLDER until merge: helper `mixture` writes the real two-sided fit (CONTRACT-22.md); the
// integrator replaces this file and re-exports from reference/index.ts.
import type { Analysis, ReferenceSummary } from '../types';
import { calibrateWithReference } from './calibrate';
import { type SyntheticEvidence, scoreCounts } from './evidence';

/** Below this many scored records a machine reference is refused. */
export const MIN_MACHINE_REFERENCE_RECORDS = 20;

/** One machine reference: its evidence, a name and the generator the buyer named. */
export interface MachineReferenceInput {
  evidence: SyntheticEvidence;
  name?: string;
  generator: string;
}

const add = (a: readonly number[], b: readonly number[]) => a.map((x, i) => x + (b[i] ?? 0));
const sum = (h: readonly number[]) => h.reduce((s, c) => s + c, 0);
const norm = (h: readonly number[]) => {
  const t = sum(h) || 1;
  return h.map((x) => x / t);
};
const hist = (e: SyntheticEvidence, what: string) => {
  const [a, b] = scoreCounts(e, what).halves;
  return add(a, b);
};
const mean = (h: readonly number[]) => {
  const p = norm(h);
  return p.reduce((s, x, i) => s + x * (i / Math.max(1, p.length - 1)), 0);
};

/** Checks one machine reference on its own and against the human one (placeholder rule). */
export function checkMachineReference(
  machine: SyntheticEvidence,
  human?: SyntheticEvidence,
): { usable: boolean; records: number; separation: number | null; message: string } {
  const m = hist(machine, 'machine reference');
  const records = sum(m);
  if (records < MIN_MACHINE_REFERENCE_RECORDS)
    return {
      usable: false,
      records,
      separation: null,
      message: `The machine reference has ${records} records with text; at least ${MIN_MACHINE_REFERENCE_RECORDS} are needed.`,
    };
  if (!human) return { usable: true, records, separation: null, message: 'Enough records.' };
  const separation = Math.abs(mean(m) - mean(hist(human, 'reference')));
  return separation < 0.05
    ? {
        usable: false,
        records,
        separation,
        message: 'These references cannot tell the two apart in this domain.',
      }
    : { usable: true, records, separation, message: 'The references separate.' };
}

/** Placeholder two-component least-squares fit over the pooled histograms. */
export function calibrateTwoSided(
  sample: SyntheticEvidence,
  human: SyntheticEvidence,
  machines: MachineReferenceInput[],
  options: { name?: string } = {},
): Analysis['synthetic'] & { reference: ReferenceSummary } {
  const base = calibrateWithReference(sample, human, options);
  const checks = machines.map((m) => ({ m, c: checkMachineReference(m.evidence, human) }));
  const references = checks.map(({ m, c }) => ({
    ...(m.name ? { name: m.name } : {}),
    generator: m.generator,
    records: c.records,
    usable: c.usable,
    message: c.message,
  }));
  const good = checks.filter((x) => x.c.usable);
  if (good.length === 0 || !base.reference.selfTest.usable) {
    const message = 'No usable machine reference: the human reference alone calibrates.';
    const machine = { references, separation: null, usable: false, method: 'none', message };
    return {
      ...base,
      reference: { ...base.reference, mode: 'human', machine } as ReferenceSummary,
    };
  }
  const s = norm(hist(sample, 'sample'));
  const p = norm(hist(human, 'reference'));
  const q = norm(good.map((x) => hist(x.m.evidence, 'machine reference')).reduce(add));
  const d = q.map((x, i) => x - (p[i] ?? 0));
  const w = Math.min(
    1,
    Math.max(
      0,
      sum(d.map((x, i) => x * ((s[i] ?? 0) - (p[i] ?? 0)))) / (sum(d.map((x) => x * x)) || 1),
    ),
  );
  const n = sum(hist(sample, 'sample'));
  const half = 1.645 * Math.sqrt((w * (1 - w) + 0.05) / Math.max(1, n)) + 0.05;
  const separation = Math.min(...good.map((x) => x.c.separation ?? 0));
  const machine = {
    references,
    separation,
    usable: true,
    method: 'least-squares mixture over pooled machine references (placeholder)',
    message: `Fitted against ${good.length} machine reference(s).`,
  };
  return {
    ...base,
    estimatedShare: w,
    interval: [Math.max(0, w - half), Math.min(1, w + half)],
    reference: { ...base.reference, mode: 'two-sided', machine } as ReferenceSummary,
  };
}
