import { parseArgs } from 'node:util';
import type { FieldMapping } from '../core/analysis';
import { finalize } from '../core/analysis';
import { compareDeliveries, type DeliveryComparison } from '../core/analysis/compare';
import { type ContractResult, evaluateContract } from '../core/assessment/contract';
import { defaultPolicy } from '../core/scoring';
import { CompareInputError, foldDelivery, textFields } from './compare-fold';
import { ContractFileError, contractExit, contractSummary, loadContract } from './contract-file';
import type { CliIo } from './io';

const USAGE =
  'Usage: diligence compare <previous> <current> [--text <field>] [--label <field>] [--previous-text <field>] [--current-text <field>] [--contract <file>] [--json]\n';

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        text: { type: 'string' },
        label: { type: 'string' },
        'previous-text': { type: 'string' },
        'current-text': { type: 'string' },
        contract: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CompareInputError((e as Error).message);
  }
}

const round = (x: number | string | null) =>
  typeof x === 'number' ? String(Math.round(x * 1e4) / 1e4) : String(x ?? '–');

function summary(c: DeliveryComparison, previous: string, current: string): string {
  const lines = [
    `diligence compare ${previous} → ${current}`,
    `  verdict        ${c.degraded ? 'DEGRADED' : 'not degraded'}`,
    `  recycled       ${round(c.overlap.nearRate * 100)} % of current records repeat previous ones (${round(c.overlap.exactRate * 100)} % exactly)`,
    `  drift          vocabulary JSD ${round(c.drift.vocabularyJsd)}, label JSD ${round(c.drift.labelJsd)}`,
    `  records        ${c.basis.previousRecords} → ${c.basis.currentRecords}; diversity on ${c.basis.diversityTokens} tokens each`,
    '',
    'Changes (previous → current, change, noise):',
    ...c.changes.map(
      (m) =>
        `  ${m.metric.padEnd(28)}${round(m.previous)} → ${round(m.current)}  (${round(m.change)}${m.noise === undefined ? '' : `, ±${round(m.noise)}`})`,
    ),
    '',
    'Findings:',
    ...c.findings.map((f) => `  [${f.severity}] ${f.message}`),
    '',
  ];
  return lines.join('\n');
}

/** `diligence compare <previous> <current> [--contract <file>]`: compares two deliveries; exit 0 whether or not degraded, 1 when a contract condition breaks. */
export async function runCompare(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parse(args);
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 2)
      throw new CompareInputError(
        `expected two files (the previous and the current delivery), got ${positionals.length}`,
      );
    const [previousFile, currentFile] = positionals as [string, string];
    const conditions = values.contract ? await loadContract(values.contract) : undefined;
    const fieldsFor = (own: string | undefined): Partial<FieldMapping> => {
      const text = textFields(own ?? values.text);
      return { ...(text ? { text } : {}), ...(values.label ? { label: values.label } : {}) };
    };
    const previous = await foldDelivery(previousFile, io, fieldsFor(values['previous-text']));
    const current = await foldDelivery(currentFile, io, fieldsFor(values['current-text']));
    const now = new Date();
    const comparison = compareDeliveries(
      { partial: previous },
      { partial: current },
      { thresholds: defaultPolicy.thresholds, now },
    );
    let contract: ContractResult | undefined;
    if (conditions) contract = evaluateContract(conditions, finalize(current, { now }), comparison);
    io.stdout.write(
      values.json
        ? `${JSON.stringify(contract ? { ...comparison, contract } : comparison, null, 2)}\n`
        : summary(comparison, previousFile, currentFile) +
            (contract ? contractSummary(contract) : ''),
    );
    return contractExit(contract);
  } catch (e) {
    if (e instanceof ContractFileError) {
      io.stderr.write(`diligence compare: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CompareInputError) {
      io.stderr.write(`diligence compare: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.stderr.write(`diligence compare: failed: ${(e as Error).message}\n`);
    return 1;
  }
}
