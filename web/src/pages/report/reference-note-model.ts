/** What the report says about its references, in sentences: mode, each machine reference, separation. */

/** One known-machine reference as the report's `reference.machine[]` lists it. */
export interface MachineReferenceNoteView {
  referenceId: string;
  name: string;
  generator: string;
  status: string;
  records: number | null;
  usable: boolean;
  message: string | null;
}

/** The report's `reference` note (human reference, and machine references when attached). */
export interface ReferenceNoteView {
  name: string;
  status: string;
  records: number | null;
  calibrated: boolean;
  message: string | null;
  mode?: 'human' | 'two-sided';
  machine?: MachineReferenceNoteView[];
}

/** `synthetic.reference.machine` of a report sample: how the two references separate. */
export interface SampleMachineSummary {
  separation: number | null;
  usable: boolean;
  method: string;
  message: string;
}

/** The sentences of the reference section. */
export interface ReferenceNoteWords {
  mode: string;
  machines: { key: string; name: string; text: string; usable: boolean }[];
  separation: string | null;
}

const records = (n: number | null) =>
  n === null ? '' : `${n.toLocaleString('en')} record${n === 1 ? '' : 's'}`;

/** The mode sentence, one line per machine reference and the separation, from the note and a sample. */
export function referenceNoteWords(
  note: Pick<ReferenceNoteView, 'mode' | 'machine'>,
  sample?: SampleMachineSummary | null,
): ReferenceNoteWords {
  const machine = note.machine ?? [];
  const mode =
    note.mode === 'two-sided'
      ? 'Two-sided: the machine-text estimate is a fit of the known-human and the known-machine references.'
      : machine.length > 0
        ? 'Human reference only: no attached machine reference could be used, so the estimate does not fit both.'
        : 'Human reference only: attach a known-machine reference to fit both sides.';
  return {
    mode,
    machines: machine.map((m) => {
      const parts = [
        m.status === 'analyzed' ? '' : m.status.replaceAll('_', ' '),
        records(m.records),
        m.usable ? 'used' : 'not used',
      ].filter(Boolean);
      return {
        key: m.referenceId,
        name: `${m.name} (${m.generator})`,
        text: `${parts.join(', ')}.${m.message ? ` ${m.message}` : ''}`,
        usable: m.usable,
      };
    }),
    separation: sample
      ? `${sample.separation === null ? 'Separation not measured' : `Separation ${sample.separation.toFixed(2)}`}: ${sample.message}`
      : null,
  };
}

/** The first sample's machine-reference summary, if any sample has one. */
export function sampleMachineSummary(
  samples: readonly { synthetic: unknown }[],
): SampleMachineSummary | null {
  for (const s of samples) {
    const found = (s.synthetic as { reference?: { machine?: SampleMachineSummary } } | null)
      ?.reference?.machine;
    if (found) return found;
  }
  return null;
}
