/**
 * A named vendor contact's own view: the sections assigned to them come first. The other sections
 * stay open to them too, so colleagues can cover for each other; every answer records who gave it.
 */
import type { Section } from '../../api/domain';

/** `sections` with the ones in `mine` first (each group in questionnaire order). */
export function yoursFirst<S extends Pick<Section, 'id'>>(
  sections: readonly S[],
  mine: readonly string[],
): S[] {
  const set = new Set(mine);
  return [...sections.filter((s) => set.has(s.id)), ...sections.filter((s) => !set.has(s.id))];
}

/** The greeting a contact with assigned sections reads above the questionnaire. */
export function YourSections(props: {
  you: { name: string; sections: string[] } | null | undefined;
  sections: readonly Pick<Section, 'id' | 'title'>[];
}) {
  const { you, sections } = props;
  if (!you) return null;
  const mine = sections.filter((s) => you.sections.includes(s.id)).map((s) => s.title);
  return (
    <div class="banner banner-info" role="note" data-testid="your-sections">
      <p>
        Signed in with the personal link of {you.name}.{' '}
        {mine.length
          ? `The sections assigned to you come first: ${mine.join(', ')}. You can answer the others too; each answer records who gave it.`
          : 'No sections are assigned to you: answer any of them; each answer records who gave it.'}
      </p>
    </div>
  );
}
