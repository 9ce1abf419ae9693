import type { AppDeps } from '../env';
import { assessmentRoutes } from './assessments';
import { contractRoutes } from './contracts';
import { decisionRoutes } from './decisions';
import { devRoutes } from './dev';
import { fingerprintRoutes } from './fingerprints';
import { healthRoutes } from './health';
import { invitationRoutes } from './invitations';
import { metaRoutes } from './meta';
import { passportRoutes } from './passports';
import { policyRoutes } from './policy';
import { portfolioDueRoutes } from './portfolio-due';
import { referenceRoutes } from './references';
import { reportRoutes } from './reports';
import { reportExportRoutes } from './reports/exports';
import { spotCheckRoutes } from './spot-checks';
import { templateRoutes } from './templates';
import { tokenRoutes } from './tokens';
import { vendorRoutes } from './vendor';
import { webhookRoutes } from './webhooks';

/** Every feature router, mounted under /api. Dev routes exist only when deps.dev is set. */
export function featureRoutes(deps: AppDeps) {
  return [
    healthRoutes(),
    metaRoutes(),
    templateRoutes(),
    assessmentRoutes(),
    invitationRoutes(),
    decisionRoutes(),
    reportExportRoutes(),
    reportRoutes(),
    policyRoutes(),
    referenceRoutes(),
    spotCheckRoutes(),
    fingerprintRoutes(),
    vendorRoutes(deps),
    contractRoutes(deps),
    portfolioDueRoutes(),
    passportRoutes(),
    tokenRoutes(),
    webhookRoutes(),
    ...(deps.dev ? [devRoutes()] : []),
  ];
}
