/** RFC 9457 problem details as the API returns them, with the fields this app reads. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  missing?: { questionId: string; prompt: string }[];
}

/** An API call that failed: carries the problem details (status 0 when the network failed). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  /** The HTTP status, or 0 when no response arrived. */
  get status(): number {
    return this.problem.status;
  }

  /** Validation messages keyed by path, with `prefix.` removed (e.g. `answers.`). */
  fieldErrors(prefix = ''): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { path, message } of this.problem.errors ?? []) {
      const key = prefix && path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
      out[key] ??= message;
    }
    return out;
  }

  /** True when the problem `type` ends with the given slug, e.g. `invitation-expired`. */
  isType(slug: string): boolean {
    return this.problem.type.endsWith(`/${slug}`) || this.problem.type === slug;
  }
}

/** Turns a failed response into the problem it describes, whatever its content type. */
export async function problemFrom(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
  };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: body.status ?? response.status };
  } catch {
    return fallback;
  }
}

/** Issues authorized JSON requests; `onUnauthorized` runs on every 401 before the error is thrown. */
export type Http = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Creates a JSON client that sends `Authorization: Bearer <token>` when `token()` has one. */
export function createHttp(
  token: () => string | null,
  onUnauthorized?: (error: ApiError) => void,
): Http {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const bearer = token();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    // The API accepts only JSON bodies on writes, so a bodiless POST sends an empty object.
    const payload = body === undefined && (method === 'POST' || method === 'PUT') ? {} : body;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: payload === undefined ? undefined : JSON.stringify(payload),
        credentials: 'omit',
      });
    } catch {
      throw new ApiError({
        type: 'network',
        title: 'Network error',
        status: 0,
        detail: 'The server could not be reached. Check your connection and try again.',
      });
    }
    if (!response.ok) {
      const error = new ApiError(await problemFrom(response));
      if (response.status === 401) onUnauthorized?.(error);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  };
}
