type RuntimeEnv = {
  event?: {
    headers?: Record<string, string | undefined>;
    requestContext?: { http?: { sourceIp?: string } };
  };
  incoming?: { socket?: { remoteAddress?: string } };
};

/** `203.0.113.7:4711` or `2001:db8::1:4711` (CloudFront's `ip:port`) without the port. */
function withoutPort(viewer: string): string {
  const at = viewer.lastIndexOf(':');
  return at > 0 && /^\d+$/.test(viewer.slice(at + 1)) ? viewer.slice(0, at) : viewer;
}

/**
 * The caller's address as the runtime saw it, never a header the client controls directly. In
 * Lambda (behind CloudFront) it is the viewer address CloudFront forwards in
 * `CloudFront-Viewer-Address`, else API Gateway's source IP; locally it is the socket's peer.
 */
export function clientAddress(env: unknown): string {
  const e = env as RuntimeEnv | undefined;
  if (e?.event) {
    const headers = e.event.headers ?? {};
    const viewer = Object.entries(headers).find(
      ([name]) => name.toLowerCase() === 'cloudfront-viewer-address',
    )?.[1];
    if (viewer) return withoutPort(viewer.trim());
    return e.event.requestContext?.http?.sourceIp ?? 'unknown';
  }
  return e?.incoming?.socket?.remoteAddress ?? 'unknown';
}
