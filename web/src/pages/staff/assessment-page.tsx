/** One assessment: governance's summary-and-decide panel, summary, invitation, report, answers, audit trail. */
import { useContext, useState } from 'preact/hooks';
import { getAssessment, getTemplate, reassess } from '../../api/staff';
import { isRanked } from '../../api/statuses';
import type { Decision } from '../../api/types';
import { MeContext } from '../../auth';
import { DueDate, StatusBadge, TierBadge } from '../../components/badges';
import { ErrorBanner, Loading, Notice } from '../../components/feedback';
import { useAsync } from '../../components/use-async';
import { formatDateTime } from '../../format';
import { Link, navigate } from '../../router';
import { PackAttach } from '../fingerprints/pack-attach';
import { ReferenceAttach } from '../references/reference-attach';
import { isImageAssessment } from '../report/image-assessment';
import { loadReportWithVersions } from '../report/report-loader';
import { ReportView } from '../report/report-view';
import { questionTitles, useScoringMethod } from '../report/vocabulary';
import { SpotCheckStart } from '../spot-check/spot-check-start';
import { AnswersTable } from './answers-table';
import { intendedUseLabel } from './assessment-form-model';
import { AuditTrail } from './audit-trail';
import { ContactsPanel } from './contacts-panel';
import { DecidePanel } from './decide-panel';
import { InvitationPanel } from './invitation-panel';
import { ManagePanel } from './manage-panel';
import { NextInQueue } from './next-in-queue';
import { PassportPanel } from './passport-panel';
import { RemediationPanel } from './remediation-panel';
import { useReportPolling } from './report-polling';
import { ReportUpdating } from './report-updating';
import { VendorHistory } from './vendor-history';

const decisionWords: Record<Decision, string> = {
  approve: 'Approved',
  reject: 'Rejected',
  request_changes: 'Changes requested',
};

/** The assessment detail page. */
export function AssessmentPage({ id }: { id: string }) {
  const me = useContext(MeContext);
  const [refresh, setRefresh] = useState(0);
  const bump = () => setRefresh((n) => n + 1);
  const assessment = useAsync(() => getAssessment(id), [id, refresh]);
  // Fetched alongside the assessment (cached for the report view), not after the report arrives.
  useScoringMethod();
  // Ask for the report only once the summary says one exists (a 404 would be logged as an error).
  const current = assessment.data?.id === id ? assessment.data : undefined;
  const reportKey = current?.report?.sha256 ?? null;
  // The report and its version list arrive together (two requests in parallel).
  const loaded = useAsync(
    () => (reportKey ? loadReportWithVersions(id) : Promise.resolve(null)),
    [id, reportKey],
  );
  const report = { ...loaded, data: loaded.data === null ? null : loaded.data?.report };
  const templateId = assessment.data?.templateId;
  const template = useAsync(
    () => (templateId ? getTemplate(templateId) : Promise.resolve(null)),
    [templateId],
  );
  const [error, setError] = useState<unknown>(undefined);
  // The assessment governance just decided here: its notice offers the next one in the queue.
  const [decidedId, setDecidedId] = useState('');
  const titles = questionTitles(template.data);
  // While a re-score runs, reload the assessment until it says the new report is there.
  const updating = current?.reportUpdating === true;
  const gaveUp = useReportPolling(updating, assessment.reload);
  // An archive of images has no text to spot-check or to calibrate: the panels say so instead.
  const images = isImageAssessment(report.data);

  if (assessment.loading && !current) return <Loading what="Loading the assessment" />;
  const a = current;
  if (!a) return <ErrorBanner error={assessment.error} onRetry={assessment.reload} />;

  // The API lets only procurement manage and only governance decide; admins read.
  const canBuy = me?.role === 'procurement';
  const canDecide = me?.role === 'governance' && a.status === 'submitted';
  // Before submission the score is provisional: shown here only, never in lists.
  const provisional = Boolean(a.report) && !isRanked(a.status);
  const startReassessment = async () => {
    setError(undefined);
    try {
      const next = await reassess(a.id);
      navigate(`/assessments/${encodeURIComponent(next.id)}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <div class="title-row">
        <h1>
          {a.vendor.name}: {a.dataset.name}
        </h1>
        <StatusBadge status={a.status} />
        <TierBadge tier={a.report?.tier} score={a.report?.score} />
        {provisional ? <span class="badge provisional">Provisional</span> : null}
        {a.previousAssessmentId ? <span class="badge reassessment">Re-assessment</span> : null}
        {a.archivedAt ? <span class="badge archived">Archived</span> : null}
      </div>
      <ErrorBanner error={error ?? assessment.error} />
      {canDecide ? (
        <DecidePanel
          assessment={a}
          report={report.data}
          template={template.data ?? null}
          onDone={() => {
            setDecidedId(a.id);
            bump();
          }}
        />
      ) : null}
      {decidedId === a.id && a.status !== 'submitted' ? (
        <NextInQueue current={a} search={window.location.search} />
      ) : null}
      <section class="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading" class="visually-hidden">
          Summary
        </h2>
        <dl class="facts">
          <dt>Vendor contact</dt>
          <dd>{a.vendor.contactEmail}</dd>
          <dt>Intended use</dt>
          <dd>{intendedUseLabel(a.dataset.intendedUse)}</dd>
          {a.dataset.description ? (
            <>
              <dt>Description</dt>
              <dd class="prose">{a.dataset.description}</dd>
            </>
          ) : null}
          <dt>Due</dt>
          <dd>
            <DueDate dueAt={a.dueAt} status={a.status} />
          </dd>
          <dt>Questionnaire</dt>
          <dd>
            {template.data?.title ?? a.templateId} (version {a.templateVersion})
          </dd>
          <dt>Created</dt>
          <dd>
            {formatDateTime(a.createdAt)} by {a.createdBy}
          </dd>
          <dt>Submitted</dt>
          <dd>{formatDateTime(a.submittedAt)}</dd>
          {a.previousAssessmentId ? (
            <>
              <dt>Re-assessment of</dt>
              <dd>
                <Link href={`/assessments/${encodeURIComponent(a.previousAssessmentId)}`}>
                  the original assessment of this dataset
                </Link>
              </dd>
            </>
          ) : null}
          {a.decision ? (
            <>
              <dt>Decision</dt>
              <dd>
                {decisionWords[a.decision.decision]} by {a.decision.by},{' '}
                {formatDateTime(a.decision.at)}
                {a.decision.comments.map((c) => (
                  <p class="prose small" key={`${c.questionId}-${c.comment}`}>
                    {c.questionId ? `On “${titles.get(c.questionId) ?? 'a question'}”: ` : ''}
                    {c.comment}
                  </p>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
        {canBuy && ['approved', 'rejected', 'submitted'].includes(a.status) ? (
          <button type="button" class="button secondary" onClick={startReassessment}>
            Start a re-assessment
          </button>
        ) : null}
      </section>
      {canBuy ? <InvitationPanel assessment={a} onChange={bump} /> : null}
      {canBuy || me?.role === 'admin' ? (
        <ContactsPanel assessment={a} template={template.data ?? null} onChange={bump} />
      ) : null}
      {canBuy ? <ManagePanel assessment={a} onChange={bump} /> : null}
      {me && me.role !== 'admin' ? <PassportPanel id={a.id} status={a.status} /> : null}
      {me?.role === 'procurement' || me?.role === 'governance' ? (
        <ReferenceAttach
          assessmentId={a.id}
          readOnly={a.status === 'approved' || a.status === 'rejected'}
          images={images}
          onChange={bump}
        />
      ) : null}
      {me ? (
        <SpotCheckStart
          assessmentId={a.id}
          canStart={me.role === 'governance' || me.role === 'admin'}
          images={images}
        />
      ) : null}
      {me?.role === 'procurement' || me?.role === 'governance' ? (
        <PackAttach
          assessmentId={a.id}
          readOnly={a.status === 'approved' || a.status === 'rejected'}
          onChange={bump}
        />
      ) : null}
      <section aria-labelledby="report-heading">
        <div class="title-row">
          <h2 id="report-heading">Scored report</h2>
          <button type="button" class="button secondary small" onClick={bump}>
            Refresh
          </button>
        </div>
        {provisional ? (
          <Notice kind="warning">
            <span data-testid="provisional-note">
              Provisional: the vendor has not submitted yet, so this score can still change and the
              assessment is not ranked in lists.
            </span>
          </Notice>
        ) : null}
        <ErrorBanner error={report.error} onRetry={report.reload} />
        {updating ? <ReportUpdating gaveUp={gaveUp} /> : null}
        {report.loading && !report.data ? <Loading what="Loading the report" /> : null}
        {report.data === null && !updating ? (
          <p class="empty">
            No report yet: the assessment is scored when the vendor submits and whenever a sample
            analysis completes.
          </p>
        ) : null}
        {report.data ? (
          <ReportView
            report={report.data}
            versions={loaded.data?.versions ?? []}
            template={template.data ?? null}
            assessmentId={a.id}
          />
        ) : null}
      </section>
      <AnswersTable assessment={a} template={template.data ?? null} />
      <RemediationPanel id={a.id} refresh={refresh} />
      <VendorHistory id={a.id} refresh={refresh} />
      <AuditTrail id={a.id} refresh={refresh} template={template.data ?? null} />
    </>
  );
}
