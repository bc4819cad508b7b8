import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUpUser, useTestApp } from '../testing/test-app.js';

const t = useTestApp();

type ParamSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  example?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
type Parameter = { in: string; name: string; schema?: ParamSchema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, unknown> } };
type Route = { method: string; path: string; op: Operation };

const UNKNOWN = 'cairnUnknownField';

/**
 * Routes that take no JSON body schema because they read multipart/form-data themselves. The
 * dual ones also accept JSON, which they check with a strict schema inside the handler.
 */
const MULTIPART_ONLY = new Set([
  'POST /api/v1/orgs/{slug}/images',
  'POST /api/v1/orgs/{slug}/skill-frameworks/import',
  'POST /api/v1/orgs/{slug}/skill-frameworks/import/preview',
  'POST /api/v1/verify/upload',
  'POST /api/v1/me/cpd/evidence',
  'POST /api/v1/orgs/{slug}/accreditation/applications/{id}/evidence',
  'POST /api/v1/orgs/{slug}/invitations/csv',
  'POST /api/v1/orgs/{slug}/invitations/csv/preview',
  'PUT /api/v1/me/profile/photo',
]);
/** Routes that read no body at all (a download started by a POST); whatever is sent is ignored. */
const NO_BODY = new Set(['POST /api/v1/admin/backup']);
const JSON_OR_MULTIPART = new Set([
  'POST /api/v1/me/wallet',
  'POST /api/v1/me/enrolments/{id}/modules/{moduleId}/submissions',
  'POST /api/v1/orgs/{slug}/issuance-jobs',
  'POST /api/v1/orgs/{slug}/issuance-jobs/preview',
  'POST /api/v1/orgs/{slug}/candidate-checks',
]);
/**
 * VC-API exchange participation: a wallet posts `{}`, `{verifiablePresentation}` or (older
 * wallets) a bare presentation, so the body is open by protocol; the handler checks it.
 */
const OPEN_BY_PROTOCOL = new Set(['POST /workflows/{workflow}/exchanges/{exchangeId}']);

function routes(): Route[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

/** A value that passes the parameter's own schema, so validation gets as far as the body. */
function sampleParam(schema: ParamSchema = {}): string {
  if (schema.format === 'uuid') return randomUUID();
  if (schema.enum) return schema.enum[0]!;
  if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 1);
  if (schema.example) return schema.example;
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 12));
}

function urlOf({ path, op }: Route): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(sampleParam(op.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema)),
  );
}

function sendUnknownField(route: Route) {
  return t.app.inject({ method: route.method as 'POST', url: urlOf(route), payload: { [UNKNOWN]: 1 } });
}

describe('strict request bodies, for every route in the OpenAPI document', () => {
  it('refuses an unknown field by name on every route with a JSON body, before deciding who is asking', async () => {
    const withJsonBody = routes().filter(
      (r) => r.op.requestBody?.content?.['application/json'] && !OPEN_BY_PROTOCOL.has(`${r.method} ${r.path}`),
    );
    expect(withJsonBody.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const route of withJsonBody) {
      // Anonymous on purpose: validation runs before the handler, so no route needs a session
      // to show that it refuses the field.
      const res = await sendUnknownField(route);
      const body = res.json<{ code?: string; errors?: { field: string }[] }>();
      const isNamed =
        res.statusCode === 400 &&
        body.code === 'validation_failed' &&
        (body.errors ?? []).some((e) => e.field === UNKNOWN);
      if (!isNamed || !String(res.headers['content-type']).includes('application/problem+json'))
        wrong.push(`${route.method} ${route.path} → ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives every POST, PUT and PATCH a JSON body schema, except the uploads and body-less routes listed here', () => {
    const without = routes()
      .filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.op.requestBody?.content?.['application/json'])
      .map((r) => `${r.method} ${r.path}`);
    expect(new Set(without)).toEqual(new Set([...MULTIPART_ONLY, ...JSON_OR_MULTIPART, ...NO_BODY]));
  });

  it('has the routes that also take JSON refuse unknown fields in it', async () => {
    for (const key of JSON_OR_MULTIPART) {
      const [method, path] = key.split(' ') as [string, string];
      const route = routes().find((r) => r.method === method && r.path === path)!;
      // These check the body inside the handler, after deciding who is asking: sign in first.
      const res = await t.app.inject({
        method: 'POST',
        url: urlOf(route),
        payload: { [UNKNOWN]: 1 },
        headers: { cookie: await learnerCookie() },
      });
      expect(res.statusCode, key).toBe(400);
      expect(JSON.stringify(res.json()), key).toContain(UNKNOWN);
    }
  });

  it('answers JSON sent to an upload-only route with a problem, not a 500', async () => {
    for (const key of MULTIPART_ONLY) {
      const [method, path] = key.split(' ') as [string, string];
      const route = routes().find((r) => r.method === method && r.path === path)!;
      const res = await sendUnknownField(route);
      expect(res.statusCode, key).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, key).toBeLessThan(500);
      expect(res.headers['content-type'], key).toMatch(/problem\+json/);
    }
  });

  it('bounds every path parameter in its schema', () => {
    const unbounded = routes().flatMap((r) =>
      (r.op.parameters ?? [])
        .filter((p) => p.in === 'path')
        .filter(
          ({ schema: s = {} }) =>
            !(
              s.format === 'uuid' ||
              s.enum ||
              s.maxLength !== undefined ||
              s.maximum !== undefined ||
              (s.pattern && /\{\d+,\d+\}[^*+]*\$$/.test(s.pattern))
            ),
        )
        .map((p) => `${r.method} ${r.path} ${p.name}`),
    );
    expect(unbounded).toEqual([]);
  });
});

let cookie: string | undefined;
async function learnerCookie(): Promise<string> {
  if (cookie) return cookie;
  cookie = (await signUpUser(t.app)).cookie;
  return cookie;
}
