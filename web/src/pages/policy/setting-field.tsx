/** One numeric policy setting: label, explanation, default, value and the API's error beside it. */
import { describedBy } from '../../components/field';

/** A setting row; `error` is shown beside the field and announced with it. */
export function SettingField(props: {
  id: string;
  label: string;
  reason: string;
  defaultValue: number;
  value: string;
  changed: boolean;
  error?: string;
  readOnly: boolean;
  onInput: (value: string) => void;
}) {
  const { id, label, reason, defaultValue, value, changed, error, readOnly, onInput } = props;
  const hint = `${reason} Default: ${defaultValue}.`;
  return (
    <div class={error ? 'field setting has-error' : 'field setting'}>
      <label for={id}>
        {label}
        {changed ? <span class="changed"> (changed)</span> : null}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={value}
        readOnly={readOnly}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error ? (
        <p class="error-text" id={`${id}-error`}>
          <span aria-hidden="true">✖ </span>
          {error}
        </p>
      ) : null}
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
