import { type WebhookEvent, type WebhookFormat, webhookEventLabels } from './types';

/** Slack's three control characters, escaped so vendor text never becomes a mention or link. */
export const escapeSlack = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown characters Teams' text renders, escaped with a backslash so vendor text stays text. */
export const escapeTeams = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, (c) => `\\${c}`);

/** The human fields of an event's data, in a fixed order, as "label: value" lines. */
const fields: [key: string, label: string][] = [
  ['vendor', 'Vendor'],
  ['dataset', 'Dataset'],
  ['decision', 'Decision'],
  ['fileName', 'File'],
  ['reason', 'Reason'],
  ['dueAt', 'Due'],
];

/** A plain-text summary of an event: its label, then the fields it carries, then its link. */
export function eventLines(e: WebhookEvent): { title: string; lines: string[]; url?: string } {
  const lines = fields
    .filter(([k]) => typeof e.data[k] === 'string' || typeof e.data[k] === 'number')
    .map(([k, label]) => `${label}: ${String(e.data[k])}`);
  const url = typeof e.data.url === 'string' ? e.data.url : undefined;
  return { title: webhookEventLabels[e.type], lines, url };
}

/** The request body for an endpoint's format: the event itself, or a Slack or Teams message. */
export function formatBody(format: WebhookFormat, e: WebhookEvent): string {
  if (format === 'json') return JSON.stringify(e);
  const { title, lines, url } = eventLines(e);
  if (format === 'slack') {
    const text = [`*${escapeSlack(title)}*`, ...lines.map(escapeSlack)];
    if (url) text.push(`<${encodeURI(url)}|Open in Diligence>`);
    return JSON.stringify({ text: text.join('\n') });
  }
  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: escapeTeams(title), weight: 'Bolder', wrap: true },
    ...lines.map((l) => ({ type: 'TextBlock', text: escapeTeams(l), wrap: true })),
  ];
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(url ? { actions: [{ type: 'Action.OpenUrl', title: 'Open in Diligence', url }] } : {}),
  };
  return JSON.stringify({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
}
