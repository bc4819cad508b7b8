import { beforeAll, describe, expect, it } from 'vitest';
import type { MemberRole } from '../db/schema.js';
import {
  addMember,
  createApiKey,
  createOrg,
  signUpUser,
  unique,
  useTestApp,
  type TestUser,
} from '../testing/test-app.js';
import { can, type OrgAction } from './org-policy.js';

const t = useTestApp();
const roles: MemberRole[] = ['owner', 'admin', 'author', 'assessor', 'manager', 'viewer'];

type Org = {
  slug: string;
  owner: TestUser;
  people: Record<MemberRole, TestUser>;
  keys: Record<MemberRole, string>;
  invitationId: string;
  apiKeyId: string;
};

async function buildOrg(): Promise<Org> {
  const owner = await signUpUser(t.app);
  const org = await createOrg(t.app, owner, { roles: ['provider', 'employer'] });
  const people = { owner } as Record<MemberRole, TestUser>;
  const keys = {} as Record<MemberRole, string>;
  for (const role of roles) {
    if (role !== 'owner') {
      people[role] = await signUpUser(t.app);
      await addMember(t.app, owner, org.slug, people[role], role);
    }
    keys[role] = (await createApiKey(t.app, owner, org.slug, role)).token;
  }
  const inv = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${org.slug}/invitations`,
    headers: { cookie: owner.cookie },
    payload: { email: `${unique('pending')}@example.com`, role: 'viewer' },
  });
  const apiKeyId = (await createApiKey(t.app, owner, org.slug, 'viewer')).id;
  return { slug: org.slug, owner, people, keys, invitationId: inv.json<{ id: string }>().id, apiKeyId };
}

/** Every organisation-scoped operation, with the permission it needs. */
function operations(target: Org) {
  const victim = target.people.viewer.id;
  return [
    { name: 'read organisation', action: 'org.read', method: 'GET', url: `/api/v1/orgs/${target.slug}` },
    {
      name: 'rename organisation',
      action: 'org.update',
      method: 'PATCH',
      url: `/api/v1/orgs/${target.slug}`,
      payload: { name: 'Taken over' },
    },
    { name: 'list members', action: 'members.read', method: 'GET', url: `/api/v1/orgs/${target.slug}/members` },
    {
      name: 'change a role',
      action: 'members.manage',
      method: 'PATCH',
      url: `/api/v1/orgs/${target.slug}/members/${victim}`,
      payload: { role: 'admin' },
    },
    {
      name: 'remove a member',
      action: 'members.manage',
      method: 'DELETE',
      url: `/api/v1/orgs/${target.slug}/members/${victim}`,
    },
    {
      name: 'invite',
      action: 'members.manage',
      method: 'POST',
      url: `/api/v1/orgs/${target.slug}/invitations`,
      payload: { email: 'intruder@example.com', role: 'viewer' },
    },
    {
      name: 'list invitations',
      action: 'members.manage',
      method: 'GET',
      url: `/api/v1/orgs/${target.slug}/invitations`,
    },
    {
      name: 'withdraw an invitation',
      action: 'members.manage',
      method: 'DELETE',
      url: `/api/v1/orgs/${target.slug}/invitations/${target.invitationId}`,
    },
    {
      name: 'create an API key',
      action: 'apiKeys.manage',
      method: 'POST',
      url: `/api/v1/orgs/${target.slug}/api-keys`,
      payload: { name: 'backdoor', role: 'viewer' },
    },
    { name: 'list API keys', action: 'apiKeys.manage', method: 'GET', url: `/api/v1/orgs/${target.slug}/api-keys` },
    {
      name: 'revoke an API key',
      action: 'apiKeys.manage',
      method: 'DELETE',
      url: `/api/v1/orgs/${target.slug}/api-keys/${target.apiKeyId}`,
    },
  ] as const satisfies readonly { name: string; action: OrgAction; method: string; url: string; payload?: object }[];
}

async function snapshot(slug: string) {
  const db = t.database.db;
  const org = await db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  return {
    org,
    members: await db.selectFrom('memberships').selectAll().where('org_id', '=', org.id).orderBy('user_id').execute(),
    invitations: await db
      .selectFrom('invitations')
      .select(['id', 'email', 'role', 'revoked_at', 'accepted_at'])
      .where('org_id', '=', org.id)
      .orderBy('id')
      .execute(),
    keys: await db
      .selectFrom('api_keys')
      .select(['id', 'name', 'role', 'revoked_at'])
      .where('org_id', '=', org.id)
      .orderBy('id')
      .execute(),
  };
}

let a: Org;
let b: Org;
beforeAll(async () => {
  a = await buildOrg();
  b = await buildOrg();
}, 120_000);

describe('tenant isolation', () => {
  it('no role of one organisation, by session or API key, reads or changes another’s data', async () => {
    const before = await snapshot(b.slug);
    const outcomes: string[] = [];
    for (const role of roles) {
      for (const credential of ['session', 'apiKey'] as const) {
        const headers =
          credential === 'session' ? { cookie: a.people[role].cookie } : { authorization: `Bearer ${a.keys[role]}` };
        for (const op of operations(b)) {
          const res = await t.app.inject({
            method: op.method,
            url: op.url,
            headers,
            ...('payload' in op ? { payload: op.payload } : {}),
          });
          if (res.statusCode !== 404) outcomes.push(`${role} ${credential} could "${op.name}": ${res.statusCode}`);
          if (res.body.includes(b.owner.email))
            outcomes.push(`${role} ${credential} saw a member's email via "${op.name}"`);
        }
      }
    }
    expect(outcomes).toEqual([]);
    expect(await snapshot(b.slug)).toEqual(before);
  }, 120_000);

  it('inside an organisation, each role can do exactly what the policy table says', async () => {
    const surprises: string[] = [];
    for (const role of roles) {
      for (const op of operations(a)) {
        // Writes are checked with a harmless target: the read-only outcome decides, the policy says what to expect.
        if (op.method !== 'GET') continue;
        const res = await t.app.inject({ method: op.method, url: op.url, headers: { cookie: a.people[role].cookie } });
        const expected = can(role, op.action) ? 200 : 403;
        if (res.statusCode !== expected)
          surprises.push(`${role} "${op.name}": expected ${expected}, got ${res.statusCode}`);
      }
    }
    expect(surprises).toEqual([]);
    for (const role of roles.filter((r) => !can(r, 'members.manage'))) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${a.slug}/invitations`,
        headers: { cookie: a.people[role].cookie },
        payload: { email: `${unique('x')}@example.com`, role: 'viewer' },
      });
      expect(res.statusCode, role).toBe(403);
    }
  }, 120_000);

  it('answers 401 to anonymous callers on every organisation route', async () => {
    for (const op of operations(b)) {
      const res = await t.app.inject({
        method: op.method,
        url: op.url,
        ...('payload' in op ? { payload: op.payload } : {}),
      });
      expect(res.statusCode, op.name).toBe(401);
    }
  });
});
