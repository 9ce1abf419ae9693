import type { AppDeps } from '../api/env';
import type { DemoUser } from '../api/routes/dev/dev-tools';

/** The demo buyer organization seeded on first boot. */
export const demoOrganization = { id: 'demo', name: 'Demo Buyer Ltd', governanceEmail: 'gail@demo.test' };

/** Demo staff users offered by the local sign-in page, plus one user of a second organization. */
export const demoUsers: DemoUser[] = [
  { email: 'pat@demo.test', name: 'Pat Purchaser', role: 'procurement', organizationId: 'demo' },
  { email: 'gail@demo.test', name: 'Gail Governor', role: 'governance', organizationId: 'demo' },
  { email: 'ada@demo.test', name: 'Ada Admin', role: 'admin', organizationId: 'demo' },
  { email: 'olga@other.test', name: 'Olga Other', role: 'procurement', organizationId: 'other' },
];

/** Seeds the demo organization once; a second boot finds it and changes nothing. */
export async function seedDemo(deps: AppDeps): Promise<boolean> {
  if (await deps.repos.organizations.get(demoOrganization.id)) return false;
  await deps.repos.organizations.create({ ...demoOrganization, createdAt: deps.clock().toISOString() });
  deps.logger.info('seeded demo organization', { organizationId: demoOrganization.id });
  return true;
}
