import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { listMailsTo } from '../mail/mail.store.js';
import { addMember, createApiKey, createOrg, signUpUser, unique, useTestApp } from '../testing/test-app.js';

const t = useTestApp();

describe('organisations', () => {
  it('creates an organisation with a did:web and makes the creator its owner', async () => {
    const owner = await signUpUser(t.app);
    const slug = unique('acme');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: owner.cookie },
      payload: { name: 'Acme Training', slug, roles: ['provider', 'partner'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: expect.any(String),
      slug,
      did: `did:web:cairn.test:orgs:${slug}`,
      roles: ['provider', 'partner'],
    });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: owner.cookie },
    });
    expect(session.json().memberships).toEqual([
      expect.objectContaining({ role: 'owner', org: expect.objectContaining({ slug }) }),
    ]);
  });

  it('answers 401 without a session and 409 for a taken slug, writing nothing', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { name: 'X', slug: unique('anon'), roles: ['provider'] },
    });
    expect(anonymous.statusCode).toBe(401);
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: owner.cookie },
      payload: { name: 'Again', slug: org.slug, roles: ['employer'] },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([{ field: 'slug', message: 'Already taken' }]);
    const count = await t.database.db
      .selectFrom('organizations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('slug', '=', org.slug)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('validates slug and roles', async () => {
    const owner = await signUpUser(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { cookie: owner.cookie },
      payload: { name: 'Bad', slug: 'Bad Slug', roles: ['wizard'] },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['roles.0', 'slug']);
  });
});

describe('invitations', () => {
  it('invites by email, mails the link, and the invitee joins with the role', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const colleague = await signUpUser(t.app);
    const inv = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations`,
      headers: { cookie: owner.cookie },
      payload: { email: colleague.email, role: 'author' },
    });
    expect(inv.statusCode).toBe(201);
    const { acceptUrl } = inv.json<{ acceptUrl: string }>();
    expect(acceptUrl).toMatch(/^http:\/\/cairn\.test\/invitations\//);
    const [mail] = await listMailsTo(t.database.db, colleague.email);
    expect(mail?.text_body).toContain(acceptUrl);

    const token = acceptUrl.split('/').pop()!;
    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(preview.json()).toMatchObject({ orgSlug: org.slug, role: 'author', email: colleague.email });

    const stranger = await signUpUser(t.app);
    const wrongPerson = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      headers: { cookie: stranger.cookie },
      payload: {},
    });
    expect(wrongPerson.statusCode).toBe(403);

    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      headers: { cookie: colleague.cookie },
      payload: {},
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toMatchObject({ role: 'author', org: { slug: org.slug } });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      headers: { cookie: colleague.cookie },
      payload: {},
    });
    expect(again.statusCode).toBe(410);

    const members = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/members`,
      headers: { cookie: colleague.cookie },
    });
    expect(
      members
        .json()
        .items.map((m: { email: string; role: string }) => [m.email, m.role])
        .sort(),
    ).toEqual(
      [
        [owner.email, 'owner'],
        [colleague.email, 'author'],
      ].sort(),
    );
  });

  it('lets an invitation expire after seven days', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const inv = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations`,
      headers: { cookie: owner.cookie },
      payload: { email: `${unique('late')}@example.com`, role: 'viewer' },
    });
    const token = inv.json<{ acceptUrl: string }>().acceptUrl.split('/').pop()!;
    t.clock.advance(8 * 24 * 3600 * 1000);
    try {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode).toBe(410);
    } finally {
      t.clock.advance(-8 * 24 * 3600 * 1000);
    }
  });

  it('stops an admin from making owners and keeps at least one owner', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const admin = await signUpUser(t.app);
    await addMember(t.app, owner, org.slug, admin, 'admin');
    const promote = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/invitations`,
      headers: { cookie: admin.cookie },
      payload: { email: `${unique('o')}@example.com`, role: 'owner' },
    });
    expect(promote.statusCode).toBe(403);
    const demoteOwner = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}/members/${owner.id}`,
      headers: { cookie: admin.cookie },
      payload: { role: 'viewer' },
    });
    expect(demoteOwner.statusCode).toBe(403);
    const lastOwnerLeaves = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/${org.slug}/members/${owner.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(lastOwnerLeaves.statusCode).toBe(409);
    const demoted = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.slug}/members/${admin.id}`,
      headers: { cookie: owner.cookie },
      payload: { role: 'viewer' },
    });
    expect(demoted.json()).toMatchObject({ role: 'viewer' });
  });
});

describe('API keys', () => {
  it('shows the token once, authenticates as the organisation, records use, and stops on revoke', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const key = await createApiKey(t.app, owner, org.slug, 'viewer');
    expect(key.token).toMatch(/^cairn_/);
    const stored = await t.database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(key.token);

    const asMachine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}`,
      headers: { authorization: `Bearer ${key.token}` },
    });
    expect(asMachine.statusCode).toBe(200);
    expect(asMachine.json()).toMatchObject({ slug: org.slug, myRole: 'viewer' });

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      headers: { cookie: owner.cookie },
    });
    const listed = list.json<{ items: Record<string, unknown>[] }>().items[0]!;
    expect(listed).toMatchObject({ id: key.id, role: 'viewer', lastUsedAt: expect.any(String), revokedAt: null });
    expect(listed).not.toHaveProperty('token');

    const keysCannotMintKeys = await t.app.inject({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/api-keys`,
      headers: { authorization: `Bearer ${key.token}` },
      payload: { name: 'x' },
    });
    expect(keysCannotMintKeys.statusCode).toBe(403);

    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/${org.slug}/api-keys/${key.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${org.slug}`,
      headers: { authorization: `Bearer ${key.token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toMatch(/revoked/);
  });
});
