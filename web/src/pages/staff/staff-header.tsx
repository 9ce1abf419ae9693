/** The staff banner: product name, role-specific navigation, who is signed in, sign-out. */
import type { Me } from '../../api/types';
import { portalConfig } from '../../auth';
import { HelpLink } from '../../components/help-link';
import { useAsync } from '../../components/use-async';
import { Link, navigate } from '../../router';
import { clearStaffSession } from '../../session';
import { signOutTarget } from '../../sign-out';

interface NavItem {
  href: string;
  label: string;
  localOnly?: boolean;
  /** Served by the API, not by this app: a plain link, not an in-app navigation. */
  outsideApp?: boolean;
}

const roleWords: Record<Me['role'], string> = {
  procurement: 'procurement',
  governance: 'governance',
  admin: 'administrator',
};

function navFor(role: Me['role']): NavItem[] {
  const items: NavItem[] = [];
  if (role !== 'governance') items.push({ href: '/procurement', label: 'Assessments' });
  if (role !== 'procurement') items.push({ href: '/governance', label: 'Review queue' });
  items.push({ href: '/portfolio', label: 'Portfolio' });
  items.push({ href: '/policy', label: 'Scoring policy' });
  if (role !== 'admin') items.push({ href: '/references', label: 'Reference samples' });
  items.push({ href: '/fingerprints', label: 'Fingerprint packs' });
  if (role === 'admin') items.push({ href: '/integrations', label: 'Integrations' });
  items.push({ href: '/outbox', label: 'Outbox', localOnly: true });
  items.push({ href: '/api/docs', label: 'API reference', outsideApp: true });
  return items;
}

/** Header with navigation; marks the current page with aria-current. */
export function StaffHeader({ me, path }: { me: Me; path: string }) {
  const config = useAsync(portalConfig, []);
  const local = config.data?.mode !== 'aws';
  const signOut = () => {
    clearStaffSession();
    const target = signOutTarget(config.data?.cognito, window.location.origin);
    if ('external' in target) window.location.assign(target.external);
    else navigate(target.page);
  };
  return (
    <header class="site-header">
      <div class="brand">
        <Link href="/">Diligence</Link>
      </div>
      <nav aria-label="Main">
        <ul>
          {navFor(me.role)
            .filter((item) => local || !item.localOnly)
            .map((item) => {
              const current =
                path === item.href || (item.href !== '/' && path.startsWith(`${item.href}/`));
              return (
                <li key={item.href}>
                  {item.outsideApp ? (
                    <a href={item.href}>{item.label}</a>
                  ) : (
                    <Link href={item.href} aria-current={current ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  )}
                </li>
              );
            })}
        </ul>
      </nav>
      <div class="who">
        <span>
          {me.email} <span class="role">({roleWords[me.role]})</span>
        </span>
        <HelpLink />
        <button type="button" class="button secondary small" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
