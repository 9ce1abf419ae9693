import { describe, expect, it } from 'vitest';
import {
  type MachineReferenceNoteView,
  referenceNoteWords,
  sampleMachineSummary,
} from '../../../web/src/pages/report/reference-note-model';

const machine = (over: Partial<MachineReferenceNoteView> = {}): MachineReferenceNoteView => ({
  referenceId: 'r1',
  name: 'Tasks by GPT',
  generator: 'gpt-4o',
  status: 'analyzed',
  records: 120,
  usable: true,
  message: null,
  ...over,
});

describe('referenceNoteWords', () => {
  it('says the estimate fits both references in two-sided mode', () => {
    const words = referenceNoteWords({ mode: 'two-sided', machine: [machine()] });
    expect(words.mode).toMatch(/^Two-sided/);
    expect(words.machines).toEqual([
      { key: 'r1', name: 'Tasks by GPT (gpt-4o)', text: '120 records, used.', usable: true },
    ]);
  });

  it('explains a human-only estimate when the attached machine references were not usable', () => {
    const words = referenceNoteWords({
      mode: 'human',
      machine: [
        machine({ usable: false, records: 12, message: 'Too few records (12; 40 needed).' }),
      ],
    });
    expect(words.mode).toMatch(/no attached machine reference could be used/);
    expect(words.machines[0]?.text).toBe('12 records, not used. Too few records (12; 40 needed).');
  });

  it('names a machine reference still being analyzed', () => {
    const words = referenceNoteWords({
      machine: [machine({ status: 'analyzing', records: null })],
    });
    expect(words.machines[0]?.text).toBe('analyzing, used.');
    expect(words.mode).toMatch(/^Human reference only/);
  });

  it('adds the separation sentence from a sample', () => {
    const words = referenceNoteWords(
      { mode: 'two-sided', machine: [machine()] },
      {
        separation: 0.812,
        usable: true,
        method: 'mixture',
        message: 'The references separate well.',
      },
    );
    expect(words.separation).toBe('Separation 0.81: The references separate well.');
    const none = referenceNoteWords(
      { mode: 'human', machine: [] },
      { separation: null, usable: false, method: '', message: 'No machine reference.' },
    );
    expect(none.separation).toBe('Separation not measured: No machine reference.');
  });
});

describe('sampleMachineSummary', () => {
  it('finds the first sample whose reference has a machine part', () => {
    const found = { separation: 0.5, usable: true, method: 'm', message: 'ok' };
    expect(
      sampleMachineSummary([
        { synthetic: { reference: {} } },
        { synthetic: { reference: { machine: found } } },
      ]),
    ).toBe(found);
    expect(sampleMachineSummary([{ synthetic: {} }, { synthetic: null }])).toBeNull();
  });
});
