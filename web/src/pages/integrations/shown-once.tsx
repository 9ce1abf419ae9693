/** A secret shown once, with a copy button. */
import { useState } from 'preact/hooks';

/** Shows `value` (a token or signing secret) once, saying it will not be shown again. */
export function ShownOnce({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="card" role="status" data-testid="shown-once">
      <p>
        <strong>{label}</strong> — copy it now: it is not shown again.
      </p>
      <p>
        <code class="break-all">{value}</code>
      </p>
      <button
        type="button"
        class="button secondary small"
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => undefined);
          setCopied(true);
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
