import { escapeMarkdown as md } from './markdown-escape';
import type { DraftItem, VendorDraft } from './vendor-draft';

const STATUS: Record<DraftItem['status'], string> = {
  answered: 'answered',
  measured: 'measured only (no answer yet)',
  to_complete: 'to complete',
};

function itemLines(item: DraftItem): string[] {
  const lines = [
    `## ${md(`${item.ref} ${item.title}`)}`,
    '',
    `Status: ${md(STATUS[item.status])}`,
    '',
  ];
  for (const a of item.answers) lines.push(`- ${md(a.prompt)}: ${md(a.text)}`);
  for (const m of item.measurements) {
    const where = m.ref.includes('.') ? ` ${md(`(${m.ref.split('.')[0]} sample)`)}` : '';
    lines.push(`- Measured${where}: ${md(`${m.label}: ${m.text}`)}`);
  }
  if (item.note) lines.push(`- ${md(item.note)}`);
  if (item.answers.length + item.measurements.length === 0 && !item.note)
    lines.push('- To complete\\.');
  lines.push('');
  return lines;
}

/**
 * The draft as Markdown: the notice first (a draft, not legal advice, when and from which
 * answers), then one section per item. Every text, the vendor's answers above all, is
 * Markdown-escaped, so nothing in it becomes a link, an HTML tag or a heading.
 */
export function draftMarkdown(d: VendorDraft): string {
  const s = d.framework.source;
  const head = [
    `# ${md(`Draft: ${d.framework.title}`)}`,
    '',
    `> **${md('Draft, not legal advice.')}** ${md(d.notice)}`,
    '',
    `Dataset: ${md(d.dataset.name)}. Vendor: ${md(d.vendor.name)}.`,
    '',
    `Item list from: ${md(`${s.title}, ${s.publisher}, ${s.date}, ${s.url}`)}`,
    '',
    md(
      `${d.items.length} items: ${d.counts.answered} answered, ${d.counts.measured} measured only, ${d.counts.toComplete} to complete.`,
    ),
    '',
  ];
  return [...head, ...d.items.flatMap(itemLines)].join('\n');
}
