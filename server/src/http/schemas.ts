import { z } from 'zod';
import { hiddenCharacterMessage, hiddenCharactersIn, type HiddenCharacterOptions } from '../lib/hidden-characters.js';

/** Shared pieces of request and response schemas. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          line: z.number().int().optional(),
          column: z.string().optional(),
        }),
      )
      .optional(),
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

export const email = z
  .email('Enter a valid email address, like name@example.com')
  .max(254)
  .meta({ example: 'ada@example.com' });
export const slug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/,
    'Use 3-40 lowercase letters, digits and hyphens, starting and ending with a letter or digit',
  )
  .meta({ example: 'northwind-academy' });
export const uuid = z.uuid('Must be an id (UUID)');

/**
 * A trimmed string of at most `max` characters that refuses hidden characters: use it for every
 * name, title and description that is copied into a signed credential. Chain `.min()` etc. as
 * with any string schema.
 */
export function credentialText(options: HiddenCharacterOptions & { max: number }) {
  return z
    .string()
    .trim()
    .max(options.max)
    .superRefine((value, ctx) => {
      const found = hiddenCharactersIn(value, options);
      if (found.length > 0) ctx.addIssue({ code: 'custom', message: hiddenCharacterMessage(found), input: value });
    });
}

/**
 * The same rule for a whole JSON document (a credential sent to be signed): every string value
 * and every key, multi-line allowed, reported at its path.
 */
export function refuseHiddenCharactersInJson(value: unknown, ctx: z.RefinementCtx): void {
  // Iterative with parent links, so a deeply nested body neither overflows the stack nor copies
  // its path at every level; the first 20 findings are enough for a person to act on.
  type Step = { key: string | number; parent: Step | undefined } | undefined;
  const pathOf = (step: Step) => {
    const path: (string | number)[] = [];
    for (let at = step; at; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  let reported = 0;
  const report = (step: Step, message: string) => {
    reported += 1;
    ctx.addIssue({ code: 'custom', message, path: pathOf(step), input: value });
  };
  const pending: [unknown, Step][] = [[value, undefined]];
  while (pending.length > 0 && reported < 20) {
    const [node, step] = pending.pop()!;
    if (typeof node === 'string') {
      const found = hiddenCharactersIn(node, { isMultiline: true });
      if (found.length > 0) report(step, hiddenCharacterMessage(found));
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => pending.push([item, { key: i, parent: step }]));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        const found = hiddenCharactersIn(key);
        if (found.length > 0) report({ key, parent: step }, `Property name: ${hiddenCharacterMessage(found)}`);
        pending.push([item, { key, parent: step }]);
      }
    }
  }
}

export const orgRole = z.enum(['provider', 'employer', 'accreditor', 'partner']);
export const memberRole = z.enum(['owner', 'admin', 'author', 'assessor', 'manager', 'viewer']);

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    createdAt: timestamp,
    emailVerified: z.boolean().meta({
      description:
        'Whether the owner confirmed the email from the link mailed to it; until then credentials issued to it are not linked',
    }),
  })
  .meta({ id: 'User' });
export const orgSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    roles: z.array(orgRole),
    did: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: 'Organization' });

export function presentUser(u: { id: string; email: string; name: string; createdAt: Date; emailVerified: boolean }) {
  return { ...u, createdAt: iso(u.createdAt) };
}
export function presentOrg(o: {
  id: string;
  slug: string;
  name: string;
  roles: ('provider' | 'employer' | 'accreditor' | 'partner')[];
  did: string;
  createdAt: Date;
}) {
  return { id: o.id, slug: o.slug, name: o.name, roles: o.roles, did: o.did, createdAt: iso(o.createdAt) };
}
