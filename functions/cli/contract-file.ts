import { readFile } from 'node:fs/promises';
import {
  type ContractCondition,
  ContractInvalidError,
  type ContractResult,
  parseContract,
  resultWords,
} from '../core/assessment/contract';

/** A contract file that cannot be read or does not parse (the CLI exits 2). */
export class ContractFileError extends Error {}

/** Reads and validates a delivery contract file (`{ conditions: [...] }`). */
export async function loadContract(file: string): Promise<ContractCondition[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ContractFileError(`cannot read contract ${file}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ContractFileError(`contract ${file} is not JSON: ${(e as Error).message}`);
  }
  try {
    return parseContract(doc);
  } catch (e) {
    if (e instanceof ContractInvalidError)
      throw new ContractFileError(
        `invalid contract ${file}:\n${e.errors.map((x) => `  ${x.path}: ${x.message}`).join('\n')}\n  (a contract is { "conditions": [{ "metric", "max"?, "min"?, "source"?, "note"? }] })`,
      );
    throw e;
  }
}

/** The contract's outcome as summary lines for people. */
export function contractSummary(r: ContractResult): string {
  const head = r.held
    ? 'Contract: every condition held'
    : `Contract: ${r.broken} broken, ${r.unmeasurable} not measurable`;
  return [head, ...r.conditions.map((c) => `  ${resultWords(c)}`), ''].join('\n');
}

/** The exit code a checked contract asks for: 1 when a condition broke (not-measurable ones are reported, not failed). */
export const contractExit = (r: ContractResult | undefined): number => (r && r.broken > 0 ? 1 : 0);
