import { describe, expect, it } from 'vitest';
import {
  generatorProblem,
  kindLabel,
  kindOf,
  maxGeneratorLength,
} from '../../../web/src/pages/references/reference-kind';
import { evidenceOrder, evidenceWords } from '../../../web/src/pages/report/evidence-words';

describe('reference kinds', () => {
  it('reads entries without a kind as human', () => {
    expect(kindOf({})).toBe('human');
    expect(kindOf({ kind: 'machine' })).toBe('machine');
  });

  it('labels machine references with their generator', () => {
    expect(kindLabel({ kind: 'human', generator: null })).toBe('Known-human');
    expect(kindLabel({ kind: 'machine', generator: 'gpt-4o' })).toBe('Known-machine (gpt-4o)');
  });
});

describe('generatorProblem', () => {
  it('asks for a generator only on machine references', () => {
    expect(generatorProblem('human', '')).toBeUndefined();
    expect(generatorProblem('machine', '  ')).toMatch(/Name the model/);
    expect(generatorProblem('machine', 'gpt-4o')).toBeUndefined();
  });

  it('refuses over-long and multi-line names, saying the limit', () => {
    expect(generatorProblem('machine', 'x'.repeat(maxGeneratorLength + 1))).toMatch(
      new RegExp(`${maxGeneratorLength} or fewer`),
    );
    expect(generatorProblem('machine', 'gpt\n4o')).toMatch(/one line/);
  });
});

describe('evidence strengths', () => {
  it('words reviewed evidence and ranks it above calibrated', () => {
    expect(evidenceWords('reviewed').label).toBe('Reviewed by a person (spot-check)');
    expect(evidenceOrder.indexOf('reviewed')).toBeLessThan(evidenceOrder.indexOf('calibrated'));
    expect(evidenceOrder.indexOf('measured')).toBeLessThan(evidenceOrder.indexOf('reviewed'));
  });
});
