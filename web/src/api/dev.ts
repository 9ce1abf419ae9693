/** Calls that work before sign-in: portal config and the local dev session. */
import { createHttp } from './http';
import type { DevUser, PortalConfig, StaffRole } from './types';

const http = createHttp(() => null);

/** `GET /api/config`: local or AWS sign-in. */
export const getConfig = () => http<PortalConfig>('GET', '/api/config');

/** `GET /api/dev/users` (local only): the demo users to sign in as. */
export const listDevUsers = () => http<{ items: DevUser[] }>('GET', '/api/dev/users');

/** `POST /api/dev/session` (local only) → a staff JWT. */
export const createDevSession = (body: {
  email: string;
  role: StaffRole;
  organizationId?: string;
}) => http<{ token: string }>('POST', '/api/dev/session', body);
