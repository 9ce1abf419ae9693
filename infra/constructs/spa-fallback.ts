/**
 * CloudFront Function (viewer request, default behavior only): a path whose last segment has no
 * file extension is an app route (`/vendor`, `/assessments/42`) and is served `/index.html`.
 * Distribution-wide 403/404 error responses would also rewrite the API's own 404s and 403s
 * into index.html with status 200, so the fallback lives here instead.
 */
export const SPA_FALLBACK_SOURCE = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * The web app's Content-Security-Policy; `extraConnect` adds the only other origins the SPA calls
 * (the samples bucket for presigned uploads, the Cognito domain for the token exchange).
 */
export function contentSecurityPolicy(extraConnect: string[] = []): string {
  const connect = ["'self'", ...extraConnect].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // blob: the report's image thumbnails, fetched with the staff token and shown from object URLs
    "img-src 'self' data: blob:",
    `connect-src ${connect}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}
