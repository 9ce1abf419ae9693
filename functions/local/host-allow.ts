import { isIP } from 'node:net';

/** What decides the hosts the portal answers: its port, bind address, public origin and extras. */
export interface HostAllowOptions {
  port: number;
  /** The listen address (HOST); a specific address is answered too, a wildcard is not. */
  bind: string;
  /** PUBLIC_BASE_URL: its host (with a non-default port) is answered. */
  publicBaseUrl?: string;
  /** ALLOWED_HOSTS, comma-separated `name[:port]`. */
  extra?: string;
}

const wildcards = new Set(['0.0.0.0', '::', '']);

/** `name:port` as a Host header carries it (IPv6 in brackets). */
function withPort(name: string, port: number): string {
  return `${isIP(name) === 6 ? `[${name}]` : name}:${port}`;
}

/**
 * The `Host` values the portal answers (lowercase): `localhost`, `127.0.0.1` and `[::1]` with the
 * port, the bind address when it is a specific one, PUBLIC_BASE_URL's host and ALLOWED_HOSTS.
 * Everything else is refused, so a DNS name rebound to 127.0.0.1 reaches nothing (421).
 */
export function allowedHosts(options: HostAllowOptions): Set<string> {
  const names = ['localhost', '127.0.0.1', '::1'];
  if (!wildcards.has(options.bind)) names.push(options.bind);
  const hosts = new Set(names.map((n) => withPort(n.toLowerCase(), options.port)));
  if (options.port === 80) for (const n of names) hosts.add(withPort(n, 80).replace(/:80$/, ''));
  if (options.publicBaseUrl) hosts.add(new URL(options.publicBaseUrl).host.toLowerCase());
  for (const h of (options.extra ?? '').split(',')) if (h.trim()) hosts.add(h.trim().toLowerCase());
  return hosts;
}

/** True when the request's `Host` is one of `allowed` (an absent or repeated Host is not). */
export function hostAllowed(allowed: ReadonlySet<string>, host: string | string[] | undefined) {
  return typeof host === 'string' && allowed.has(host.toLowerCase());
}
