/** The report headline in words: one-sentence summary, what caps maturity, evidence warnings. */
import { plainText } from '../../../../functions/core/report/plain-words';
import type { ScoredReport } from '../../api/domain';
import { percent, tierLabel } from '../../format';

/** What the headline needs besides the report: labels of ids and question titles. */
export interface HeadlineContext {
  labels: Map<string, string>;
  critical: Set<string>;
  questionTitles: Map<string, string>;
}

/** A finding of some sample, with the sample's role. */
export interface RankedFinding {
  id: string;
  severity: 'info' | 'low' | 'medium' | 'high' | 'critical';
  message: string;
  role: 'training' | 'holdout';
}

const rank = { critical: 0, high: 1, medium: 2, low: 3, info: 4 } as const;
const fewRecords = 200;

/** Which dimension holds the overall maturity level down, in a sentence fragment. */
export function maturityCap(report: ScoredReport, ctx: HeadlineContext): string {
  const dims = report.maturity.dimensions;
  if (dims.length === 0) return '';
  const name = (id: string) => `“${ctx.labels.get(id) ?? 'an unnamed dimension'}”`;
  const average = Math.floor(dims.reduce((sum, d) => sum + d.level, 0) / dims.length);
  const cappers = dims.filter((d) => ctx.critical.has(d.id) && d.level === report.maturity.level);
  if (report.maturity.level < average && cappers.length) {
    return `capped by ${cappers.map((d) => name(d.id)).join(' and ')} (a critical dimension at level ${report.maturity.level})`;
  }
  const lowest = [...dims].sort((a, b) => a.level - b.level)[0];
  return lowest ? `its weakest dimension is ${name(lowest.id)} at level ${lowest.level}` : '';
}

/** One sentence a reader can act on. */
export function summarySentence(report: ScoredReport, ctx: HeadlineContext): string {
  const score = Math.round(report.risk.score);
  const top = [...report.risk.factors].sort((a, b) => b.points - a.points)[0];
  const cap = maturityCap(report, ctx);
  const contradicted = report.discrepancies.length;
  const parts = [
    `Collapse risk is ${score} of 100 (${tierLabel(report.risk.tier).toLowerCase()}) and maturity ${report.maturity.level} of 4${cap ? `, ${cap}` : ''}`,
    top
      ? `the largest risk is “${ctx.labels.get(top.id) ?? 'an unnamed factor'}” (${Math.round(top.points)} points)`
      : 'no risk factor applies',
  ];
  if (contradicted) {
    parts.push(
      `the sample contradicts ${contradicted === 1 ? 'one claim' : `${contradicted} claims`}`,
    );
  }
  return `${parts.join('; ')}.`;
}

/** Warnings about evidence the report stands on: missing, small or broken samples, unverified claims. */
export function evidenceWarnings(report: ScoredReport, ctx: HeadlineContext): string[] {
  const warnings: string[] = [];
  if (report.samples.length === 0) {
    warnings.push('No sample was analyzed, so none of the answers could be checked against data.');
  }
  for (const s of report.samples) {
    const which = s.role === 'holdout' ? 'holdout sample' : 'training sample';
    const name = s.fileName ? `${which} “${s.fileName}”` : `The ${which}`;
    const malformed = s.input.malformed ?? 0;
    // An archive of images counts images, not records or lines.
    const unit = s.images ? 'image' : 'record';
    if (malformed > 0) {
      const share = percent(malformed / Math.max(1, malformed + s.input.records));
      const what = s.images
        ? `${malformed} image${malformed === 1 ? '' : 's'} (${share}) that could not be decoded and ${malformed === 1 ? 'was' : 'were'} left out.`
        : `${malformed} malformed line${malformed === 1 ? '' : 's'} (${share}) that could not be read and were left out.`;
      warnings.push(`${capital(name)} had ${what}`);
    }
    if (s.input.records < fewRecords) {
      warnings.push(
        `${capital(name)} has only ${s.input.records} ${unit}${s.input.records === 1 ? '' : 's'}: its measurements are rough.`,
      );
    }
  }
  const checks = (
    report as { claimChecks?: { questionId: string; status: string; message: string }[] }
  ).claimChecks;
  for (const c of checks ?? []) {
    if (c.status !== 'unverified') continue;
    const title = ctx.questionTitles.get(c.questionId) ?? 'a claim';
    warnings.push(`The claim “${title}” could not be verified: ${plainText(c.message)}`);
  }
  return warnings;
}

/** Every finding of every sample, most severe first (stable within a severity), in plain words. */
export function rankedFindings(report: ScoredReport): RankedFinding[] {
  return report.samples
    .flatMap((s) => s.findings.map((f) => ({ ...f, role: s.role })))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map(({ f }) => ({
      id: f.id,
      severity: f.severity,
      message: plainText(f.message),
      role: f.role,
    }));
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
