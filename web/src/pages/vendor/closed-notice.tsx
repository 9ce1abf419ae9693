/** What a closed questionnaire says, by status: submitted, approved, rejected, cancelled or otherwise closed. */
import type { VendorAssessment } from '../../api/vendor';
import { Notice } from '../../components/feedback';
import { formatDateTime } from '../../format';
import { PassportShare } from './passport-share';

/** The status-specific notice shown above locked answers. */
export function ClosedNotice({ data }: { data: VendorAssessment }) {
  const { status, submittedAt, decidedAt } = data.assessment;
  const contact = data.buyer ? `${data.buyer.contactEmail} at ${data.buyer.name}` : 'your contact';
  const when = (iso: string | null | undefined) => (iso ? ` on ${formatDateTime(iso)}` : '');
  if (status === 'submitted') {
    return (
      <Notice kind="info">
        Submitted{when(submittedAt)}. Your answers are locked while the reviewers decide; you will
        hear from {contact}.
      </Notice>
    );
  }
  if (status === 'approved') {
    return (
      <>
        <Notice kind="success">
          Approved{when(decidedAt)}. The reviewers accepted this dataset; nothing more is needed
          from you. Your answers stay here to read.
        </Notice>
        <PassportShare status={status} />
      </>
    );
  }
  if (status === 'rejected') {
    return (
      <Notice kind="warning">
        The reviewers declined this dataset{when(decidedAt)}. Their comments are shown on this page;
        the questionnaire is closed. Questions about the decision go to {contact}.
      </Notice>
    );
  }
  if (status === 'cancelled') {
    return (
      <Notice kind="info">
        The organization that invited you cancelled this assessment; nothing more is needed from
        you. Questions about it go to {contact}.
      </Notice>
    );
  }
  return (
    <Notice kind="info">
      This questionnaire is closed for changes. Ask {contact} if you need to change an answer.
    </Notice>
  );
}
