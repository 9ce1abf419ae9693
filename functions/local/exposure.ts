import { type Config, devToolsEnabled, isLoopback } from '../lib/config';

/** The loud start-up warning for a portal reachable from the network (undefined on loopback). */
export function exposureWarning(config: Config): string | undefined {
  if (isLoopback(config.HOST)) return undefined;
  const dev = devToolsEnabled(config);
  const bar = '!'.repeat(78);
  return [
    '',
    bar,
    `!! WARNING: HOST=${config.HOST}: the portal listens beyond this machine.`,
    dev
      ? '!! DEV_TOOLS=on: anyone who can reach it can mint an admin token for any organization\n!! through /api/dev/session. Never do this on a shared network.'
      : '!! Dev routes (/api/dev/*, local sign-in) and the demo data are OFF (DEV_TOOLS=on enables them).',
    config.ALLOWED_HOSTS
      ? `!! It answers only these names besides localhost: ${config.ALLOWED_HOSTS} (ALLOWED_HOSTS).`
      : '!! It answers only localhost and the bind address: list the names people use in ALLOWED_HOSTS\n!! (or PUBLIC_BASE_URL); any other Host gets 421.',
    '!! This is a local development server: no TLS, local keys. Deploy to AWS for real use.',
    bar,
    '',
    '',
  ].join('\n');
}
