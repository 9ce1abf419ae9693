/**
 * axe-core in Chromium: injects node_modules/axe-core/axe.min.js into a page, runs every rule
 * (WCAG 2.x A/AA and best practices) and reports the serious and critical violations in words a
 * failing test can print.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** One violated rule on one page, with the elements it was found on. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/** The impacts that fail the suite. */
export const failingImpacts = ['serious', 'critical'];

/**
 * Runs axe on the page as it is now; returns the serious and critical violations (`all` adds the
 * minor and moderate ones). Injects axe once per document, through the DevTools protocol rather
 * than a script tag: the app's strict CSP (script-src 'self') refuses inline scripts, rightly.
 */
export async function axeViolations(page: Page, all = false): Promise<AxeFinding[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) {
    axeSource ??= readFileSync(axePath, 'utf8');
    await page.evaluate(axeSource);
  }
  const result = (await page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global the script tag added
    (window as any).axe.run(document, { resultTypes: ['violations'] }),
  )) as AxeResult;
  return result.violations
    .filter((v) => all || failingImpacts.includes(v.impact ?? ''))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.trim()),
    }));
}

/** The findings as lines a person can act on: rule, impact, help and each element. */
export function describeFindings(where: string, findings: AxeFinding[]): string {
  if (findings.length === 0) return `${where}: no serious or critical violations`;
  const lines = [`${where}: ${findings.length} serious or critical rule(s) violated`];
  for (const f of findings) {
    lines.push(`  [${f.impact}] ${f.id}: ${f.help} (${f.nodes.length} element(s))`);
    for (const node of f.nodes.slice(0, 8)) lines.push(`    - ${node.replace(/\s+/g, ' ')}`);
  }
  return lines.join('\n');
}

/** How many elements the findings name in all. */
export const nodeCount = (findings: AxeFinding[]) =>
  findings.reduce((sum, f) => sum + f.nodes.length, 0);
