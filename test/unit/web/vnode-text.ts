/**
 * The text a Preact element tree shows, without a DOM: pure function components are called, a
 * component that needs a render (hooks) contributes its string props (title, summary). Subtrees
 * whose `data-testid` is in `skip` are left out (e.g. the "How this was measured" disclosure).
 */
import type { VNode } from 'preact';

export function vnodeText(node: unknown, skip: ReadonlySet<string> = new Set()): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map((n) => vnodeText(n, skip)).join(' ');
  const v = node as VNode<Record<string, unknown>>;
  const props = (v.props ?? {}) as Record<string, unknown>;
  if (typeof props['data-testid'] === 'string' && skip.has(props['data-testid'])) return '';
  if (typeof v.type === 'function') {
    try {
      return vnodeText((v.type as (p: unknown) => unknown)(props), skip);
    } catch {
      return ['title', 'summary']
        .map((k) => (typeof props[k] === 'string' ? props[k] : ''))
        .join(' ');
    }
  }
  return vnodeText(props.children, skip);
}
