import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** One RFC 9457 field error, as the server reports validation problems. */
export type FieldError = { field: string; message: string };

/** The RFC 9457 problem document every Cairn error response carries. */
export type Problem = {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
};

/** Thrown by every API call that does not succeed; carries the server's problem document. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly type: string | undefined;
  readonly errors: FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.type = problem.type;
    this.errors = problem.errors ?? [];
  }

  /** What to tell a person: the detail when there is one, else the title. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A sentence for any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.userMessage;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): FieldError[] => {
    if (!isRecord(entry)) return [];
    const field = typeof entry.field === 'string' ? entry.field : '';
    const message = typeof entry.message === 'string' ? entry.message : '';
    return message ? [{ field, message }] : [];
  });
}

/** Reads a failed answer into a Problem, whatever shape (or no body) the server sent. */
function toProblem(body: unknown, response: Response): Problem {
  const fallback: Problem = {
    title: response.statusText || `Request failed (${response.status})`,
    status: response.status,
  };
  if (!isRecord(body)) return fallback;
  return {
    type: typeof body.type === 'string' ? body.type : undefined,
    title: typeof body.title === 'string' ? body.title : fallback.title,
    status: typeof body.status === 'number' ? body.status : response.status,
    detail: typeof body.detail === 'string' ? body.detail : typeof body.message === 'string' ? body.message : undefined,
    code: typeof body.code === 'string' ? body.code : undefined,
    errors: toFieldErrors(body.errors),
  };
}

const networkProblem: Problem = {
  title: 'Network error',
  status: 0,
  detail: 'Cairn could not reach the server. Check your connection and try again.',
};

const ACCEPT = 'application/json, application/problem+json';

/**
 * A Request that remembers the URL and init it was built from, so `send` can hand fetch exactly
 * those: a multipart body stays the FormData the page built (the browser sets its boundary).
 */
class CairnRequest extends Request {
  readonly sentUrl: string;
  readonly sentInit: RequestInit;

  constructor(input: RequestInfo | URL, init: RequestInit = {}) {
    super(input, init);
    this.sentUrl = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.sentInit = init;
  }
}

/** Looks fetch up on every call (tests stub it) and sends the URL and init the client built. */
function send(request: Request): Promise<Response> {
  if (request instanceof CairnRequest) return globalThis.fetch(request.sentUrl, request.sentInit);
  return globalThis.fetch(request);
}

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * A state-changing request is always JSON (`{}` when there is no body), and a multipart one
 * carries `X-Cairn-CSRF: 1`: both are part of the server's CSRF defence, which a cross-site form
 * can never satisfy.
 */
const csrf: Middleware = {
  onRequest({ request }) {
    if (isRead(request.method) || !(request instanceof CairnRequest)) return undefined;
    const headers = new Headers(request.sentInit.headers);
    if (request.sentInit.body instanceof FormData) {
      headers.set('X-Cairn-CSRF', '1');
      return new CairnRequest(request.sentUrl, { ...request.sentInit, headers });
    }
    if (request.sentInit.body !== undefined && request.sentInit.body !== null) return undefined;
    headers.set('Content-Type', 'application/json');
    return new CairnRequest(request.sentUrl, { ...request.sentInit, headers, body: '{}' });
  },
  // An aborted request stays an AbortError (TanStack Query expects it); anything else is the network.
  onError({ error }) {
    if (error instanceof DOMException && error.name === 'AbortError') return undefined;
    return new ApiError(networkProblem);
  },
};

/**
 * The Cairn API on the same origin with the session cookie, typed by the server's OpenAPI
 * document (`schema.d.ts`): paths, parameters, bodies and answers come from `paths`.
 * Wrap a call in `data()` to get its answer or an `ApiError`.
 */
export const client = createClient<paths>({
  credentials: 'same-origin',
  headers: { Accept: ACCEPT },
  Request: CairnRequest,
  fetch: send,
});
client.use(csrf);

/** What an openapi-fetch call resolves to: the parsed answer or error body, and the response. */
type FetchResult<T> = { data?: T; error?: unknown; response: Response };

export type DataOptions = {
  /**
   * Error statuses whose plain JSON body is the answer, not a problem: the VC-API answers a
   * credential that fails verification with 400 and the same report as a 200.
   */
  answerStatuses?: readonly number[];
};

/** The answer of a call, or an `ApiError` carrying the server's problem document. */
export async function data<T>(call: Promise<FetchResult<T>>, options: DataOptions = {}): Promise<T> {
  const { data: body, error, response } = await call;
  if (response.ok) return body as T;
  const isAnswer =
    (options.answerStatuses ?? []).includes(response.status) &&
    (response.headers.get('content-type') ?? '').startsWith('application/json');
  if (isAnswer) return error as T;
  throw new ApiError(toProblem(error, response));
}

/**
 * The body option of an upload: the OpenAPI document describes JSON bodies only, so a route that
 * takes a multipart form declares none, and the form goes as the FormData the page built.
 */
export const multipart = (form: FormData) => ({ body: form as never });

/**
 * The body option of a route that takes JSON or a multipart form and so declares no body in the
 * OpenAPI document (its description names the JSON shape): the caller's type is the check.
 */
export const undeclaredBody = <T extends object>(body: T) => ({ body: body as never });

/** Encodes one path segment (slugs, ids, tokens) for links built outside the client. */
export const seg = (value: string): string => encodeURIComponent(value);
