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

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json').send(problem);
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
      return new AppError('payload_too_large', `The request body is larger than this endpoint accepts (${request.routeOptions.bodyLimit ?? 'the limit'} bytes).`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', `Content type "${request.headers['content-type'] ?? ''}" is not accepted here. Send application/json.`);
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
    const appError = error instanceof AppError ? error : fromFastifyError(error, request);
    if (appError) {
      if (appError.code === 'unavailable') request.log.warn({ err: error }, 'dependency unavailable');
      return sendProblem(reply, toProblem(appError, request.url));
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
