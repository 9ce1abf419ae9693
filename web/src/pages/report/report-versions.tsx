/** Every stored version of a report: open any one, or compare two. */
import { useState } from 'preact/hooks';
import type { Question, ScoredReport } from '../../api/domain';
import { diffReportVersions, getReportVersion, type ReportDiff } from '../../api/report-exports';
import type { ReportVersion } from '../../api/types';
import { TierBadge } from '../../components/badges';
import { TableScroll } from '../../components/table-scroll';
import { formatDateTime } from '../../format';
import { FactorTable } from './factor-table';
import { versionChange } from './version-changes';
import { VersionDiff } from './version-diff';

/** The version list with "Open" per version and a from/to comparison. */
export function ReportVersions(props: {
  assessmentId: string;
  current: number;
  versions: ReportVersion[];
  prompts: Map<string, string>;
  questions: Map<string, Question>;
}) {
  const { assessmentId, current, versions, prompts, questions } = props;
  const [opened, setOpened] = useState<ScoredReport | null>(null);
  const [diff, setDiff] = useState<ReportDiff | null>(null);
  const [from, setFrom] = useState<number>(Math.max(1, current - 1));
  const [to, setTo] = useState<number>(current);
  const [error, setError] = useState<string | null>(null);
  const items = versions;
  if (items.length < 2) return null;
  const run = async (task: () => Promise<void>) => {
    setError(null);
    try {
      await task();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section class="card no-print report-versions" aria-labelledby="versions-heading">
      <h3 id="versions-heading">Report versions</h3>
      <TableScroll label="Report versions">
        <table class="data">
          <caption class="visually-hidden">Every stored version of this report</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Generated</th>
              <th scope="col">Risk</th>
              <th scope="col">What changed</th>
              <th scope="col">
                <span class="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((v, i) => (
              <tr key={v.version}>
                <th scope="row">
                  {v.version}
                  {v.version === current ? ' (shown above)' : ''}
                </th>
                <td>{formatDateTime(v.generatedAt)}</td>
                <td>
                  <TierBadge tier={v.tier} score={Math.round(v.score)} />
                </td>
                <td class="prose" data-testid="version-change">
                  {versionChange(v, items[i - 1])}
                </td>
                <td>
                  <button
                    type="button"
                    class="button secondary small"
                    onClick={() =>
                      run(async () => setOpened(await getReportVersion(assessmentId, v.version)))
                    }
                  >
                    Open version {v.version}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <form
        class="button-row"
        onSubmit={(e) => {
          e.preventDefault();
          run(async () => setDiff(await diffReportVersions(assessmentId, from, to)));
        }}
      >
        <label>
          Compare version{' '}
          <select
            value={from}
            onChange={(e) => setFrom(Number((e.target as HTMLSelectElement).value))}
          >
            {items.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          with version{' '}
          <select value={to} onChange={(e) => setTo(Number((e.target as HTMLSelectElement).value))}>
            {items.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="button small">
          Show differences
        </button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {diff ? <VersionDiff diff={diff} prompts={prompts} questions={questions} /> : null}
      {opened ? (
        <div class="opened-version" data-testid="opened-version">
          <h4>
            Version {opened.version}, {formatDateTime(opened.generatedAt)}: score{' '}
            {Math.round(opened.risk.score)}
          </h4>
          <p class="small">
            SHA-256 <code class="hash">{opened.sha256}</code>
          </p>
          <FactorTable factors={opened.risk.factors} />
        </div>
      ) : null}
    </section>
  );
}
