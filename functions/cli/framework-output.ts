import type { Framework } from '../core/frameworks';
import { FRAMEWORK_IDS, type FrameworkPack, getFramework } from '../core/frameworks';
import { FileInputError } from './fold-file';

/** The framework `--framework` names, or a usage error listing the valid ids. */
export function frameworkArg(id: string | undefined): Framework | undefined {
  if (id === undefined) return undefined;
  const f = getFramework(id);
  if (!f)
    throw new FileInputError(
      `--framework ${JSON.stringify(id)} is not a framework Diligence maps; use one of: ${FRAMEWORK_IDS.join(', ')}`,
    );
  return f;
}

const MARK: Record<FrameworkPack['items'][number]['status'], string> = {
  contradicted: 'CONTRADICTED',
  measured: 'measured',
  answered: 'answered',
  missing: 'MISSING',
};

/** A framework pack as text for the terminal: counts, then each item with its evidence. */
export function formatPack(p: FrameworkPack): string {
  const c = p.counts;
  const lines = [
    `${p.title} (${p.id}; source: ${p.source.title}, ${p.source.url})`,
    `  ${c.contradicted} contradicted, ${c.measured} measured, ${c.answered} answered, ${c.missing} missing`,
  ];
  for (const i of p.items) {
    lines.push(`  ${MARK[i.status].padEnd(13)}${i.ref}  ${i.title}`);
    for (const e of i.evidence) lines.push(`${' '.repeat(15)}${e.kind}: ${e.text}`);
  }
  return `${lines.join('\n')}\n`;
}
