import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, problemTypes, type AppErrorCode, type FieldError } from './app-error.js';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: AppErrorCode | 'internal_error';
  instance?: string;
  errors?: FieldError[];
};

const PROBLEM_BASE = 'https://cairn.dev/problems/';

export function toProblem(error: AppError, instance?: string): Problem {
  const { status, title } = problemTypes[error.code];
  return {
    type: `${PROBLEM_BASE}${error.code.replaceAll('_', '-')}`,
    title,
    status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  options: { retryAfterSeconds?: number | undefined } = {},
) {
  if (options.retryAfterSeconds !== undefined) reply.header('retry-after', String(options.retryAfterSeconds));
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** How long clients are told to wait while the database does not answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;

// Socket-level failures reaching PostgreSQL, as Node and pg report them.
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// SQLSTATE: admin/crash shutdown, "cannot connect now" (starting up or in recovery), too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // pg: server went away mid-query, or connect timeout
  /timeout exceeded when trying to connect/, // pg-pool
  /is not queryable/, // pg: a client that already lost its connection
  /Cannot use a pool after calling end on the pool/,
  /^PGlite is clos(ed|ing)/, // the embedded database was closed under us
  /driver has already been destroyed/, // Kysely after db.destroy() (shutting down)
];

/**
 * True when `error` (or something it wraps) says the database cannot be reached, rather than
 * that a query was wrong: such requests may succeed when retried, so they answer 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))
    )
      return true;
    if (UNAVAILABLE_MESSAGES.some((re) => re.test(current instanceof Error ? current.message : ''))) return true;
    // Node's net errors for several addresses (happy eyeballs) arrive as an AggregateError.
    if (current instanceof AggregateError && current.errors.some((e) => isDatabaseUnavailable(e))) return true;
    current = current.cause;
  }
  return false;
}

/**
 * Maps database errors caused by the request's input onto our codes: PostgreSQL refuses NUL
 * bytes in text (22021) and untranslatable characters (22P05), which would otherwise be a 500.
 */
function fromDatabaseError(error: unknown): AppError | undefined {
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'unavailable',
      'The database is not answering right now. Nothing was changed; try again in a few seconds.',
      {
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      },
    );
  }
  const code = (error as { code?: unknown }).code;
  if (code === '22021' || code === '22P05') {
    return new AppError(
      'validation_failed',
      'The request contains a NUL byte or a character that cannot be stored. Remove control characters and try again.',
    );
  }
  return undefined;
}

/** True when `value` has a C0 control character or DEL: never part of an id, slug or token. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Fastify's routing failures (malformed percent-encoding, a path parameter longer than
 * `maxParamLength`) skip the error handler and answer plain JSON; this answers problem+json.
 * Pass as Fastify's `frameworkErrors` option.
 */
export function routingErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = (request.url.split('?')[0] ?? request.url).slice(0, 200);
  let appError: AppError;
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    // No id, slug or token is this long, so nothing can be there.
    appError = new AppError(
      'not_found',
      `Nothing at ${request.method} ${path}…: a path segment is longer than any id Cairn uses.`,
    );
  } else if (error.code === 'FST_ERR_BAD_URL') {
    appError = new AppError(
      'validation_failed',
      'The URL is not valid: a percent-encoded sequence in the path does not decode. Encode ids with encodeURIComponent.',
      {
        fields: [{ field: 'params', message: 'Invalid percent-encoding' }],
      },
    );
  } else {
    appError = new AppError('validation_failed', error.message);
  }
  void sendProblem(reply, toProblem(appError, path));
}

/**
 * Refuses path parameters holding control characters (`%00` and friends) before any route
 * runs: they cannot name anything, and PostgreSQL rejects NUL in text.
 */
export function registerParamGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const bad = Object.entries(params).filter(([, v]) => typeof v === 'string' && hasControlCharacter(v));
    if (bad.length > 0) {
      throw new AppError(
        'validation_failed',
        `The path has control characters (such as a NUL byte) in ${bad.map(([k]) => k).join(', ')}. Use the id exactly as Cairn gave it.`,
        {
          fields: bad.map(([k]) => ({ field: `params.${k}`, message: 'Contains control characters' })),
        },
      );
    }
  });
}

/** Turns a JSON-pointer-ish path from a schema error into a dotted field name: `/roles/0` → `roles.0`. */
function fieldName(prefix: string, path: string): string {
  const dotted = path.split('/').filter(Boolean).join('.');
  return dotted || prefix;
}

/** Maps Fastify's own failures (bad JSON, size, content type, schema) onto our codes. */
function fromFastifyError(error: FastifyError, request: FastifyRequest): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const fields = error.validation.map((v) => {
      const keys = (v.params as { keys?: unknown }).keys;
      if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        return keys.map((k) => ({
          field: fieldName(where, `${v.instancePath}/${String(k)}`),
          message: `Unknown field "${String(k)}": remove it.`,
        }));
      }
      return [{ field: fieldName(where, v.instancePath), message: v.message ?? 'Invalid value' }];
    });
    const flat = fields.flat();
    const names = [...new Set(flat.map((f) => f.field))].join(', ');
    return new AppError('validation_failed', `Check these fields and try again: ${names}.`, { fields: flat });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation_failed', 'The request body is not valid JSON. Send a JSON object.', {
        fields: [{ field: 'body', message: error.message }],
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        'payload_too_large',
        `The request body is larger than this endpoint accepts (${request.routeOptions.bodyLimit ?? 'the limit'} bytes).`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'unsupported_media_type',
        `Content type "${request.headers['content-type'] ?? ''}" is not accepted here. Send application/json.`,
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('validation_failed', 'The Content-Length header does not match the body.');
    default:
      break;
  }
  if (error.statusCode === 429) return new AppError('rate_limited', error.message);
  if (error.statusCode === 413) return new AppError('payload_too_large', error.message);
  if (error.statusCode === 415) return new AppError('unsupported_media_type', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 500) {
    return new AppError('validation_failed', error.message);
  }
  return undefined;
}

/** Every error leaves as RFC 9457 problem+json; unexpected ones are logged and hidden. */
export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : (fromFastifyError(error, request) ?? fromDatabaseError(error));
    if (appError) {
      if (appError.code === 'unavailable') request.log.warn({ err: error }, 'dependency unavailable');
      return sendProblem(reply, toProblem(appError, request.url), { retryAfterSeconds: appError.retryAfterSeconds });
    }
    if (isResponseSerializationError(error)) request.log.error({ err: error }, 'response did not match its schema');
    else request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, {
      type: `${PROBLEM_BASE}internal-error`,
      title: 'Something went wrong on our side',
      status: 500,
      detail: `The server failed to handle this request. Nothing was changed. Quote request id ${request.id} if you report it.`,
      code: 'internal_error',
      instance: request.url,
    });
  });
}
