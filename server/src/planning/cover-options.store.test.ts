import { sql as kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { createPathway, microRequirement } from '../pathways/pathway-test-helpers.js';
import { createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { transaction } from '../db/transaction.js';
import { loadCoverOptions } from './cover-options.store.js';
import { planSkillCover } from './skill-cover.js';

const t = useTestApp();
let sql: string;
let viz: string;
let safety: string;
let pathwayId: string;
let owner: TestUser;
let orgSlug: string;

beforeAll(async () => {
  owner = await signUpUser(t.app);
  const org = await createOrg(t.app, owner, { roles: ['provider'] });
  orgSlug = org.slug;
  sql = (await starterSkillIds(t.app, 'SQL querying', 1))[0]!.id;
  viz = (await starterSkillIds(t.app, 'Data visualisation', 1))[0]!.id;
  safety = (await starterSkillIds(t.app, 'Workplace risk assessment', 1))[0]!.id;
  const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
  const sqlCourse = await createProgramme(t.app, owner, org.slug, {
    slug: 'sql-basics',
    title: 'SQL basics',
    skillIds: [sql],
    cost: eur(20_000),
    effortHours: 12,
  });
  const vizCourse = await createProgramme(t.app, owner, org.slug, {
    slug: 'charts',
    title: 'Charts',
    skillIds: [viz],
    cost: eur(15_000),
    effortHours: 8,
  });
  await createProgramme(t.app, owner, org.slug, {
    slug: 'sql-and-charts-fr',
    title: 'SQL et graphiques',
    skillIds: [sql, viz],
    cost: eur(25_000),
    language: 'fr',
    effortHours: 30,
  });
  await createProgramme(t.app, owner, org.slug, { slug: 'draft', title: 'Draft', skillIds: [sql] }, { publish: false });
  pathwayId = await createPathway(t.app, owner, org.slug, {
    name: 'Data starter',
    tree: {
      id: 'root',
      type: 'all',
      children: [
        microRequirement({ ...sqlCourse, providerSlug: org.slug }, 'sql'),
        microRequirement({ ...vizCourse, providerSlug: org.slug }, 'viz'),
      ],
    },
  });
});

describe('loadCoverOptions', () => {
  it('offers published programmes and pathways teaching a wanted skill, never drafts', async () => {
    const options = await loadCoverOptions(t.database.db, { skillIds: [sql] });
    const byName = new Map(options.map((o) => [o.name, o]));
    expect([...byName.keys()].sort()).toEqual(['Data starter', 'SQL basics', 'SQL et graphiques']);
    expect(byName.get('SQL basics')).toMatchObject({
      kind: 'programme',
      cost: { amountMinor: 20_000, currency: 'EUR' },
      hours: 12,
    });
    expect(byName.get('Data starter')).toMatchObject({
      kind: 'pathway',
      id: pathwayId,
      cost: { amountMinor: 35_000, currency: 'EUR' },
      hours: 20,
    });
    expect([...byName.get('Data starter')!.skillIds].sort()).toEqual([sql, viz].sort());
  });

  it('keeps to a language when asked', async () => {
    const options = await loadCoverOptions(t.database.db, { skillIds: [sql, viz], language: 'fr' });
    expect(options.map((o) => o.name)).toEqual(['SQL et graphiques']);
  });

  it('feeds a plan: the cheapest cover of two skills, and what nothing teaches', async () => {
    const options = await loadCoverOptions(t.database.db, { skillIds: [sql, viz, safety] });
    const plan = planSkillCover({ skillIds: [sql, viz, safety], options, optimise: 'cost' });
    expect(plan.steps.map((s) => s.name)).toEqual(['SQL et graphiques']);
    expect(plan.uncovered).toEqual([safety]);
    const fastest = planSkillCover({ skillIds: [sql, viz], options, optimise: 'time' });
    expect(fastest.totals.hours).toBe(20);
  });

  it('carries the accreditations the catalogue lists, and a pathway only those all its programmes share', async () => {
    // The catalogue keeps accreditor_slugs to signed accreditations in force (tested with
    // accreditation); here only what the plan reads of them. Like every catalogue write, each
    // change takes a new change_seq, which is how cached cover options learn of it.
    const changeSeq = kysely<string>`nextval('catalog_entries_change_seq')`;
    await t.database.db
      .updateTable('catalog_entries')
      .set({ accreditor_slugs: ['meridian'], change_seq: changeSeq })
      .where('slug', 'in', ['sql-basics', 'charts'])
      .execute();
    await t.database.db
      .updateTable('catalog_entries')
      .set({ accreditor_slugs: ['meridian', 'other'], change_seq: changeSeq })
      .where('slug', '=', 'charts')
      .execute();
    const options = await loadCoverOptions(t.database.db, { skillIds: [sql, viz] });
    const byName = new Map(options.map((o) => [o.name, o]));
    expect(byName.get('SQL basics')!.accreditedBy).toEqual(['meridian']);
    expect(byName.get('SQL et graphiques')!.accreditedBy).toEqual([]);
    expect(byName.get('Data starter')!.accreditedBy).toEqual(['meridian']);
  });

  it('sees a programme published after the options were first read, and a change to one, on the next call', async () => {
    const before = await loadCoverOptions(t.database.db, { skillIds: [safety] });
    expect(before.filter((o) => o.kind === 'programme')).toEqual([]);
    const course = await createProgramme(t.app, owner, orgSlug, {
      slug: 'risk-basics',
      title: 'Risk basics',
      skillIds: [safety],
      effortHours: 6,
    });
    const after = await loadCoverOptions(t.database.db, { skillIds: [safety] });
    expect(after.map((o) => o.name)).toEqual(['Risk basics']);
    // The row moves to other skills: it no longer teaches the first one.
    await t.database.db
      .updateTable('catalog_entries')
      .set({ skill_ids: [viz], change_seq: kysely<string>`nextval('catalog_entries_change_seq')` })
      .where('microcredential_id', '=', course.id)
      .execute();
    expect((await loadCoverOptions(t.database.db, { skillIds: [safety] })).map((o) => o.name)).toEqual([]);
    expect((await loadCoverOptions(t.database.db, { skillIds: [viz] })).map((o) => o.name)).toContain('Risk basics');
  });

  it('reads straight from SQL inside a transaction, which sees its own writes', async () => {
    await transaction(t.database.db, async (trx) => {
      await trx
        .updateTable('catalog_entries')
        .set({ title: 'Risk basics, renamed' })
        .where('slug', '=', 'risk-basics')
        .execute();
      const inside = await loadCoverOptions(trx, { skillIds: [viz] });
      expect(inside.map((o) => o.name)).toContain('Risk basics, renamed');
      throw new Error('roll back');
    }).catch((error: unknown) => {
      if ((error as Error).message !== 'roll back') throw error;
    });
  });
});
