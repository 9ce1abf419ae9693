/** Typed calls to the API token and webhook routes (admins), and the shapes they return. */
import { navigate } from '../router';
import { clearStaffSession, staffToken } from '../session';
import { createHttp } from './http';

const http = createHttp(staffToken, () => {
  clearStaffSession();
  navigate('/signin');
});
const enc = encodeURIComponent;

/** A listed API token (never its secret). */
export interface TokenInfo {
  id: string;
  name: string;
  role: 'procurement' | 'governance' | 'admin';
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: 'active' | 'revoked' | 'expired';
}

/** A listed webhook endpoint (never its secret). */
export interface WebhookInfo {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  format: 'json' | 'slack' | 'teams';
  status: 'active' | 'paused';
  consecutiveFailures: number;
  createdAt: string;
  createdBy: string;
  pausedAt: string | null;
}

/** One delivery in an endpoint's log. */
export interface DeliveryInfo {
  id: string;
  type: string;
  createdAt: string;
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  attempt: number;
  httpStatus: number | null;
  responseMs: number | null;
  error: string | null;
}

export const listTokens = () => http<{ items: TokenInfo[] }>('GET', '/api/tokens');
export const createToken = (body: { name: string; role: string; expiresInDays: number }) =>
  http<{ id: string; token: string; expiresAt: string }>('POST', '/api/tokens', body);
export const revokeToken = (id: string) => http<void>('DELETE', `/api/tokens/${enc(id)}`);
export const listWebhooks = () => http<{ items: WebhookInfo[] }>('GET', '/api/webhooks');
export const createWebhook = (body: { url: string; events: string[]; format: string }) =>
  http<{ id: string; secret: string }>('POST', '/api/webhooks', body);
export const deleteWebhook = (id: string) => http<void>('DELETE', `/api/webhooks/${enc(id)}`);
export const listDeliveries = (id: string) =>
  http<{ items: DeliveryInfo[] }>('GET', `/api/webhooks/${enc(id)}/deliveries?limit=20`);
