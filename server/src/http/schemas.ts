import { z } from 'zod';

/** Shared pieces of request and response schemas. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** Error answers every route may give; listed so the OpenAPI document shows them. */
export const problemResponses = {
  '4xx': problemSchema,
  '5xx': problemSchema,
} as const;

export const timestamp = z.iso.datetime({ offset: true });
export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export const email = z.email('Enter a valid email address, like name@example.com').max(254).meta({ example: 'ada@example.com' });
export const slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, 'Use 3-40 lowercase letters, digits and hyphens, starting and ending with a letter or digit')
  .meta({ example: 'northwind-academy' });
export const uuid = z.uuid('Must be an id (UUID)');

export const orgRole = z.enum(['provider', 'employer', 'accreditor', 'partner']);
export const memberRole = z.enum(['owner', 'admin', 'author', 'assessor', 'manager', 'viewer']);

export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: timestamp }).meta({ id: 'User' });
export const orgSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), roles: z.array(orgRole), did: z.string(), createdAt: timestamp })
  .meta({ id: 'Organization' });

export function presentUser(u: { id: string; email: string; name: string; createdAt: Date }) {
  return { ...u, createdAt: iso(u.createdAt) };
}
export function presentOrg(o: { id: string; slug: string; name: string; roles: ('provider' | 'employer' | 'accreditor' | 'partner')[]; did: string; createdAt: Date }) {
  return { id: o.id, slug: o.slug, name: o.name, roles: o.roles, did: o.did, createdAt: iso(o.createdAt) };
}
