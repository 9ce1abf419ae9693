/** A signed passport in plain words: every value is rendered as text, never as HTML. */
import type { SignedPassport } from '../../api/passports';
import type { Tier } from '../../api/types';
import { TableScroll } from '../../components/table-scroll';
import { formatDate, formatDateTime, tierLabel } from '../../format';

const statusWords = {
  answered: 'answered',
  measured: 'measured',
  contradicted: 'contradicted by the measurements',
  missing: 'missing',
} as const;

const short = (hash: string | undefined) => (hash ? `${hash.slice(0, 16)}…` : 'not recorded');

/** The summary, the files' fingerprints and, when present, the checklist statuses. */
export function PassportSummary({ passport: p }: { passport: SignedPassport }) {
  return (
    <>
      <section class="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">What was approved</h2>
        <dl class="facts" data-testid="passport-facts">
          <dt>Dataset</dt>
          <dd>{p.assessment.dataset.name}</dd>
          <dt>Vendor</dt>
          <dd>{p.assessment.vendor.name}</dd>
          <dt>Approved by</dt>
          <dd>{p.organization.name ?? p.organization.id}</dd>
          <dt>Approved on</dt>
          <dd>{formatDate(p.assessment.decision.at)}</dd>
          <dt>Collapse-risk score</dt>
          <dd>{p.report.score} of 100 (lower is better)</dd>
          <dt>Risk tier</dt>
          <dd>{tierLabel(p.report.tier as Tier)}</dd>
          <dt>Maturity</dt>
          <dd>level {p.report.maturity} of 4</dd>
          <dt>Report</dt>
          <dd>
            version {p.report.version}, made {formatDateTime(p.report.generatedAt)}
          </dd>
          <dt>Signed</dt>
          <dd>
            {formatDateTime(p.issuedAt)} with key <code>{p.signature.kid}</code>
          </dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="samples-heading">
        <h2 id="samples-heading">Files measured</h2>
        {p.samples.length === 0 ? (
          <p>No sample file was measured for this approval.</p>
        ) : (
          <TableScroll label="Files measured">
            <table>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Use</th>
                  <th scope="col">Records or images</th>
                  <th scope="col">Fingerprint (SHA-256)</th>
                </tr>
              </thead>
              <tbody>
                {p.samples.map((s, i) => (
                  <tr key={s.sampleId ?? i}>
                    <td>{s.fileName ?? 'a file'}</td>
                    <td>{s.role === 'holdout' ? 'held-out test set' : 'training'}</td>
                    <td>{typeof s.records === 'number' ? s.records.toLocaleString('en') : ''}</td>
                    <td>
                      <code title={s.sha256 ?? s.treeSha256}>
                        {short(s.sha256 ?? s.treeSha256)}
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      {p.frameworks?.length ? <Frameworks frameworks={p.frameworks} /> : null}
    </>
  );
}

function Frameworks({ frameworks }: { frameworks: NonNullable<SignedPassport['frameworks']> }) {
  return (
    <section class="card stack" aria-labelledby="frameworks-heading">
      <h2 id="frameworks-heading">Regulatory checklists</h2>
      <p class="small">
        For each item: whether the vendor's answers covered it, the measurements confirmed it, the
        measurements contradicted it, or it is missing. The answers themselves are not shared.
      </p>
      {frameworks.map((f) => (
        <details key={f.id} data-testid="passport-framework">
          <summary>
            {f.title}: {f.counts.answered + f.counts.measured} covered, {f.counts.contradicted}{' '}
            contradicted, {f.counts.missing} missing
          </summary>
          <TableScroll label={f.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {f.items.map((i) => (
                  <tr key={i.id}>
                    <td>{i.title}</td>
                    <td>{i.ref}</td>
                    <td>{statusWords[i.status] ?? i.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      ))}
    </section>
  );
}
