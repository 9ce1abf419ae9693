/** Every stored policy version: who changed which settings, from what to what, and why. */
import type { PolicyVersion } from '../../api/staff-types';
import { formatDateTime } from '../../format';

/** The version history, newest first; `labels` names each setting. */
export function PolicyVersions(props: { items: PolicyVersion[]; labels: Map<string, string> }) {
  const { items, labels } = props;
  return (
    <section class="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      {items.length === 0 ? (
        <p class="empty">
          No version saved yet: the organization uses the built-in default policy.
        </p>
      ) : (
        <ol class="audit-list" data-testid="policy-versions">
          {items.map((v) => (
            <li key={v.version}>
              <p class="small muted">
                Version {v.version} · {formatDateTime(v.updatedAt)} · {v.updatedBy}
              </p>
              <p class="prose">
                {v.changes.length === 0
                  ? v.scheduleChanged || v.passportChanged
                    ? ''
                    : 'Saved without changing any setting.'
                  : `Changed ${v.changes
                      .map((c) => `“${labels.get(c.key) ?? 'a setting'}” from ${c.from} to ${c.to}`)
                      .join('; ')}.`}
                {v.scheduleChanged
                  ? `${v.changes.length ? ' ' : ''}Changed the re-assessment schedule.`
                  : ''}
                {v.passportChanged
                  ? `${v.changes.length || v.scheduleChanged ? ' ' : ''}Changed whether vendors may share their approvals.`
                  : ''}
              </p>
              {v.reason ? <p class="prose">Why: {v.reason}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
