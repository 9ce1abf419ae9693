/**
 * "Your own disclosures": a vendor that trains or sells for training may have to publish a summary
 * of its training data (California AB 2013, the EU summary for general-purpose AI models). It
 * downloads a draft prefilled from its answers and its sample's measurements, as a Markdown file.
 */
import { useState } from 'preact/hooks';
import { DRAFT_DOWNLOADS, downloadFrameworkDraft } from '../../api/vendor';
import { errorMessage } from '../../components/feedback';

interface Props {
  /** Saves pending answers first, so the draft holds what the page shows. */
  flush?: () => Promise<unknown>;
}

/** Two small download buttons with a plain notice that the files are drafts, not legal advice. */
export function FrameworkDrafts({ flush }: Props) {
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const run = async (framework: string) => {
    setError(undefined);
    setBusy(framework);
    try {
      await flush?.();
      await downloadFrameworkDraft(framework);
    } catch (e) {
      setError(`The download failed: ${errorMessage(e)}`);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section class="card stack" data-testid="framework-drafts" aria-labelledby="drafts-heading">
      <h3 id="drafts-heading" class="inline-heading">
        Your own disclosures
      </h3>
      <p class="small">
        If you must publish a summary of your training data, start from a draft filled in from your
        answers and the measurements of your sample. It is a draft, not legal advice: check every
        item and complete the ones marked "to complete".
      </p>
      <div class="inline">
        {DRAFT_DOWNLOADS.map((d) => (
          <button
            key={d.framework}
            type="button"
            class="button secondary small"
            disabled={busy !== undefined}
            onClick={() => void run(d.framework)}
          >
            {busy === d.framework ? 'Preparing the draft…' : `${d.label} (Markdown)`}
          </button>
        ))}
      </div>
      {error ? (
        <p role="alert" class="error small">
          {error}
        </p>
      ) : null}
    </section>
  );
}
