import type { FeatureRouter } from '../app-shell';
import type { AppDeps, ShellDeps } from '../env';

/**
 * One feature router loaded on demand: `prefixes` are the first path segments under /api that
 * its routes and middleware use (a test checks them against the loaded routes).
 */
export interface RouteGroup {
  name: string;
  prefixes: readonly string[];
  /**
   * Whether its routes read the data side of the deps (repositories, blobs, presigners,
   * analyzer); a group without it is served before the AWS SDK has loaded.
   */
  data: boolean;
  load: () => Promise<(deps: AppDeps) => FeatureRouter>;
}

/**
 * The routers of `featureRoutes`, in the same order, each behind a dynamic `import()` so the
 * Lambda bundle evaluates (and fully compiles) only the ones a request can reach.
 */
export function routeGroups(deps: Pick<ShellDeps, 'dev'>): RouteGroup[] {
  const groups: RouteGroup[] = [
    {
      name: 'health',
      prefixes: ['health'],
      data: false,
      load: async () => (await import('./health')).healthRoutes,
    },
    {
      name: 'meta',
      prefixes: ['config', 'me'],
      data: false,
      load: async () => (await import('./meta')).metaRoutes,
    },
    {
      name: 'templates',
      prefixes: ['templates'],
      data: true,
      load: async () => (await import('./templates')).templateRoutes,
    },
    {
      name: 'assessments',
      prefixes: ['assessments'],
      data: true,
      load: async () => (await import('./assessments')).assessmentRoutes,
    },
    {
      name: 'invitations',
      prefixes: ['assessments'],
      data: true,
      load: async () => (await import('./invitations')).invitationRoutes,
    },
    {
      name: 'decisions',
      prefixes: ['assessments'],
      data: true,
      load: async () => (await import('./decisions')).decisionRoutes,
    },
    {
      name: 'report-exports',
      prefixes: ['assessments', 'exports'],
      data: true,
      load: async () => (await import('./reports/exports')).reportExportRoutes,
    },
    {
      name: 'reports',
      prefixes: ['assessments', 'portfolio'],
      data: true,
      load: async () => (await import('./reports')).reportRoutes,
    },
    {
      name: 'policy',
      prefixes: ['policy', 'scoring-method'],
      data: true,
      load: async () => (await import('./policy')).policyRoutes,
    },
    {
      name: 'references',
      prefixes: ['references', 'assessments'],
      data: true,
      load: async () => (await import('./references')).referenceRoutes,
    },
    {
      name: 'spot-checks',
      prefixes: ['assessments'],
      data: true,
      load: async () => (await import('./spot-checks')).spotCheckRoutes,
    },
    {
      name: 'fingerprints',
      prefixes: ['fingerprints', 'assessments'],
      data: true,
      load: async () => (await import('./fingerprints')).fingerprintRoutes,
    },
    {
      name: 'vendor',
      prefixes: ['vendor'],
      data: true,
      load: async () => (await import('./vendor')).vendorRoutes,
    },
    {
      name: 'contracts',
      prefixes: ['assessments', 'vendor'],
      data: true,
      load: async () => (await import('./contracts')).contractRoutes,
    },
    {
      name: 'portfolio-due',
      prefixes: ['portfolio'],
      data: true,
      load: async () => (await import('./portfolio-due')).portfolioDueRoutes,
    },
    {
      name: 'passports',
      prefixes: ['assessments', 'passports'],
      data: true,
      load: async () => (await import('./passports')).passportRoutes,
    },
    {
      name: 'tokens',
      prefixes: ['tokens'],
      data: true,
      load: async () => (await import('./tokens')).tokenRoutes,
    },
    {
      name: 'webhooks',
      prefixes: ['webhooks'],
      data: true,
      load: async () => (await import('./webhooks')).webhookRoutes,
    },
  ];
  if (deps.dev) {
    groups.push({
      name: 'dev',
      prefixes: ['dev'],
      data: true,
      load: async () => (await import('./dev')).devRoutes,
    });
  }
  return groups;
}
