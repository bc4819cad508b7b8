import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme } from '../catalog/catalog-test-helpers.js';
import { completeProgramme } from '../pathways/pathway-test-helpers.js';
import { employerWorld } from '../testing/employer-world.js';
import { useTestApp, type TestUser } from '../testing/test-app.js';
import { forgedSkillClaim, issuedDocument, putInWallet } from '../testing/wallet-documents.js';
import { clearEvidenceCache } from './skill-evidence.js';
import { getRoleGaps } from './use-cases/get-role-gaps.js';

// The remembered verification of shared credentials (issue 14): a gap report re-checks status,
// dates and keys of a credential whose signature verified before, and never lets a forged,
// revoked, expired or someone else's credential evidence a skill.

const t = useTestApp();
let provider: TestUser;
let employer: TestUser;
let ana: TestUser;
let ben: TestUser;
let northwind: { slug: string; id: string };
let harbor: { slug: string; id: string };
let skills: { id: string; name: string }[];
let anaExpiring: string; // validity 12 months, aligned to skills[0]
let anaLasting: string; // no expiry, aligned to skills[1]
let roleId: string;

const TTL_MS = 61_000;
const as = (user: TestUser) => ({ cookie: user.cookie });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function skillsOf(user: TestUser) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/orgs/${harbor.slug}/roles/${roleId}/gaps`,
    headers: as(employer),
  });
  expect(res.statusCode).toBe(200);
  const member = res.json().members.find((m: { userId: string }) => m.userId === user.id);
  return Object.fromEntries(
    (member?.skills ?? []).map((s: { skillId: string; verified: number | null; status: string }) => [
      s.skillId,
      s.status,
    ]),
  ) as Record<string, string>;
}

const memosOf = (userId: string) =>
  t.database.db
    .selectFrom('credential_verification_memos')
    .select(['content_hash', 'skills', 'signing_keys', 'email_hash'])
    .where('user_id', '=', userId)
    .execute();

beforeAll(async () => {
  ({ provider, employer, ana, ben, northwind, harbor, skills } = await employerWorld(t.app, {
    ana: 'Ana Sharing',
    ben: 'Ben Borrowing',
  }));
  const expiring = await createProgramme(t.app, provider, northwind.slug, {
    slug: 'expiring',
    title: 'Expiring',
    validityMonths: 12,
    skillIds: [skills[0]!.id],
  });
  const lasting = await createProgramme(t.app, provider, northwind.slug, {
    slug: 'lasting',
    title: 'Lasting',
    skillIds: [skills[1]!.id],
  });
  anaExpiring = await completeProgramme(t.app, ana, { ...expiring, providerSlug: northwind.slug });
  anaLasting = await completeProgramme(t.app, ana, { ...lasting, providerSlug: northwind.slug });
  const role = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${harbor.slug}/roles`,
    headers: as(employer),
    payload: { name: 'Analyst', skills: skills.map((s) => ({ skillId: s.id, level: 1, essential: true })) },
  });
  expect(role.statusCode).toBe(201);
  roleId = role.json().id;
});

describe('remembered verification of shared credentials', () => {
  it('verifies what a member shares in the background and remembers it by the document hash', async () => {
    const shared = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/me/sharing/${harbor.slug}`,
      headers: as(ana),
      payload: { credentials: 'all' },
    });
    expect(shared.statusCode).toBe(200);
    expect(await memosOf(ana.id)).toEqual([]);
    await t.jobs.drain();
    const memos = await memosOf(ana.id);
    expect(memos.map((m) => m.content_hash).sort()).toEqual(
      [
        sha256(await issuedDocument(t.database.db, anaExpiring)),
        sha256(await issuedDocument(t.database.db, anaLasting)),
      ].sort(),
    );
    expect(memos.every((m) => m.email_hash === sha256(ana.email.toLowerCase()))).toBe(true);
    expect(memos.every((m) => (m.signing_keys as { id: string }[])[0]!.id.startsWith('did:web:'))).toBe(true);
    clearEvidenceCache();
    expect(await skillsOf(ana)).toEqual({
      [skills[0]!.id]: 'met',
      [skills[1]!.id]: 'met',
      [skills[2]!.id]: 'missing',
    });
  });

  it('a report reads the remembered facts instead of verifying the signature again', async () => {
    // Proof that the report took the remembered path: a memo that names another skill is what it shows.
    const hash = sha256(await issuedDocument(t.database.db, anaLasting));
    await t.database.db
      .updateTable('credential_verification_memos')
      .set({ skills: JSON.stringify([{ skillId: skills[2]!.id, level: 1 }]) })
      .where('user_id', '=', ana.id)
      .where('content_hash', '=', hash)
      .execute();
    clearEvidenceCache();
    expect((await skillsOf(ana))[skills[2]!.id]).toBe('met');
    await t.database.db
      .updateTable('credential_verification_memos')
      .set({ skills: JSON.stringify([{ skillId: skills[1]!.id, level: 4 }]) })
      .where('user_id', '=', ana.id)
      .where('content_hash', '=', hash)
      .execute();
    clearEvidenceCache();
    expect((await skillsOf(ana))[skills[2]!.id]).toBe('missing');
  });

  it('never counts a forged copy: one changed byte is another document, verified in full', async () => {
    const forged = await forgedSkillClaim(
      t.database.db,
      anaLasting,
      `http://cairn.test/api/v1/skills/${skills[2]!.id}`,
    );
    await putInWallet(t.database.db, { learnerId: ana.id, document: forged, issuerDid: northwind.slug, tag: 'forged' });
    expect((await skillsOf(ana))[skills[2]!.id]).toBe('missing');
    expect(await memosOf(ana.id)).toHaveLength(2);
    await t.database.db.deleteFrom('wallet_credentials').where('learner_id', '=', ana.id).execute();
  });

  it("never counts someone else's credential, even one remembered for its holder", async () => {
    await putInWallet(t.database.db, {
      learnerId: ben.id,
      document: await issuedDocument(t.database.db, anaLasting),
      issuerDid: northwind.slug,
      tag: 'borrowed',
    });
    const shared = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/me/sharing/${harbor.slug}`,
      headers: as(ben),
      payload: { credentials: 'all' },
    });
    expect(shared.statusCode).toBe(200);
    await t.jobs.drain();
    expect(await memosOf(ben.id)).toEqual([]);
    expect((await skillsOf(ben))[skills[1]!.id]).toBe('missing');
    expect((await skillsOf(ana))[skills[1]!.id]).toBe('met');
  });

  it("stops counting when the issuer's key is no longer the one that signed", async () => {
    const keys = await t.database.db
      .selectFrom('signing_keys')
      .select(['key_id', 'public_key_multibase'])
      .where('org_id', '=', northwind.id)
      .execute();
    // The same key id now carries other key material (a did:key of someone else's Ed25519 key).
    const other = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    await t.database.db
      .updateTable('signing_keys')
      .set({ public_key_multibase: other })
      .where('org_id', '=', northwind.id)
      .execute();
    t.clock.advance(TTL_MS);
    expect(await skillsOf(ana)).toMatchObject({ [skills[0]!.id]: 'missing', [skills[1]!.id]: 'missing' });
    for (const k of keys) {
      await t.database.db
        .updateTable('signing_keys')
        .set({ public_key_multibase: k.public_key_multibase })
        .where('key_id', '=', k.key_id)
        .execute();
    }
    t.clock.advance(TTL_MS);
    expect(await skillsOf(ana)).toMatchObject({ [skills[0]!.id]: 'met', [skills[1]!.id]: 'met' });
  });

  it('stops counting a remembered credential once it is revoked (its list read again after the TTL)', async () => {
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${anaLasting}/revoke`,
      headers: { ...as(provider), 'x-cairn-csrf': '1' },
      payload: { reason: 'Issued in error' },
    });
    expect(revoked.statusCode).toBe(200);
    t.clock.advance(TTL_MS);
    expect(await skillsOf(ana)).toMatchObject({ [skills[0]!.id]: 'met', [skills[1]!.id]: 'missing' });
  });

  it('stops counting a remembered credential once it expires, with no list to read', async () => {
    t.clock.advance(366 * 86_400_000);
    // A year on, sessions have ended: the report is asked for as the employer directly.
    const report = await getRoleGaps(
      t.deps,
      { kind: 'user', userId: employer.id, sessionId: 'test' },
      harbor.slug,
      roleId,
    );
    const member = report.members.find((m) => m.userId === ana.id)!;
    expect(member.skills.find((s) => s.skillId === skills[0]!.id)).toMatchObject({ verified: null, status: 'missing' });
  });
});
