/** "Download the list (CSV)": every assessment with status, due date, score and decision. */
import { useState } from 'preact/hooks';
import { download } from '../../api/report-exports';

/** The CSV download of the organization's assessments, with its own error line. */
export function ExportListButton() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const day = new Date().toISOString().slice(0, 10);
      await download('/api/exports/assessments.csv', `assessments-${day}.csv`);
    } catch (e) {
      setError(`The download failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="export-list">
      <button type="button" class="button secondary small" onClick={run} disabled={busy}>
        {busy ? 'Preparing the CSV…' : 'Download the list (CSV)'}
      </button>
      <span class="muted small"> status, due date, score (blank until submitted), decision</span>
      {error ? (
        <p role="alert" class="error small">
          {error}
        </p>
      ) : null}
    </div>
  );
}
