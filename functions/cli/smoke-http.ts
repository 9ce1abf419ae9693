/** The portal's public HTTP API as `diligence smoke` sees it: fetch, JSON, problem+json failures. */

/** Why a smoke step failed: what, the HTTP status and problem detail when there was one, what to check. */
export class SmokeFailure extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly status?: number,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'SmokeFailure';
  }
}

/** A response read as text and, when it parses, as JSON. */
export interface SmokeResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Options of one call: bearer token, JSON body, extra headers, redirect handling. */
export interface CallOptions {
  token?: string;
  body?: unknown;
  redirect?: RequestRedirect;
}

/** `detail`, plus the field errors, of an RFC 9457 problem body; the text's start otherwise. */
export function problemDetail(text: string): string {
  try {
    const p = JSON.parse(text) as {
      title?: string;
      detail?: string;
      errors?: { path: string; message: string }[];
    };
    const fields = (p.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
    const main = p.detail ?? p.title ?? text.slice(0, 200);
    return fields ? `${main} (${fields})` : main;
  } catch {
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
  }
}

/** How long one request may take before its step fails (a hung portal must not hang the check). */
export const requestTimeoutMs = 30_000;

/**
 * Calls `url`; a network error, or no answer within `timeoutMs`, becomes a SmokeFailure naming
 * the address and `hint`.
 */
export async function request<T>(
  url: string,
  init: RequestInit,
  hint: string,
  timeoutMs = requestTimeoutMs,
): Promise<SmokeResponse<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      const s = timeoutMs / 1000;
      throw new SmokeFailure(`${new URL(url).origin} gave no answer within ${s} s`, hint);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new SmokeFailure(`cannot reach ${new URL(url).origin} (${why})`, hint);
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/**
 * A client for one portal: `call` throws a SmokeFailure unless the status is the expected one,
 * or when no answer came within `timeoutMs`.
 */
export function portalClient(base: string, timeoutMs = requestTimeoutMs) {
  const origin = base.replace(/\/+$/, '');
  async function call<T>(
    method: string,
    path: string,
    expected: number,
    hint: string,
    options: CallOptions = {},
  ): Promise<SmokeResponse<T>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await request<T>(
      `${origin}${path}`,
      {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        redirect: options.redirect ?? 'follow',
      },
      hint,
      timeoutMs,
    );
    if (res.status !== expected) {
      throw new SmokeFailure(
        `${method} ${path} answered ${res.status}, expected ${expected}`,
        hint,
        res.status,
        problemDetail(res.text),
      );
    }
    return res;
  }
  return { origin, call };
}

/** The client `portalClient` returns. */
export type PortalClient = ReturnType<typeof portalClient>;
