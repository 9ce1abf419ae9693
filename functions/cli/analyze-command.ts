import { createReadStream } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  AnalysisInputError,
  type AnalysisPartial,
  type FieldMapping,
  FORMATS,
  finalize,
  foldSource,
  type InputFormat,
} from '../core/analysis';
import { applyReferences } from '../core/analysis/reference';
import { type ContractResult, evaluateContract } from '../core/assessment/contract';
import { ContractFileError, contractExit, contractSummary, loadContract } from './contract-file';
import { loadPacks } from './fingerprint-load';
import { FileInputError } from './fold-file';
import type { CliIo } from './io';
import { loadMachineReferences, parseMachineReference } from './machine-references';
import { progressReporter } from './progress';
import { referenceName } from './reference-name';
import { formatSummary } from './summary';

class UsageError extends Error {}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        holdout: { type: 'string' },
        reference: { type: 'string' },
        'machine-reference': { type: 'string', multiple: true },
        text: { type: 'string' },
        label: { type: 'string' },
        source: { type: 'string' },
        format: { type: 'string' },
        fingerprints: { type: 'string', multiple: true },
        'key-file': { type: 'string' },
        contract: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function fold(
  file: string,
  io: CliIo,
  options: { format?: InputFormat; fields: Partial<FieldMapping> },
) {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new AnalysisInputError(`cannot read ${file}: no such file or no permission`);
  }
  const progress = progressReporter(io, file);
  try {
    return await foldSource(createReadStream(file, { highWaterMark: 1 << 20 }), {
      fileName: file,
      // the file's size fixes the style sampling rate before the pass, as in the product
      sizeBytes: (await stat(file)).size,
      format: options.format,
      fields: options.fields,
      onProgress: progress.update,
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EISDIR' || code === 'EACCES' || code === 'ENOENT') {
      throw new AnalysisInputError(`cannot read ${file}: ${(e as Error).message}`, { cause: e });
    }
    if (e instanceof AnalysisInputError)
      throw new AnalysisInputError(`${file}: ${e.message}`, { cause: e });
    throw e;
  } finally {
    progress.done();
  }
}

/** `diligence analyze <file> [--holdout <file>] [--reference <file>] [--machine-reference <file>…] [--text <field>] [--label <field>] [--source <field>] [--json]`; resolves to the exit code. */
export async function runAnalyze(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parse(args);
    if (values.help) {
      io.stdout.write(
        'Usage: diligence analyze <file> [--holdout <file>] [--reference <file>] [--machine-reference [<generator>=]<file> ...] [--fingerprints <pack> ...] [--key-file <file>] [--contract <file>] [--text <field>] [--label <field>] [--source <field>] [--format <fmt>] [--json]\n',
      );
      return 0;
    }
    if (positionals.length !== 1)
      throw new UsageError(`expected one file to analyze, got ${positionals.length}`);
    const file = positionals[0] as string;
    if (values.format && !FORMATS.includes(values.format as InputFormat)) {
      throw new UsageError(`unknown --format "${values.format}" (use ${FORMATS.join(', ')})`);
    }
    const fields: Partial<FieldMapping> = {};
    if (values.text) {
      const parts = values.text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      fields.text = parts.length === 1 ? (parts[0] as string) : parts;
    }
    if (values.label) fields.label = values.label;
    if (values.source) fields.source = values.source;
    const format = values.format as InputFormat | undefined;
    const machineArgs = (values['machine-reference'] ?? []).map(parseMachineReference);
    if (machineArgs.length && !values.reference)
      throw new UsageError(
        '--machine-reference needs a human --reference of the same domain too (the mixture has two sides)',
      );
    const conditions = values.contract ? await loadContract(values.contract) : undefined;
    const fingerprints = await loadPacks(values.fingerprints ?? [], values['key-file']);
    const training = await fold(file, io, { format, fields });
    let holdout: AnalysisPartial | undefined;
    if (values.holdout) holdout = await fold(values.holdout, io, { format, fields });
    let analysis = finalize(training, { holdout, now: new Date(), fingerprints });
    if (values.reference) {
      // the reference is read with its own field detection: it is a different file
      const reference = await fold(values.reference, io, { format, fields: {} });
      const machines = await loadMachineReferences(machineArgs, (f) =>
        fold(f, io, { format, fields: {} }),
      );
      analysis = applyReferences(analysis, reference, machines, {
        name: referenceName(values.reference),
      });
    }
    let contract: ContractResult | undefined;
    if (conditions) contract = evaluateContract(conditions, analysis);
    io.stdout.write(
      values.json
        ? `${JSON.stringify(contract ? { ...analysis, contract } : analysis, null, 2)}\n`
        : formatSummary(analysis, file, values.holdout) +
            (contract ? contractSummary(contract) : ''),
    );
    return contractExit(contract);
  } catch (e) {
    if (e instanceof ContractFileError) {
      io.stderr.write(`diligence analyze: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(
        `diligence analyze: ${e.message}\nUsage: diligence analyze <file> [--holdout <file>] [--reference <file>] [--machine-reference [<generator>=]<file> ...] [--contract <file>] [--text <field>] [--label <field>] [--source <field>] [--json]\n`,
      );
      return 2;
    }
    if (e instanceof AnalysisInputError || e instanceof FileInputError) {
      io.stderr.write(`diligence: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`diligence: analysis failed: ${(e as Error).message}\n`);
    return 1;
  }
}
