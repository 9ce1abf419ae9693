/** A labelled form control with hint and inline error, wired with aria-describedby. */
import type { ComponentChildren, InputHTMLAttributes } from 'preact';

/** Ids the control should carry so its label, hint and error are announced with it. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Wraps one control: `children` must render an element with `id`. */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ComponentChildren;
}) {
  const { id, label, hint, error, required, children } = props;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {label}
        {required ? <span class="required"> (required)</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p class="error-text" id={`${id}-error`}>
          <span aria-hidden="true">✖ </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Input types the forms use. */
export type InputKind = 'text' | 'email' | 'date' | 'number';

/** Spreads a computed input `type`; Preact's types only accept a literal per element. */
export function inputType(kind: InputKind): InputHTMLAttributes<HTMLInputElement> {
  return { type: kind } as InputHTMLAttributes<HTMLInputElement>;
}
