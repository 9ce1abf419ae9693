import { loadSsoConfig } from '../lib/config';
import { lambdaObservability, observed } from '../lib/lambda-observability';
import { parseGroupRoles } from './groups';
import { createPreTokenHandler, type PreTokenEvent } from './pre-token';

const config = loadSsoConfig();
const observability = lambdaObservability(config);
const { logger } = observability;
const preToken = createPreTokenHandler(
  {
    providerName: config.SSO_PROVIDER_NAME,
    organizationId: config.SSO_ORGANIZATION_ID,
    groupRoles: parseGroupRoles(config.SSO_GROUP_ROLES, 'SSO_GROUP_ROLES'),
  },
  (decision) => logger.info('single sign-on roles', decision),
);

/** Cognito Pre Token Generation trigger (event version V2_0): IdP groups → roles, organization. */
export const handler = observed(observability, (event: PreTokenEvent) => preToken(event));
