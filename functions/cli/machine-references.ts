import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { AnalysisPartial } from '../core/analysis';
import {
  checkMachineReference,
  type MachineReferenceInput,
  MIN_MACHINE_REFERENCE_RECORDS,
} from '../core/analysis/reference';
import { FileInputError } from './fold-file';

/** One `--machine-reference` value: the file and the model that wrote it. */
export interface MachineReferenceArg {
  file: string;
  generator: string;
}

/**
 * Reads `--machine-reference [<generator>=]<file>`: "gpt-4o=answers.jsonl" names the generator;
 * a bare file (or any value that is an existing file, even with "=" in its name) is named after the
 * file without its extension.
 */
export function parseMachineReference(value: string): MachineReferenceArg {
  const eq = value.indexOf('=');
  if (eq > 0 && !existsSync(value)) {
    const generator = value.slice(0, eq).trim();
    const file = value.slice(eq + 1);
    if (!generator || !file)
      throw new FileInputError(
        `--machine-reference "${value}": give <generator>=<file> or just <file>`,
      );
    return { file, generator };
  }
  return { file: value, generator: basename(value, extname(value)) };
}

/**
 * Folds every machine reference and refuses one below `MIN_MACHINE_REFERENCE_RECORDS` scored records
 * with a `FileInputError` naming the file (exit 2). Separation from the human reference is checked
 * later, by the calibration, which falls back to the human reference alone and says so.
 */
export async function loadMachineReferences(
  args: MachineReferenceArg[],
  fold: (file: string) => Promise<AnalysisPartial>,
): Promise<MachineReferenceInput[]> {
  const out: MachineReferenceInput[] = [];
  for (const a of args) {
    const evidence = await fold(a.file);
    const check = checkMachineReference(evidence);
    if (check.records < MIN_MACHINE_REFERENCE_RECORDS) {
      throw new FileInputError(
        `${a.file}: the machine reference has ${check.records} records with text; at least ${MIN_MACHINE_REFERENCE_RECORDS} are needed (40 or more recommended): generate more records with ${a.generator}`,
      );
    }
    out.push({ evidence, generator: a.generator, name: basename(a.file) });
  }
  return out;
}
