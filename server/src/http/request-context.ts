import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { anonymous, type Actor, type Deps } from '../deps.js';
import { resolveSessionToken, SESSION_TTL_MS } from '../identity/identity.service.js';
import { resolveApiKey } from '../orgs/orgs.service.js';
import { AppError } from './app-error.js';

export const SESSION_COOKIE = 'cairn_session';

declare module 'fastify' {
  // Declaration merging needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    actor: Actor;
    isCookieAuthenticated: boolean;
  }
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    /** The route checks its own `Authorization: Bearer` (GET /metrics): no API key or session is read. */
    hasOwnBearerToken?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a hostile page could make a browser send. Cookies are
 * SameSite=Lax already; on top, a cookie-bearing write must not be cross-site (Fetch Metadata),
 * must come from our origin when Origin is sent, and must not be a form encoding (a form post
 * is the one write a cross-site page can make without a CORS preflight).
 */
function checkCsrf(request: FastifyRequest, publicUrl: URL) {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers.authorization?.startsWith('Bearer ')) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site')
    throw new AppError('csrf_rejected', 'This request came from another site and was refused.');
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    const host = request.headers.host;
    let originHost: string | undefined;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = undefined;
    }
    if (originHost !== publicUrl.host && originHost !== host) {
      throw new AppError(
        'csrf_rejected',
        `Requests from ${origin} are not accepted. Use Cairn at ${publicUrl.origin}.`,
      );
    }
  } else if (origin === 'null') {
    throw new AppError('csrf_rejected', 'Requests from an opaque origin are not accepted.');
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const isForm =
    type === 'application/x-www-form-urlencoded' || type === 'text/plain' || type === 'multipart/form-data';
  if (isForm && !(type === 'multipart/form-data' && request.headers['x-cairn-csrf'] === '1')) {
    throw new AppError(
      'csrf_rejected',
      'Form posts are not accepted. Send JSON (Content-Type: application/json); uploads need the X-Cairn-CSRF: 1 header.',
    );
  }
}

function readBearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <API key>".');
  return match[1];
}

export function setSessionCookie(reply: FastifyReply, token: string, options: { isSecure: boolean }) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.isSecure,
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, options: { isSecure: boolean }) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: options.isSecure, path: '/' });
}

/** Decides who is asking (session cookie or API key) once per request, before any route runs. */
export function registerRequestContext(app: FastifyInstance, deps: Deps) {
  // Fastify 5 wants null (not an object) as the decorator's initial value; onRequest sets it.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('isCookieAuthenticated', false);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    if (request.routeOptions.config.hasOwnBearerToken) return;
    const bearer = readBearer(request);
    if (bearer) {
      const actor = await resolveApiKey(deps, bearer);
      if (!actor) throw new AppError('unauthenticated', 'This API key is unknown or revoked.');
      request.actor = actor;
      return;
    }
    checkCsrf(request, deps.publicUrl);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSessionToken(deps, token);
    if (session) {
      request.actor = { kind: 'user', ...session };
      request.isCookieAuthenticated = true;
    }
  });
}
