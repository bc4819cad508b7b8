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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type RequestOptions = {
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Error statuses whose plain JSON body is the answer, not a problem: the VC-API answers a
   * credential that fails verification with 400 and the same report as a 200.
   */
  answerStatuses?: readonly number[];
};

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

/** Reads a failed response into a Problem, whatever shape (or no body) the server sent. */
async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    title: response.statusText || `Request failed (${response.status})`,
    status: response.status,
  };
  const text = await response.text().catch(() => '');
  if (!text) return fallback;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fallback;
  }
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

async function send<T>(path: string, init: RequestInit, answerStatuses: readonly number[] = []): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(networkProblem);
  }
  const isAnswer = answerStatuses.includes(response.status) && (response.headers.get('content-type') ?? '').startsWith('application/json');
  if (!response.ok && !isAnswer) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Calls the Cairn API on the same origin with the session cookie. A state-changing request is
 * always JSON (`{}` when there is no body): that content type is part of the server's CSRF defence.
 */
export function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const init: RequestInit = { method, headers, signal: options.signal };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body ?? {});
  }
  return send<T>(path, init, options.answerStatuses);
}

/**
 * Sends a multipart form. The browser sets the multipart Content-Type, so the request carries
 * `X-Cairn-CSRF: 1` instead: a header a cross-site form can never add.
 */
export function apiUpload<T>(path: string, form: FormData, signal?: AbortSignal): Promise<T> {
  return send<T>(path, {
    method: 'POST',
    headers: { Accept: 'application/json, application/problem+json', 'X-Cairn-CSRF': '1' },
    body: form,
    signal,
  });
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
};

/** Encodes one path segment (slugs, ids, tokens) so it cannot change the route. */
export const seg = (value: string): string => encodeURIComponent(value);
