/** Audit sentences about vendor contacts (added, changed, removed); names are shown as text. */

/** The contact an event names (`detail.contact`), or undefined. */
export function contactName(d: Record<string, unknown>): string | undefined {
  const c = d.contact as { name?: unknown } | undefined;
  return c && typeof c.name === 'string' ? c.name : undefined;
}

const fieldWords: Record<string, string> = {
  name: 'name',
  email: 'e-mail',
  sections: 'assigned sections',
};

/** One sentence for a `contact_added`, `contact_changed` or `contact_removed` event. */
export function contactSentence(type: string, d: Record<string, unknown>): string {
  const who = contactName(d) ?? 'a vendor contact';
  const email = typeof d.email === 'string' ? ` (${d.email})` : '';
  if (type === 'contact_added') return `Added ${who}${email} as a vendor contact.`;
  if (type === 'contact_removed')
    return `Removed ${who}${email} as a vendor contact; their link stopped working.`;
  const changes = Array.isArray(d.changes) ? (d.changes as { field: string }[]) : [];
  const what = changes.map((c) => fieldWords[c.field] ?? 'details');
  return what.length
    ? `Changed the ${what.join(' and ')} of vendor contact ${who}.`
    : `Changed vendor contact ${who}.`;
}
