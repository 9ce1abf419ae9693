/** "Report updating": shown while a re-score runs, with polling until it is done. */
import { Notice } from '../../components/feedback';

/** The notice itself: what is happening, and that the page updates on its own. */
export function ReportUpdating({ gaveUp }: { gaveUp: boolean }) {
  return (
    <Notice>
      <p data-testid="report-updating">
        <strong>Report updating.</strong>{' '}
        {gaveUp
          ? 'Scoring is taking longer than usual; press Refresh to check again.'
          : 'The latest answers and samples are being scored; this page updates when the new report is ready.'}
      </p>
    </Notice>
  );
}
