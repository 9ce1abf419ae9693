/** One invalid field: where it is and what is wrong with it. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Base of every error that maps to an HTTP problem; `slug` names its problem type. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  /** Extra members for the problem body (e.g. `missing`), never internals. */
  readonly extra: Record<string, unknown>;

  constructor(message: string, options?: { cause?: unknown; extra?: Record<string, unknown> }) {
    super(message, { cause: options?.cause });
    this.name = new.target.name;
    this.extra = options?.extra ?? {};
  }
}

/** The request body, query or path failed validation. */
export class ValidationError extends DomainError {
  readonly status = 400;
  readonly slug = 'validation';
  constructor(
    message: string,
    readonly errors: FieldProblem[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** No usable credentials. `slug` distinguishes expired or revoked invitations. */
export class UnauthorizedError extends DomainError {
  readonly status = 401;
  constructor(
    message: string,
    readonly slug: string = 'unauthorized',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Authenticated but not allowed. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly slug = 'forbidden';
}

/** The thing does not exist for this caller (also used for other organizations' objects). */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly slug = 'not-found';
}

/** The write lost a race or the state does not allow it. */
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly slug = 'conflict';
}

/** A compare-and-set lost to another write of the same item: re-read and decide again. */
export class StaleWriteError extends ConflictError {}

/** The request body is larger than the route accepts. */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
}

/** The request body is not in a media type the route accepts. */
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
}

/** The request is well formed but names something that cannot be processed (an undecodable image). */
export class UnprocessableError extends DomainError {
  readonly status = 422;
  readonly slug = 'unprocessable';
}

/** The caller sent too many requests. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly slug = 'too-many-requests';
}

/** A stored object failed its integrity check. */
export class IntegrityError extends DomainError {
  readonly status = 500;
  readonly slug = 'integrity';
  /** Its message is written by us and safe to show, unlike other 500s. */
  readonly public = true;
}
