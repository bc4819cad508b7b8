/** The one error type of the domain. Services throw it; the HTTP layer maps `code` to a status. */
export type AppErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'email_unverified'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'unprocessable_content'
  | 'rate_limited'
  | 'csrf_rejected'
  | 'unavailable';

/** `line` and `column` locate a problem in an uploaded file (a CSV's line 1 is its header). */
export type FieldError = { field: string; message: string; line?: number; column?: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: FieldError[];
  /** When to try again (429, 503): sent as `Retry-After`, in whole seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { fields?: FieldError[]; cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fields ?? [];
    this.retryAfterSeconds =
      options.retryAfterSeconds === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfterSeconds));
  }
}

/** HTTP status and problem title for each code: the only place that knows both. */
export const problemTypes: Record<AppErrorCode, { status: number; title: string }> = {
  validation_failed: { status: 400, title: 'Your request has invalid fields' },
  unauthenticated: { status: 401, title: 'You need to sign in' },
  forbidden: { status: 403, title: 'You are not allowed to do this' },
  // A 403 of its own, so clients can offer to resend the verification link.
  email_unverified: { status: 403, title: 'Verify your email first' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'This conflicts with what already exists' },
  gone: { status: 410, title: 'This is no longer available' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  payload_too_large: { status: 413, title: 'The request is too large' },
  unprocessable_content: { status: 422, title: 'The request cannot be processed' },
  rate_limited: { status: 429, title: 'Too many requests' },
  csrf_rejected: { status: 403, title: 'Cross-site request refused' },
  unavailable: { status: 503, title: 'Service unavailable' },
};
