import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme } from '../catalog/catalog-test-helpers.js';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();
let northwind: { slug: string; id: string };
let rival: { slug: string; id: string };
let owner: TestUser;
let rivalProgramme: { id: string };
let ownProgramme: { id: string };

beforeAll(async () => {
  owner = await signUpUser(t.app);
  northwind = await createOrg(t.app, owner, { roles: ['provider'], name: 'Northwind Academy' });
  const rivalOwner = await signUpUser(t.app);
  rival = await createOrg(t.app, rivalOwner, { roles: ['provider'], name: 'Rival Institute' });
  ownProgramme = await createProgramme(
    t.app,
    owner,
    northwind.slug,
    { slug: 'own-paid', title: 'Own paid', cost: { amountMinor: 9900, currency: 'EUR' } },
    { publish: false },
  );
  rivalProgramme = await createProgramme(
    t.app,
    rivalOwner,
    rival.slug,
    { slug: 'rival-paid', title: 'Rival paid', cost: { amountMinor: 49900, currency: 'EUR' } },
    { publish: false },
  );
});

const createVoucher = (body: object, headers: Record<string, string> = { cookie: owner.cookie }) =>
  t.app.inject({ method: 'POST', url: `/api/v1/orgs/${northwind.slug}/vouchers`, headers, payload: body });
const voucherCount = async () =>
  (
    await t.database.db
      .selectFrom('vouchers')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('creating a voucher', () => {
  it('names one of the organisation’s own programmes', async () => {
    const res = await createVoucher({ code: 'OWN-2026', microcredentialId: ownProgramme.id, maxRedemptions: 5 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'OWN-2026', microcredentialId: ownProgramme.id, redeemed: 0 });
  });

  it('refuses another provider’s programme exactly as a missing one, and writes nothing', async () => {
    const before = await voucherCount();
    const foreign = await createVoucher({
      code: 'STEAL-2026',
      microcredentialId: rivalProgramme.id,
      maxRedemptions: 100,
    });
    const missing = await createVoucher({ code: 'GHOST-2026', microcredentialId: randomUUID(), maxRedemptions: 100 });
    for (const res of [foreign, missing]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        code: 'not_found',
        errors: [{ field: 'microcredentialId', message: 'Not one of your programmes' }],
      });
      expect(res.json().detail).toMatch(/Northwind Academy has no programme with this id/);
    }
    // Nothing tells the two apart, so the answer does not reveal that the rival's programme exists.
    expect(foreign.json().detail).toBe(missing.json().detail);
    expect(await voucherCount()).toBe(before);
  });

  it('applies the same rule to an API key', async () => {
    const { token } = await createApiKey(t.app, owner, northwind.slug, 'admin');
    const res = await createVoucher(
      { microcredentialId: rivalProgramme.id, maxRedemptions: 1 },
      { authorization: `Bearer ${token}` },
    );
    expect(res.statusCode).toBe(404);
  });
});
