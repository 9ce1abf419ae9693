/** "Take the report away": print, PDF, signed bundle, CSV and Croissant downloads. */
import { useState } from 'preact/hooks';
import { download, REPORT_DOWNLOADS, reportDownloadPath } from '../../api/report-exports';

/** The download bar of one report version (hidden when printing). */
export function ReportDownloads(props: { assessmentId: string; version: number }) {
  const { assessmentId, version } = props;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (kind: string, suffix: string) => {
    setBusy(kind);
    setError(null);
    try {
      await download(
        reportDownloadPath(assessmentId, version, kind),
        `report-v${version}${suffix}`,
      );
    } catch (e) {
      setError(`The download failed: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card no-print report-downloads" aria-labelledby="downloads-heading">
      <h3 id="downloads-heading">Take the report away</h3>
      <div class="button-row">
        <button type="button" class="button secondary small" onClick={() => window.print()}>
          Print
        </button>
        {REPORT_DOWNLOADS.map((d) => (
          <button
            key={d.kind}
            type="button"
            class="button secondary small"
            disabled={busy !== null}
            onClick={() => get(d.kind, d.suffix)}
          >
            {busy === d.kind ? 'Preparing…' : d.label}
          </button>
        ))}
      </div>
      <p class="muted small">
        The bundle is signed with this portal's key: anyone can check it offline with{' '}
        <code>
          npx diligence verify report-v{version}.json --keys {window.location.origin}
          /.well-known/diligence-keys.json
        </code>
        .
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
