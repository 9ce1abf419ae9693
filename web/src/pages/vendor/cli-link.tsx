/**
 * Where a vendor learns to check a file before uploading it: the `diligence` command runs the
 * portal's analysis on their own computer, offline. The package (`npm run cli:pack`) is handed out
 * by the buyer; the portal does not serve it.
 */

interface Props {
  /** The organization that sent the questionnaire, to ask for the package. */
  buyer?: { name: string; contactEmail: string };
}

/** A closed disclosure under the sample upload with the three commands to run. */
export function CliLink({ buyer }: Props) {
  return (
    <details class="card stack" data-testid="cli-link">
      <summary>Check a file on your computer before uploading it</summary>
      <p class="small">
        The Diligence command-line tool runs the same analysis as this page (duplicates, personal
        data, machine-made text, the fields it reads) on your own computer; nothing is sent. It
        needs Node.js 22.12 or newer and works offline.
      </p>
      <ol class="small">
        <li>
          Ask{' '}
          {buyer ? (
            <a href={`mailto:${buyer.contactEmail}`}>{buyer.contactEmail}</a>
          ) : (
            'your contact'
          )}{' '}
          for the package, <code>diligence-cli-&lt;version&gt;.tgz</code>.
        </li>
        <li>
          In an empty folder: <code>npm install --offline ./diligence-cli-&lt;version&gt;.tgz</code>
        </li>
        <li>
          <code>npx diligence analyze your-file.jsonl</code> (add <code>--text &lt;field&gt;</code>{' '}
          to choose the text field; <code>--json</code> for everything). Exit code 2 means the file
          could not be read, and the message says why.
        </li>
      </ol>
      <p class="small muted">
        Large files upload from there too:{' '}
        <code>npx diligence upload '&lt;your invitation link&gt;' your-file.jsonl</code>.
      </p>
    </details>
  );
}
