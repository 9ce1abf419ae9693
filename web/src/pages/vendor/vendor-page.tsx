/** The vendor entry: takes the token from the link, loads the questionnaire, explains bad links. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { getVendorAssessment, type VendorAssessment } from '../../api/vendor';
import { DueDate, StatusBadge } from '../../components/badges';
import { ErrorBanner, Loading } from '../../components/feedback';
import { HelpLink } from '../../components/help-link';
import { PageMain } from '../../components/page-main';
import { useAsync } from '../../components/use-async';
import { captureVendorTokenFromHash, vendorToken } from '../../session';
import { LinkProblem, linkProblemOf } from './link-problem';
import { Questionnaire } from './questionnaire';
import { VendorConditions } from './vendor-conditions';

/** The /vendor page. */
export function VendorPage() {
  const [token, setToken] = useState(() => {
    captureVendorTokenFromHash();
    return vendorToken();
  });
  const [generation, setGeneration] = useState(0);

  // A new invitation link opened in the same tab only changes the fragment: take its token too.
  useEffect(() => {
    const onHash = () => {
      captureVendorTokenFromHash();
      setToken(vendorToken());
      setGeneration((n) => n + 1);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const state = useAsync(
    () => (token ? getVendorAssessment() : Promise.resolve(null)),
    [token, generation],
  );
  const reload = useCallback(() => getVendorAssessment(), []);
  const problem = !token ? 'missing' : linkProblemOf(state.error);
  const data: VendorAssessment | null | undefined = state.data;

  return (
    <>
      <header class="site-header vendor">
        <div class="brand">Diligence</div>
        <p class="muted">Dataset due-diligence questionnaire</p>
        <HelpLink page="web.html#for-vendors" />
      </header>
      <PageMain path="/vendor">
        {problem ? <LinkProblem kind={problem} /> : null}
        {!problem && state.loading && !data ? <Loading what="Loading your questionnaire" /> : null}
        {!problem && state.error ? (
          <ErrorBanner error={state.error} onRetry={state.reload} />
        ) : null}
        {!problem && data ? (
          <>
            <div class="title-row">
              <h1>{data.assessment.dataset.name}</h1>
              <StatusBadge status={data.assessment.status} />
            </div>
            <p class="lead">
              {data.buyer ? `${data.buyer.name} asks ` : 'Questionnaire for '}
              {data.assessment.vendor.name}
              {data.buyer ? ' to answer this questionnaire' : ''}, due{' '}
              <DueDate dueAt={data.assessment.dueAt} status={data.assessment.status} />.{' '}
              {data.template.title}.
            </p>
            {data.buyer ? (
              <p class="small muted buyer-contact">
                Questions? Contact{' '}
                <a href={`mailto:${data.buyer.contactEmail}`}>{data.buyer.contactEmail}</a>.
              </p>
            ) : null}
            <VendorConditions />
            <Questionnaire
              key={`${data.assessment.id}-${generation}-${data.assessment.status}`}
              data={data}
              reload={reload}
              onSubmitted={() => setGeneration((n) => n + 1)}
            />
          </>
        ) : null}
      </PageMain>
    </>
  );
}
