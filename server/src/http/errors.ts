/** Domain errors, one type per meaning, mapped to HTTP in one handler (errorHandler.ts). */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'csrf'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  /** 503: a service Dalil needs does not answer (the Redis counter store); nothing was done. */
  | 'unavailable'
  // Security states a client must react to (documented in the OpenAPI description):
  /** 401: password accepted, second factor still due. */
  | 'mfa_required'
  /** 401: login needs a CAPTCHA answer after repeated failures. */
  | 'captcha_required'
  /** 403: MFA is enforced and this user has no factor yet: enrol first. */
  | 'enrolment_required'
  /** 403: a temporary password must be changed first. */
  | 'password_change_required'
  /** 403: this operation needs a recent re-authentication (sudo mode). */
  | 'reauth_required'
  /** 403: the instance is in read-only mode. */
  | 'read_only';

const statusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  csrf: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  mfa_required: 401,
  captcha_required: 401,
  enrolment_required: 403,
  password_change_required: 403,
  reauth_required: 403,
  read_only: 403,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = statusOf[code];
  }
}

export class Invalid extends AppError {
  constructor(fields: Record<string, string>, message = 'Some fields are not valid.') {
    super('validation', message, fields);
  }
}

export class NotFound extends AppError {
  constructor(message = 'Not found.') {
    super('not_found', message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super('forbidden', message);
  }
}

export class Conflict extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super('conflict', message, fields);
  }
}

export class Unauthenticated extends AppError {
  constructor(message = 'Please sign in.') {
    super('unauthenticated', message);
  }
}

export class RateLimited extends AppError {
  constructor(retryAfterSeconds: number, message = 'Too many attempts. Try again later.') {
    super('rate_limited', message, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
  }
}

/** 503 with Retry-After: a backing service is unreachable, so the request is refused rather than run unchecked. */
export class Unavailable extends AppError {
  constructor(message: string, cause?: unknown, retryAfterSeconds = 5) {
    super('unavailable', message, undefined, { 'Retry-After': String(retryAfterSeconds) });
    if (cause !== undefined) this.cause = cause;
  }
}
