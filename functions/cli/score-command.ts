import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { type Analysis, type FieldMapping, finalize } from '../core/analysis';
import { applyReferences } from '../core/analysis/reference';
import { computePack } from '../core/frameworks';
import { type Answers, getTemplate, missingRequired, validateAnswers } from '../core/questionnaire';
import { croissantExport } from '../core/report/croissant';
import {
  defaultPolicy,
  evidenceLabels,
  maturityRubric,
  type ScoredReport,
  score,
  withHash,
} from '../core/scoring';
import { loadPacks, matchLines } from './fingerprint-load';
import { FileInputError, foldFile as fold, textFields } from './fold-file';
import { formatPack, frameworkArg } from './framework-output';
import type { CliIo } from './io';
import { loadMachineReferences, parseMachineReference } from './machine-references';
import { referenceName } from './reference-name';

const USAGE =
  'Usage: diligence score --answers <answers.json> [--sample <file>] [--holdout <file>] [--reference <file>] [--machine-reference [<generator>=]<file> ...] [--fingerprints <pack> ...] [--key-file <file>] [--text <field>] [--label <field>] [--framework <id>] [--json | --croissant]\n';
const TEMPLATE_ID = 'ai-training-data';

/** Bad usage or unreadable input: exit code 2. */
class InputError extends FileInputError {}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        answers: { type: 'string' },
        sample: { type: 'string' },
        holdout: { type: 'string' },
        reference: { type: 'string' },
        'machine-reference': { type: 'string', multiple: true },
        text: { type: 'string' },
        label: { type: 'string' },
        fingerprints: { type: 'string', multiple: true },
        'key-file': { type: 'string' },
        framework: { type: 'string' },
        json: { type: 'boolean', default: false },
        croissant: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n${USAGE}`);
  }
}

function jsonErrorAt(text: string, message: string): string {
  // Node 22 appends "(line L column C)" to the message; Node 20 only gives the offset.
  const detail = message.replace(/\s*\(line \d+ column \d+\)$/, '');
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return message;
  const before = text.slice(0, Number(position)).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${detail}`;
}

async function readAnswers(file: string): Promise<Answers> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: invalid JSON, ${jsonErrorAt(text, (e as Error).message)}`);
  }
  const template = getTemplate(TEMPLATE_ID);
  if (!template) throw new Error(`built-in template ${TEMPLATE_ID} is missing`);
  const checked = validateAnswers(template, parsed, { partial: true });
  if (!checked.ok) {
    const lines = checked.errors.map((e) => `  ${e.path || '(the file)'}: ${e.message}`);
    throw new InputError(
      `${file}: answers do not fit template "${TEMPLATE_ID}":\n${lines.join('\n')}`,
    );
  }
  return parsed as Answers;
}

async function analyses(
  values: {
    sample?: string;
    holdout?: string;
    reference?: string;
    'machine-reference'?: string[];
    text?: string;
    label?: string;
    fingerprints?: string[];
    'key-file'?: string;
  },
  io: CliIo,
  now: Date,
): Promise<{ training?: Analysis; holdout?: Analysis }> {
  const fields: Partial<FieldMapping> = {};
  const text = textFields(values.text);
  if (text) fields.text = text;
  if (values.label) fields.label = values.label;
  if (values.reference && !values.sample)
    throw new InputError(`--reference calibrates the --sample: give a --sample too\n${USAGE}`);
  if (values.fingerprints?.length && !values.sample)
    throw new InputError(
      `--fingerprints are matched against the --sample: give a --sample too\n${USAGE}`,
    );
  const fingerprints = await loadPacks(values.fingerprints ?? [], values['key-file']);
  const training = values.sample ? await fold(values.sample, io, fields) : undefined;
  const holdout = values.holdout ? await fold(values.holdout, io, fields) : undefined;
  const machineArgs = (values['machine-reference'] ?? []).map(parseMachineReference);
  if (machineArgs.length && !values.reference)
    throw new InputError(
      `--machine-reference needs a human --reference of the same domain too\n${USAGE}`,
    );
  const reference = values.reference ? await fold(values.reference, io, {}) : undefined;
  const machines = await loadMachineReferences(machineArgs, (f) => fold(f, io, {}));
  const calibrate = (a: Analysis): Analysis =>
    reference && values.reference
      ? applyReferences(a, reference, machines, { name: referenceName(values.reference) })
      : a;
  return {
    ...(training
      ? {
          training: calibrate(
            finalize(training, { now, fingerprints, ...(holdout ? { holdout } : {}) }),
          ),
        }
      : {}),
    ...(holdout ? { holdout: calibrate(finalize(holdout, { now })) } : {}),
  };
}

function summary(report: ScoredReport, file: string, unanswered: number): string {
  const title = (id: string) => maturityRubric.find((d) => d.id === id)?.title ?? id;
  const lines = [
    `diligence score ${file} (template ${report.templateId} v${report.templateVersion}, policy v${report.policyVersion})`,
    `  collapse risk  ${report.risk.score}/100 (${report.risk.tier})`,
    `  maturity       level ${report.maturity.level} of 4`,
    ...report.maturity.dimensions.map((d) => `    ${title(d.id).padEnd(34)}${d.level}`),
    '',
    'Risk factors (points, source):',
    ...report.risk.factors.flatMap((f) => [
      `  ${f.points.toFixed(1).padStart(5)}  ${f.id} [${f.source}]: ${f.reason}`,
      `         fix: ${f.remediation}`,
    ]),
  ];
  if (report.discrepancies.length > 0) {
    lines.push('', 'Claims the sample contradicts:');
    for (const d of report.discrepancies) lines.push(`  ${d.questionId}: ${d.message}`);
  }
  if (report.claimChecks.length > 0) {
    lines.push('', 'Claim checks (status, evidence):');
    for (const c of report.claimChecks)
      lines.push(`  ${c.questionId}: ${c.status}, ${evidenceLabels[c.evidence]}. ${c.message}`);
  }
  for (const s of report.samples)
    for (const line of matchLines(s))
      lines.push('', `Fingerprint match in the ${s.role} sample: ${line}`);
  if (report.samples.length === 0)
    lines.push('', 'No sample given (--sample): the claims were not checked, which adds risk.');
  if (unanswered > 0)
    lines.push('', `${unanswered} required question(s) unanswered: they count as risk.`);
  lines.push('', `sha256 ${report.sha256}`, '');
  return lines.join('\n');
}

/** `diligence score --answers <file> [--sample <file>] [--holdout <file>] [--json]`: scores offline with the default policy. */
export async function runScore(args: string[], io: CliIo): Promise<number> {
  try {
    const { values } = parse(args);
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (!values.answers) throw new InputError(`--answers <answers.json> is required\n${USAGE}`);
    const framework = frameworkArg(values.framework);
    const answers = await readAnswers(values.answers);
    const template = getTemplate(TEMPLATE_ID);
    if (!template) throw new Error(`built-in template ${TEMPLATE_ID} is missing`);
    const now = new Date();
    const samples = await analyses(values, io, now);
    const assessmentId = basename(values.answers, extname(values.answers));
    const report = withHash(
      score({ assessmentId, answers, template, analyses: samples, policy: defaultPolicy, now }),
    );
    const unanswered = missingRequired(template, answers).length;
    if (values.croissant) {
      const doc = croissantExport({ report, answers, template });
      io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
      return 0;
    }
    const pack = framework ? computePack(framework, { report, answers, template }) : undefined;
    io.stdout.write(
      values.json
        ? `${JSON.stringify(pack ? { ...report, framework: pack } : report, null, 2)}\n`
        : summary(report, values.answers, unanswered) + (pack ? `\n${formatPack(pack)}` : ''),
    );
    return 0;
  } catch (e) {
    if (e instanceof FileInputError) {
      io.stderr.write(`diligence score: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`diligence score: failed: ${(e as Error).message}\n`);
    return 1;
  }
}
