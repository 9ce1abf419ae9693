import { randomBytes } from 'node:crypto';
import type { PortalClient } from './smoke-http';
import { request, SmokeFailure } from './smoke-http';
import type { SmokeClock } from './smoke-poll';

/** What the steps learn and pass on (the session's token, the throwaway assessment, …). */
export interface SmokeState {
  mode?: 'local' | 'aws';
  cognito?: { domain: string; clientId: string };
  token?: string;
  email?: string;
  assessmentId?: string;
  vendorToken?: string;
  sampleId?: string;
  sampleSha256?: string;
}

/** Everything a step reads: the portal client, the options, the clock and the shared state. */
export interface SmokeContext {
  api: PortalClient;
  token?: string;
  timeoutMs: number;
  clock: SmokeClock;
  state: SmokeState;
}

/** One named check; resolves with a short detail for its line, throws a SmokeFailure. */
export interface SmokeStep {
  name: string;
  run(ctx: SmokeContext): Promise<string>;
}

/** No `--token` and no dev session on the portal: the command stops with exit 2. */
export class TokenNeeded extends Error {}

const health: SmokeStep = {
  name: 'health',
  async run({ api }) {
    const res = await api.call<{ status?: string }>(
      'GET',
      '/api/health',
      200,
      'is this the portal address (the CloudFront URL in AWS), and is the stack deployed?',
    );
    if (res.body?.status !== 'ok') {
      throw new SmokeFailure(
        `GET /api/health did not say {"status":"ok"}: ${res.text.slice(0, 100)}`,
        'something other than the Diligence API answers on this address',
      );
    }
    return 'ok';
  },
};

const config: SmokeStep = {
  name: 'config',
  async run({ api, state }) {
    const res = await api.call<SmokeState>(
      'GET',
      '/api/config',
      200,
      'GET /api/config is public; check the API function log',
    );
    state.mode = res.body?.mode;
    state.cognito = res.body?.cognito;
    if (state.mode !== 'local' && state.mode !== 'aws') {
      throw new SmokeFailure(
        `unknown portal mode ${String(state.mode)}`,
        'is this a Diligence portal?',
      );
    }
    return state.cognito
      ? `mode ${state.mode}, sign-in at ${state.cognito.domain}`
      : `mode ${state.mode}`;
  },
};

/** The hosted sign-in must redirect onwards (to its login page), not to its /error page. */
async function cognitoRedirect(origin: string, cognito: { domain: string; clientId: string }) {
  const domain = cognito.domain.startsWith('http') ? cognito.domain : `https://${cognito.domain}`;
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: `${origin}/signin`,
    scope: 'openid email profile',
    code_challenge: randomBytes(32).toString('base64url'),
    code_challenge_method: 'S256',
  });
  const hint = `check the user pool's app client: callback URL ${origin}/signin and the hosted domain`;
  const res = await request(`${domain}/oauth2/authorize?${params}`, { redirect: 'manual' }, hint);
  const location = res.headers.get('location') ?? '';
  if (res.status !== 302 || /\/error\b|[?&]error=/.test(location)) {
    throw new SmokeFailure(
      `the hosted sign-in answered ${res.status}${location ? ` → ${location}` : ''}`,
      hint,
      res.status,
    );
  }
  return `redirects to ${new URL(location, domain).pathname}`;
}

const signIn: SmokeStep = {
  name: 'sign-in',
  async run({ api, state }) {
    const page = await api.call<string>(
      'GET',
      '/signin',
      200,
      'the web app is not served: locally run `npm run web:build`; in AWS check the web bucket and CloudFront',
    );
    if (!(page.headers.get('content-type') ?? '').includes('text/html')) {
      throw new SmokeFailure('/signin is not an HTML page', 'check the web app deployment');
    }
    if (state.mode === 'local') return 'local sign-in page served';
    if (!state.cognito) {
      throw new SmokeFailure(
        'the portal names no hosted sign-in, so staff cannot sign in',
        'deploy with -c cognitoDomainPrefix=<prefix>',
      );
    }
    return cognitoRedirect(api.origin, state.cognito);
  },
};

/** `--token`, or a procurement dev session where the portal offers one. */
const session: SmokeStep = {
  name: 'session',
  async run(ctx) {
    const { api, state } = ctx;
    let how = 'the given token';
    state.token = ctx.token;
    if (!state.token) {
      const res = await api
        .call<{ token: string }>('POST', '/api/dev/session', 200, '', {
          body: { email: 'smoke@diligence.test', role: 'procurement' },
        })
        .catch((error: unknown) => {
          if (error instanceof SmokeFailure && (error.status === 403 || error.status === 404))
            throw new TokenNeeded();
          throw error;
        });
      state.token = res.body.token;
      how = 'a dev session';
    }
    const me = await api.call<{ email: string; role: string }>(
      'GET',
      '/api/me',
      200,
      'pass --token with a procurement user’s ID token (current, for this portal’s user pool)',
      { token: state.token },
    );
    if (me.body.role !== 'procurement') {
      throw new SmokeFailure(
        `${me.body.email} is ${me.body.role}; creating and cancelling an assessment needs procurement`,
        'pass --token of a user in the procurement group',
      );
    }
    state.email = me.body.email;
    return `${how}: ${me.body.email} (procurement)`;
  },
};

/** The checks before the throwaway assessment, in order. */
export const portalSteps: SmokeStep[] = [health, config, signIn, session];
