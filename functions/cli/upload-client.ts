/** The vendor API over HTTP, as `diligence upload` uses it (fetch; the invitation token as bearer). */

/** A refusal or failure the command reports as it is (the API's problem detail). */
export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

/** Where the vendor API is and the invitation token that opens it. */
export interface VendorLink {
  base: string;
  token: string;
}

/** `https://host/vendor#token=…` → base and token; a bare token needs `api` for the base. */
export function parseLink(linkOrToken: string, api?: string): VendorLink | string {
  if (/^https?:\/\//.test(linkOrToken)) {
    const url = new URL(linkOrToken);
    const token = new URLSearchParams(url.hash.slice(1)).get('token');
    if (!token) return 'the invitation link has no #token=… (copy the whole link from the e-mail)';
    return { base: api ?? url.origin, token };
  }
  if (!/^[^\s#/?]{20,}$/.test(linkOrToken)) {
    return 'expected the invitation link (https://…/vendor#token=…) or its token';
  }
  return { base: api ?? 'http://localhost:3000', token: linkOrToken };
}

async function failure(res: Response, what: string): Promise<UploadError> {
  const text = await res.text();
  try {
    const p = JSON.parse(text) as { detail?: string; errors?: { path: string; message: string }[] };
    const fields = (p.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
    return new UploadError(`${what}: ${p.detail ?? res.statusText}${fields ? ` (${fields})` : ''}`);
  } catch {
    return new UploadError(`${what}: HTTP ${res.status} ${text.slice(0, 200)}`);
  }
}

/** A JSON client for the vendor routes. */
export function vendorClient(link: VendorLink) {
  async function call<T>(method: string, path: string, what: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${link.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${link.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new UploadError(`${what}: cannot reach ${link.base} (${(error as Error).message})`);
    }
    if (!res.ok) throw await failure(res, what);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
  return { call };
}

/** PUTs bytes to a presigned URL; resolves with the ETag S3 returned. */
export async function putBytes(
  url: string,
  body: Uint8Array,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await fetch(url, { method: 'PUT', headers, body: body as Uint8Array<ArrayBuffer> });
  if (!res.ok)
    throw new UploadError(`storage answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return res.headers.get('etag') ?? '';
}
