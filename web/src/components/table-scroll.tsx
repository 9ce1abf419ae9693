/**
 * The box a wide table scrolls sideways in: a named region (a labelled section) people can reach
 * with Tab and scroll with the arrow keys (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
import type { ComponentChildren } from 'preact';

/** Wraps a table; `label` names the region (usually the table's caption or heading). */
export function TableScroll(props: { label: string; class?: string; children: ComponentChildren }) {
  return (
    <section
      class={props.class ? `table-scroll ${props.class}` : 'table-scroll'}
      aria-label={props.label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
      tabIndex={0}
    >
      {props.children}
    </section>
  );
}
