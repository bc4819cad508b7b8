import { beforeAll, describe, expect, it } from 'vitest';
import { transaction } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import { sampleCredential } from '../testing/fixtures.js';
import { addMember, createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();

type Entry = {
  id: string;
  type: string;
  occurredAt: string;
  actor: Record<string, string>;
  summary: string;
  data: Record<string, unknown>;
};
type Page = { items: Entry[]; nextCursor: string | null };

let owner: TestUser;
let admin: TestUser;
let author: TestUser;
let outsider: TestUser;
let org: { id: string; slug: string };
let otherOrg: { id: string; slug: string };
let key: { id: string; token: string };

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Olive Owner' });
  admin = await signUpUser(t.app, { name: 'Adam Admin' });
  author = await signUpUser(t.app, { name: 'Aura Author' });
  // A name a spreadsheet would run as a formula.
  outsider = await signUpUser(t.app, { name: '=HYPERLINK("https://evil.example","Olga")' });
  org = await createOrg(t.app, owner, { name: 'Audit Academy' });
  await addMember(t.app, owner, org.slug, admin, 'admin');
  await addMember(t.app, owner, org.slug, author, 'author');
  key = await createApiKey(t.app, owner, org.slug);
  otherOrg = await createOrg(t.app, outsider, { name: 'Other Org' });
});

const read = (slug: string, user: TestUser | undefined, query = '') =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/orgs/${slug}/audit-log${query}`,
    headers: user ? { cookie: user.cookie } : {},
  });

async function page(slug: string, user: TestUser, query = ''): Promise<Page> {
  const res = await read(slug, user, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

describe('who may read an organisation’s audit log', () => {
  it('owners and admins read it; other members get 403, outsiders 404, anonymous 401', async () => {
    expect((await read(org.slug, owner)).statusCode).toBe(200);
    expect((await read(org.slug, admin)).statusCode).toBe(200);
    const refused = await read(org.slug, author);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await read(org.slug, outsider)).statusCode).toBe(404);
    expect((await read(org.slug, undefined)).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/orgs/${org.slug}/audit-log.csv`,
          headers: { cookie: author.cookie },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('entries', () => {
  it('say who did what, with names: people, API keys, and Cairn itself', async () => {
    const issued = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { authorization: `Bearer ${key.token}` },
      payload: { credential: sampleCredential(), options: { recipientEmail: 'lena@example.com' } },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    await recordEvent(t.deps, t.deps.db, {
      type: 'webhook.disabled',
      orgId: org.id,
      actor: { kind: 'system', reason: 'deliveries failed for 3 days' },
      data: { webhookId: '0d7c3c3e-0f5a-4a3b-9f39-1f0c2c1f6a11', reason: 'the receiver answered 500 for 3 days' },
    });

    const { items } = await page(org.slug, admin, '?limit=200');
    const byType = (type: string) => items.filter((e) => e.type === type);

    // Members who accepted an invitation (or created the organisation) joined by their own action.
    expect(
      byType('member.added')
        .map((e) => e.summary)
        .sort(),
    ).toEqual(['Adam Admin joined as admin', 'Aura Author joined as author', 'Olive Owner joined as owner']);
    const ownerAdded = byType('member.added').find((e) => e.data.role === 'owner')!;
    expect(ownerAdded.actor).toEqual({ kind: 'user', userId: owner.id, name: 'Olive Owner', email: owner.email });

    const keyCreated = byType('api-key.created')[0]!;
    expect(keyCreated.summary).toBe('Olive Owner created the API key “key admin” (admin)');

    const credential = byType('credential.issued')[0]!;
    expect(credential.actor).toEqual({ kind: 'apiKey', apiKeyId: key.id, apiKeyName: 'key admin' });
    expect(credential.summary).toBe(
      'API key “key admin” issued “Data Literacy Foundations” to lena@example.com through the VC-API',
    );

    const disabled = byType('webhook.disabled')[0]!;
    expect(disabled.actor).toEqual({ kind: 'system', reason: 'deliveries failed for 3 days' });
    expect(disabled.summary).toBe('Cairn disabled a webhook: the receiver answered 500 for 3 days');

    // Newest first.
    const times = items.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('filters by type and period; a date as `until` includes that day', async () => {
    const { items } = await page(org.slug, owner, '?type=member.added,api-key.created');
    expect(new Set(items.map((e) => e.type))).toEqual(new Set(['member.added', 'api-key.created']));

    const today = new Date().toISOString().slice(0, 10);
    expect((await page(org.slug, owner, `?since=${today}&until=${today}`)).items.length).toBeGreaterThan(0);
    expect((await page(org.slug, owner, '?until=2020-01-01')).items).toEqual([]);
    const inverted = await read(org.slug, owner, `?since=${today}&until=2020-01-01`);
    expect(inverted.statusCode).toBe(400);
    expect((await read(org.slug, owner, '?type=credential.exploded')).statusCode).toBe(400);
  });

  it('pages without losing entries written in the same transaction (same instant)', async () => {
    await transaction(t.deps.db, async (trx) => {
      for (let i = 0; i < 5; i += 1) {
        await recordEvent(t.deps, trx, {
          type: 'organization.updated',
          orgId: org.id,
          actor: { kind: 'user', userId: owner.id },
          data: { organizationId: org.id, changed: [`field-${i}`] },
        });
      }
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result: Page = await page(
        org.slug,
        owner,
        `?type=organization.updated&limit=2${cursor ? `&before=${cursor}` : ''}`,
      );
      seen.push(...result.items.map((e) => (e.data.changed as string[])[0]!));
      cursor = result.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.filter((c) => c.startsWith('field-')).sort()).toEqual([
      'field-0',
      'field-1',
      'field-2',
      'field-3',
      'field-4',
    ]);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await read(org.slug, owner, '?before=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
  });
});

describe('tenant isolation', () => {
  it('another organisation’s admin sees nothing of this one, and names never cross organisations', async () => {
    const ours = await page(org.slug, owner, '?limit=200');
    const theirs = await page(otherOrg.slug, outsider, '?limit=200');
    const ourIds = new Set(ours.items.map((e) => e.id));
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.some((e) => ourIds.has(e.id))).toBe(false);
    expect(JSON.stringify(theirs)).not.toContain('Olive Owner');

    // An event of the other organisation that names our API key (as a forged or buggy record would)
    // does not get our key's name.
    await recordEvent(t.deps, t.deps.db, {
      type: 'api-key.revoked',
      orgId: otherOrg.id,
      actor: { kind: 'apiKey', apiKeyId: key.id },
      data: { apiKeyId: key.id },
    });
    const forged = (await page(otherOrg.slug, outsider, '?type=api-key.revoked')).items[0]!;
    expect(forged.actor).toEqual({ kind: 'apiKey', apiKeyId: key.id });
    expect(forged.summary).toBe('An API key revoked an API key');

    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/orgs/${org.slug}/audit-log.csv`,
          headers: { cookie: outsider.cookie },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('GET …/audit-log.csv', () => {
  it('streams every matching entry as CSV, with formula cells neutralised', async () => {
    await recordEvent(t.deps, t.deps.db, {
      type: 'member.added',
      orgId: otherOrg.id,
      actor: { kind: 'user', userId: outsider.id },
      data: { userId: outsider.id, role: 'viewer' },
    });
    await recordEvent(t.deps, t.deps.db, {
      type: 'credential.revoked',
      orgId: otherOrg.id,
      actor: { kind: 'system', reason: '@SUM(1+1)' },
      data: { credentialId: 'nothing-here', recipientUserId: null, reason: '+1 "quoted"' },
    });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${otherOrg.slug}/audit-log.csv?type=member.added,credential.revoked`,
      headers: { cookie: outsider.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="audit-log-${otherOrg.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"occurredAt","type","summary","actorKind","actorName","actorEmail","apiKeyName","reason","eventId","data"',
    );
    expect(lines.slice(1).every((l) => /"(member\.added|credential\.revoked)"/.test(l))).toBe(true);
    // Both member.added events of the organisation (its creation and ours), and the revocation.
    expect(lines).toHaveLength(4);
    const revoked = lines.find((l) => l.includes('credential.revoked'))!;
    expect(revoked).toContain(`"Cairn revoked a credential: +1 ""quoted"""`);
    expect(revoked).toContain(`"'@SUM(1+1)"`);
    const added = lines.find((l) => l.includes('"viewer'))!;
    expect(added).toContain(`"'=HYPERLINK(""https://evil.example"",""Olga"")"`);
    expect(added).toContain(`"'=HYPERLINK(""https://evil.example"",""Olga"") joined as viewer"`);
  });
});
