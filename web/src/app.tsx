/** The app shell: routes each path to its page; staff pages need a signed-in user. */
import { useEffect } from 'preact/hooks';
import { getMe } from './api/staff';
import { MeContext, roleHome } from './auth';
import { ErrorBanner, Loading } from './components/feedback';
import { PageMain } from './components/page-main';
import { useAsync } from './components/use-async';
import { FingerprintsPage } from './pages/fingerprints/fingerprints-page';
import { IntegrationsPage } from './pages/integrations/integrations-page';
import { PassportPage } from './pages/passport/passport-page';
import { PolicyPage } from './pages/policy/policy-page';
import { ReferencesPage } from './pages/references/references-page';
import { SignInPage } from './pages/sign-in';
import { SpotCheckPage } from './pages/spot-check/spot-check-page';
import { AssessmentPage } from './pages/staff/assessment-page';
import { GovernancePage } from './pages/staff/governance-page';
import { OutboxPage } from './pages/staff/outbox-page';
import { PortfolioPage } from './pages/staff/portfolio-page';
import { ProcurementPage } from './pages/staff/procurement-page';
import { StaffHeader } from './pages/staff/staff-header';
import { VendorPage } from './pages/vendor/vendor-page';
import { Link, matchRoute, navigate, usePath } from './router';
import { staffToken } from './session';

/** Routes by path; the vendor page and sign-in stand outside the staff shell. */
export function App() {
  const path = usePath();
  let page: preact.ComponentChild;
  if (path === '/vendor') page = <VendorPage />;
  else if (path === '/passport') page = <PassportPage />;
  else if (path === '/signin') page = <SignInPage />;
  else page = <StaffShell path={path} />;

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {page}
    </>
  );
}

function StaffShell({ path }: { path: string }) {
  const token = staffToken();
  const me = useAsync(() => (token ? getMe() : Promise.resolve(null)), [token]);

  useEffect(() => {
    if (!token) navigate('/signin', true);
  }, [token]);
  useEffect(() => {
    if (path === '/' && me.data) navigate(roleHome(me.data.role), true);
  }, [path, me.data]);

  if (!token) return null;
  if (me.loading && !me.data) {
    return (
      <PageMain path={path}>
        <Loading what="Signing you in" />
      </PageMain>
    );
  }
  if (!me.data) {
    return (
      <PageMain path={path}>
        <ErrorBanner error={me.error} onRetry={me.reload} />
        <p>
          <Link href="/signin">Sign in again</Link>
        </p>
      </PageMain>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <StaffHeader me={me.data} path={path} />
      <PageMain path={path}>{staffPage(path)}</PageMain>
    </MeContext.Provider>
  );
}

function staffPage(path: string): preact.ComponentChild {
  if (path === '/') return <Loading />;
  if (path === '/procurement') return <ProcurementPage />;
  if (path === '/governance') return <GovernancePage />;
  if (path === '/portfolio') return <PortfolioPage />;
  if (path === '/outbox') return <OutboxPage />;
  if (path === '/policy') return <PolicyPage />;
  if (path === '/integrations') return <IntegrationsPage />;
  if (path === '/references') return <ReferencesPage />;
  const spot = matchRoute('/assessments/:id/spot-checks/:spotCheckId', path);
  if (spot?.id && spot.spotCheckId)
    return <SpotCheckPage id={spot.id} spotCheckId={spot.spotCheckId} />;
  if (path === '/fingerprints') return <FingerprintsPage />;
  const detail = matchRoute('/assessments/:id', path);
  if (detail?.id) return <AssessmentPage id={detail.id} />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">Go to your start page</Link>.
      </p>
    </section>
  );
}
