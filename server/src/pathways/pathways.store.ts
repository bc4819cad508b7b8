import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../db/transaction.js';
import type { WalletStatus } from '../db/schema.js';
import { PREPARED_MARK } from '../db/prepared-statements.js';

const versionColumns = [
  'v.id',
  'v.org_id',
  'v.pathway_id',
  'v.version_number',
  'v.status',
  'v.name',
  'v.description',
  'v.achievement_type',
  'v.criteria_narrative',
  'v.image_url',
  'v.tree',
  'v.recommended_order',
  'v.achievement',
  'v.published_at',
  'v.publish_seq',
  'v.created_at',
  'v.updated_at',
] as const;

export async function insertPathway(db: Db, row: { orgId: string; slug: string; createdBy: string | null }) {
  return db
    .insertInto('pathways')
    .values({ org_id: row.orgId, slug: row.slug, created_by: row.createdBy })
    .onConflict((oc) => oc.columns(['org_id', 'slug']).doNothing())
    .returning(['id', 'org_id', 'slug', 'created_at'])
    .executeTakeFirst();
}

export type VersionFields = {
  name: string;
  description: string;
  achievementType: string;
  criteriaNarrative: string;
  imageUrl: string | null;
  tree: unknown;
  recommendedOrder: string[];
};

function searchText(f: VersionFields) {
  return `${f.name} ${f.description}`.toLowerCase();
}

export async function insertVersion(db: Db, row: VersionFields & { orgId: string; pathwayId: string; versionNumber: number; createdBy: string | null }) {
  return db
    .insertInto('pathway_versions')
    .values({
      org_id: row.orgId,
      pathway_id: row.pathwayId,
      version_number: row.versionNumber,
      status: 'draft',
      name: row.name,
      description: row.description,
      achievement_type: row.achievementType,
      criteria_narrative: row.criteriaNarrative,
      image_url: row.imageUrl,
      tree: JSON.stringify(row.tree),
      recommended_order: row.recommendedOrder,
      search: searchText(row),
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateDraft(db: Db, versionId: string, f: VersionFields, now: Date) {
  await db
    .updateTable('pathway_versions')
    .set({
      name: f.name,
      description: f.description,
      achievement_type: f.achievementType,
      criteria_narrative: f.criteriaNarrative,
      image_url: f.imageUrl,
      tree: JSON.stringify(f.tree),
      recommended_order: f.recommendedOrder,
      search: searchText(f),
      updated_at: now,
    })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute();
}

export async function publishVersion(db: Db, versionId: string, options: { achievement: unknown; publishedBy: string | null; now: Date }) {
  // Publishers take turns until commit, so publish_seq values become visible in order: an
  // in-memory index that has caught up to N never later meets a version below N (see published-pathways.ts).
  await sql`select pg_advisory_xact_lock(hashtext('cairn.pathway_versions.publish'))`.execute(db);
  await db
    .updateTable('pathway_versions')
    .set({
      status: 'published',
      achievement: JSON.stringify(options.achievement),
      published_by: options.publishedBy,
      published_at: options.now,
      updated_at: options.now,
      publish_seq: sql<string>`nextval('pathway_versions_publish_seq')`,
    })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute();
}

export function findPathway(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('pathways as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'p.slug', 'p.created_at', 'o.slug as orgSlug', 'o.name as orgName', 'o.did as orgDid'])
    .where('p.id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function listPathwaysOfOrg(db: Db, orgId: string) {
  return db
    .selectFrom('pathways as p')
    .select([
      'p.id',
      'p.slug',
      'p.created_at',
      (eb) => eb.selectFrom('pathway_versions as v').select('v.name').whereRef('v.pathway_id', '=', 'p.id').orderBy('v.version_number', 'desc').limit(1).as('name'),
      (eb) => eb.selectFrom('pathway_versions as v').select(sql<number | null>`max(v.version_number) filter (where v.status = 'published')`.as('n')).whereRef('v.pathway_id', '=', 'p.id').as('publishedVersion'),
      (eb) => eb.selectFrom('pathway_versions as v').select(sql<boolean>`count(*) filter (where v.status = 'draft') > 0`.as('d')).whereRef('v.pathway_id', '=', 'p.id').as('hasDraft'),
      (eb) => eb.selectFrom('pathway_learners as pl').select(sql<number>`count(*)::int`.as('n')).whereRef('pl.pathway_id', '=', 'p.id').as('learners'),
      (eb) => eb.selectFrom('pathway_awards as a').select(sql<number>`count(*)::int`.as('n')).whereRef('a.pathway_id', '=', 'p.id').as('awarded'),
    ])
    .where('p.org_id', '=', orgId)
    .orderBy('p.created_at', 'desc')
    .execute();
}

export function listVersions(db: Db, pathwayId: string) {
  return db.selectFrom('pathway_versions as v').select(versionColumns).where('v.pathway_id', '=', pathwayId).orderBy('v.version_number', 'asc').execute();
}

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export function findVersion(db: Db, versionId: string) {
  return db.selectFrom('pathway_versions as v').select(versionColumns).where('v.id', '=', versionId).executeTakeFirst();
}

export function findVersionsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as VersionRow[]);
  return db.selectFrom('pathway_versions as v').select(versionColumns).where('v.id', 'in', ids).execute();
}

/** The newest published version of each pathway given. */
export function latestPublishedVersions(db: Db, pathwayIds: string[]) {
  if (pathwayIds.length === 0) return Promise.resolve([] as VersionRow[]);
  return db
    .selectFrom('pathway_versions as v')
    .select(versionColumns)
    .where('v.pathway_id', 'in', pathwayIds)
    .where('v.status', '=', 'published')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('pathway_versions as w').select('w.id').whereRef('w.pathway_id', '=', 'v.pathway_id').where('w.status', '=', 'published').whereRef('w.version_number', '>', 'v.version_number'))),
    )
    .execute();
}

/** Published pathways for the public list: the newest published version of each. */
export function listPublishedPathways(db: Db, options: { q?: string | undefined; provider?: string | undefined; limit: number; offset: number }) {
  let q = db
    .selectFrom('pathway_versions as v')
    .innerJoin('pathways as p', 'p.id', 'v.pathway_id')
    .innerJoin('organizations as o', 'o.id', 'v.org_id')
    .select([...versionColumns, 'p.slug', 'o.slug as orgSlug', 'o.name as orgName', sql<number>`count(*) over ()::int`.as('total')])
    .where('v.status', '=', 'published')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('pathway_versions as w').select('w.id').whereRef('w.pathway_id', '=', 'v.pathway_id').where('w.status', '=', 'published').whereRef('w.version_number', '>', 'v.version_number'))),
    );
  if (options.q) {
    const words = options.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    for (const word of words) q = q.where('v.search', 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (options.provider) q = q.where('o.slug', '=', options.provider);
  return q.orderBy('v.published_at', 'desc').limit(options.limit).offset(options.offset).execute();
}

/** Micro-credentials with at least one published version, with their organisation. */
export function findPublishedMicrocredentials(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('microcredentials as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.slug', 'm.org_id', 'o.slug as orgSlug', 'o.name as orgName', 'o.did as orgDid'])
    .where('m.id', 'in', ids)
    .where((eb) => eb.exists(eb.selectFrom('microcredential_versions as v').select('v.id').whereRef('v.microcredential_id', '=', 'm.id').where('v.status', '=', 'published')))
    .execute();
}

export function findSkillIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('skills').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** What the catalogue offers now for these micro-credentials (their newest published version). */
export function catalogueOffersFor(db: Db, microcredentialIds: string[]) {
  if (microcredentialIds.length === 0) return Promise.resolve([] as OfferRow[]);
  return offerQuery(db).where('c.microcredential_id', 'in', microcredentialIds).execute();
}

/** Offers that help a threshold: the most CPD hours, or covering listed skills. */
export function catalogueOffersForThresholds(db: Db, options: { skillIds: string[]; wantsCpd: boolean; limit: number }) {
  let q = offerQuery(db);
  if (options.skillIds.length > 0 && !options.wantsCpd) {
    q = q.where(sql<boolean>`c.skill_ids && ${sql.val(options.skillIds)}::uuid[]`);
  }
  return q.orderBy('c.cpd_hours', 'desc').limit(options.limit).execute();
}

function offerQuery(db: Db) {
  return db
    .selectFrom('catalog_entries as c')
    .select(['c.microcredential_id', 'c.version_id', 'c.org_id', 'c.slug', 'c.provider_slug', 'c.provider_name', 'c.title', 'c.skill_ids', 'c.cost_amount_minor', 'c.cost_currency', 'c.effort_hours', 'c.cpd_hours', 'c.duration_weeks']);
}

export type OfferRow = {
  microcredential_id: string;
  version_id: string;
  org_id: string;
  slug: string;
  provider_slug: string;
  provider_name: string;
  title: string;
  skill_ids: string[];
  cost_amount_minor: number | null;
  cost_currency: string | null;
  effort_hours: number;
  cpd_hours: number;
  duration_weeks: number;
};

// ---------------------------------------------------------------------------------------------
// What learners hold

/**
 * Cairn credentials of these learners that are in force (not revoked, suspended or expired),
 * with the micro-credential or pathway they were issued for. CLRs are bundles, not achievements.
 */
export function heldCairnCredentials(db: Db, learnerIds: string[], now: Date) {
  return heldCairnQuery(db, learnerIds, now).execute();
}

function heldCairnQuery(db: Db, learnerIds: string[], now: Date) {
  return db
    .selectFrom('credentials as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .leftJoin('enrollments as e', 'e.credential_row_id', 'c.id')
    .leftJoin('microcredential_versions as mv', 'mv.id', 'e.version_id')
    .leftJoin('pathway_awards as a', 'a.credential_row_id', 'c.id')
    .select([
      'c.id',
      'c.recipient_user_id',
      'c.achievement_name',
      'o.did as issuerDid',
      'e.microcredential_id',
      'e.version_id as microcredentialVersionId',
      'mv.cpd_hours',
      'mv.skill_ids',
      'a.pathway_id',
      'a.version_id as pathwayVersionId',
      // Only credentials issued outside learning and pathways need their document read.
      sql<string | null>`case when e.id is null and a.id is null and c.format = 'ldp' then (c.document::jsonb #>> '{credentialSubject,achievement,id}') end`.as('achievementId'),
    ])
    .where('c.recipient_user_id', 'in', learnerIds)
    .where('c.revoked_at', 'is', null)
    .where('c.suspended_at', 'is', null)
    .where((eb) => eb.or([eb('c.valid_until', 'is', null), eb('c.valid_until', '>', now)]))
    .where(sql<boolean>`not ('ClrCredential' = any (c.types))`);
}

export function heldWalletCredentials(db: Db, learnerIds: string[], now: Date) {
  return heldWalletQuery(db, learnerIds, now).execute();
}

function heldWalletQuery(db: Db, learnerIds: string[], now: Date) {
  return db
    .selectFrom('wallet_credentials as w')
    .select(['w.id', 'w.learner_id', 'w.achievement_id', 'w.achievement_name', 'w.issuer_did', 'w.microcredential_id', 'w.credits', 'w.cpd_hours', 'w.skill_ids'])
    .where('w.learner_id', 'in', learnerIds)
    .where('w.status', '=', 'active')
    .where((eb) => eb.or([eb('w.valid_until', 'is', null), eb('w.valid_until', '>', now)]));
}

/**
 * Micro-credential versions by id, for achievements that name one (`/achievements/{versionId}`),
 * with the DIDs of the organisation that published them (its did:web and, once it has one, its
 * did:key): only its signature makes a credential for that achievement count as the
 * micro-credential.
 */
export function microcredentialVersionsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('microcredential_versions as v')
    .innerJoin('microcredentials as m', 'm.id', 'v.microcredential_id')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('did_key_issuers as k', 'k.org_id', 'o.id')
    .select(['v.id', 'v.microcredential_id', 'v.cpd_hours', 'v.skill_ids', 'o.did as orgDid', sql<string[]>`array_remove(array[o.did, k.did], null)`.as('orgDids')])
    .where('v.id', 'in', ids)
    .where('v.status', '=', 'published')
    .execute();
}

export function pathwayLearnersOf(db: Db, learnerIds: string[]) {
  if (learnerIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('pathway_learners').selectAll().where('learner_id', 'in', learnerIds).execute();
}

export type PathwayLearnerRow = Awaited<ReturnType<typeof pathwayLearnersOf>>[number];

export async function upsertPathwayLearners(
  db: Db,
  rows: { learnerId: string; pathwayId: string; orgId: string; versionId: string; isJoined?: boolean; joinedAt?: Date; done: number; required: number; isSatisfied: boolean; now: Date }[],
) {
  if (rows.length === 0) return;
  await db
    .insertInto('pathway_learners')
    .values(rows.map((r) => ({
      learner_id: r.learnerId,
      pathway_id: r.pathwayId,
      org_id: r.orgId,
      version_id: r.versionId,
      is_joined: r.isJoined ?? false,
      joined_at: r.joinedAt ?? null,
      done: r.done,
      required: r.required,
      is_satisfied: r.isSatisfied,
      evaluated_at: r.now,
    })))
    .onConflict((oc) =>
      oc.columns(['learner_id', 'pathway_id']).doUpdateSet((eb) => ({
        done: eb.ref('excluded.done'),
        required: eb.ref('excluded.required'),
        is_satisfied: eb.ref('excluded.is_satisfied'),
        evaluated_at: eb.ref('excluded.evaluated_at'),
        // Joining is sticky; the version a learner started on never changes here.
        is_joined: sql<boolean>`pathway_learners.is_joined or excluded.is_joined`,
        joined_at: sql<Date>`coalesce(pathway_learners.joined_at, excluded.joined_at)`,
      })),
    )
    .execute();
}

/** Serialises pathway evaluation per learner, so the last of two racing completions sees both. */
export async function lockLearner(db: Db, learnerId: string) {
  await sql`select ${sql.raw(PREPARED_MARK)} pg_advisory_xact_lock(hashtextextended(${`pathways:${learnerId}`}, 0))`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// Awards

/** Claims the award for a learner and pathway version; undefined when it was claimed already. */
export function claimAward(db: Db, row: { orgId: string; pathwayId: string; versionId: string; learnerId: string; idempotencyKey: string; now: Date }) {
  return db
    .insertInto('pathway_awards')
    .values({ org_id: row.orgId, pathway_id: row.pathwayId, version_id: row.versionId, learner_id: row.learnerId, idempotency_key: row.idempotencyKey, awarded_at: row.now })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function completeAward(db: Db, awardId: string, options: { credentialRowId: string; clrRowId: string; components: { kind: 'credential' | 'wallet'; id: string }[]; orgId: string }) {
  await db.updateTable('pathway_awards').set({ credential_row_id: options.credentialRowId, clr_row_id: options.clrRowId }).where('id', '=', awardId).execute();
  if (options.components.length > 0) {
    await db
      .insertInto('pathway_award_components')
      .values(options.components.map((c) => ({ award_id: awardId, org_id: options.orgId, component_kind: c.kind, component_id: c.id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export function awardsOfLearner(db: Db, learnerId: string) {
  return db.selectFrom('pathway_awards').selectAll().where('learner_id', '=', learnerId).execute();
}

export function awardsWithComponent(db: Db, componentId: string) {
  return db
    .selectFrom('pathway_awards as a')
    .innerJoin('pathway_award_components as pc', 'pc.award_id', 'a.id')
    .selectAll('a')
    .where('pc.component_id', '=', componentId)
    // Locked in one order (by organisation, then award), whoever else locks the same awards.
    .orderBy('a.org_id')
    .orderBy('a.id')
    .forUpdate()
    .execute();
}

/** Whether every Cairn credential among an award's components is still in force. */
export async function inactiveComponentsOf(db: Db, awardId: string, now: Date) {
  const cairn = await db
    .selectFrom('pathway_award_components as pc')
    .innerJoin('credentials as c', 'c.id', 'pc.component_id')
    .select(['c.id', 'c.achievement_name'])
    .where('pc.award_id', '=', awardId)
    .where('pc.component_kind', '=', 'credential')
    .where((eb) => eb.or([eb('c.revoked_at', 'is not', null), eb('c.suspended_at', 'is not', null), eb('c.valid_until', '<=', now)]))
    .execute();
  // A wallet entry removed by its holder stays part of the award as issued; one its issuer
  // revoked or suspended, or that expired, does not.
  const wallet = await db
    .selectFrom('pathway_award_components as pc')
    .innerJoin('wallet_credentials as w', 'w.id', 'pc.component_id')
    .select(['w.id', 'w.achievement_name'])
    .where('pc.award_id', '=', awardId)
    .where('pc.component_kind', '=', 'wallet')
    .where((eb) => eb.or([eb('w.status', '!=', 'active'), eb('w.valid_until', '<=', now)]))
    .execute();
  return [...cairn, ...wallet];
}

export async function setAwardStatus(db: Db, awardId: string, status: 'active' | 'suspended') {
  await db.updateTable('pathway_awards').set({ status }).where('id', '=', awardId).execute();
}

/** Components that expired while the award stacking them is still active (periodic check). */
export async function expiredComponentsOfActiveAwards(db: Db, now: Date) {
  const rows = await db
    .selectFrom('pathway_awards as a')
    .innerJoin('pathway_award_components as pc', 'pc.award_id', 'a.id')
    .leftJoin('credentials as c', (join) => join.onRef('c.id', '=', 'pc.component_id').on('pc.component_kind', '=', 'credential'))
    .leftJoin('wallet_credentials as w', (join) => join.onRef('w.id', '=', 'pc.component_id').on('pc.component_kind', '=', 'wallet'))
    .select(['pc.component_id', 'a.learner_id'])
    .distinct()
    .where('a.status', '=', 'active')
    .where((eb) => eb.or([eb('c.valid_until', '<=', now), eb('w.valid_until', '<=', now)]))
    .execute();
  return rows;
}

/** Components of awards: which pathways a credential counts toward once awarded. */
export function awardsCountingComponent(db: Db, learnerId: string, componentId: string) {
  return db
    .selectFrom('pathway_awards as a')
    .innerJoin('pathway_award_components as pc', 'pc.award_id', 'a.id')
    .select(['a.pathway_id', 'a.version_id'])
    .where('a.learner_id', '=', learnerId)
    .where('pc.component_id', '=', componentId)
    .execute();
}

export function credentialDocuments(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('credentials').select(['id', 'format', 'document']).where('id', 'in', ids).execute();
}

export function credentialRowsForStatus(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('credentials')
    .select(['id', 'org_id', 'recipient_user_id', 'status_list_number', 'status_index', 'status_purposes', 'revoked_at', 'suspended_at'])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
}

export function findOwnCredential(db: Db, learnerId: string, id: string) {
  return db.selectFrom('credentials').select(['id', 'credential_id', 'achievement_name']).where('id', '=', id).where('recipient_user_id', '=', learnerId).executeTakeFirst();
}

export function findCredentialByCredentialId(db: Db, credentialId: string) {
  return db.selectFrom('credentials').select(['id', 'recipient_user_id']).where('credential_id', '=', credentialId).executeTakeFirst();
}

/** Owners and admins of an organisation, who hear about its awards being suspended. */
export function orgAdminEmails(db: Db, orgId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.name'])
    .where('m.org_id', '=', orgId)
    .where('m.role', 'in', ['owner', 'admin'])
    .execute();
}

export function findUser(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', id).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Wallet

export function insertWalletCredential(
  db: Db,
  row: {
    learnerId: string;
    credentialId: string | null;
    format: 'ldp' | 'jwt';
    document: string;
    sha256: string;
    achievementId: string;
    achievementName: string | null;
    issuerDid: string;
    issuerName: string | null;
    microcredentialId: string | null;
    credits: number;
    cpdHours: number;
    skillIds: string[];
    validFrom: Date | null;
    validUntil: Date | null;
    now: Date;
  },
) {
  return db
    .insertInto('wallet_credentials')
    .values({
      learner_id: row.learnerId,
      credential_id: row.credentialId,
      format: row.format,
      document: row.document,
      sha256: row.sha256,
      achievement_id: row.achievementId,
      achievement_name: row.achievementName,
      issuer_did: row.issuerDid,
      issuer_name: row.issuerName,
      microcredential_id: row.microcredentialId,
      credits: row.credits,
      cpd_hours: row.cpdHours,
      skill_ids: row.skillIds,
      valid_from: row.validFrom,
      valid_until: row.validUntil,
      added_at: row.now,
    })
    .onConflict((oc) => oc.columns(['learner_id', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

const walletColumns = ['id', 'credential_id', 'format', 'document', 'achievement_id', 'achievement_name', 'issuer_did', 'issuer_name', 'valid_from', 'valid_until', 'added_at', 'credits', 'cpd_hours', 'skill_ids', 'status', 'status_reason', 'status_checked_at', 'status_check_error'] as const;

/** Wallet entries whose status is due a check (one entry, or everyone's a page at a time in id order). */
export function walletEntriesToCheck(db: Db, filter: { learnerId?: string; id?: string; checkedBefore?: Date; afterId?: string; limit: number }) {
  // An untrusted entry no longer verifies under Cairn's rules: its issuer's lists cannot revive it.
  let q = db.selectFrom('wallet_credentials').select(['id', 'learner_id', 'format', 'document', 'status', 'issuer_did']).where('status', '!=', 'untrusted').orderBy('id').limit(filter.limit);
  if (filter.learnerId) q = q.where('learner_id', '=', filter.learnerId);
  if (filter.id) q = q.where('id', '=', filter.id);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  if (filter.checkedBefore) {
    const before = filter.checkedBefore;
    q = q.where((eb) => eb.or([eb('status_checked_at', 'is', null), eb('status_checked_at', '<', before)]));
  }
  return q.execute();
}

export async function setWalletStatus(db: Db, id: string, update: { status: WalletStatus; reason: string | null; checkedAt: Date; error: string | null }) {
  await db
    .updateTable('wallet_credentials')
    .set({ status: update.status, status_reason: update.reason, status_checked_at: update.checkedAt, status_check_error: update.error })
    .where('id', '=', id)
    .execute();
}

export function listWallet(db: Db, learnerId: string) {
  return db.selectFrom('wallet_credentials').select(walletColumns).where('learner_id', '=', learnerId).orderBy('added_at', 'desc').execute();
}

export function findWalletCredential(db: Db, learnerId: string, id: string) {
  return db.selectFrom('wallet_credentials').select(walletColumns).where('learner_id', '=', learnerId).where('id', '=', id).executeTakeFirst();
}

export function walletDocuments(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('wallet_credentials').select(['id', 'format', 'document']).where('id', 'in', ids).execute();
}

export async function deleteWalletCredential(db: Db, learnerId: string, id: string) {
  const res = await db.deleteFrom('wallet_credentials').where('learner_id', '=', learnerId).where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Skills named by an alignment: by their own URI or by Cairn's skill URL. */
export function skillsByUrisOrIds(db: Db, uris: string[], ids: string[]) {
  if (uris.length === 0 && ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skills')
    .select('id')
    .where((eb) => eb.or([...(uris.length > 0 ? [eb('uri', 'in', uris)] : []), ...(ids.length > 0 ? [eb('id', 'in', ids)] : [])]))
    .execute();
}

export async function pathwayLearnerCounts(db: Db, pathwayId: string) {
  const row = await db
    .selectFrom('pathway_learners')
    .select([sql<number>`count(*)::int`.as('total')])
    .where('pathway_id', '=', pathwayId)
    .executeTakeFirstOrThrow();
  const awarded = await db.selectFrom('pathway_awards').select(sql<number>`count(*)::int`.as('n')).where('pathway_id', '=', pathwayId).executeTakeFirstOrThrow();
  return { total: row.total, awarded: awarded.n };
}

export async function findMicrocredentialIdBySlug(db: Db, orgSlug: string, slug: string) {
  const row = await db
    .selectFrom('microcredentials as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select('m.id')
    .where('o.slug', '=', orgSlug)
    .where('m.slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}

/** People, in id order, a batch at a time (keyset paging). */
export async function learnerIdsAfter(db: Db, after: string | null, limit: number) {
  let q = db.selectFrom('users').select('id').orderBy('id').limit(limit);
  if (after) q = q.where('id', '>', after);
  return (await q.execute()).map((r) => r.id);
}

/** Progress of these learners on their pathways, and whether the pinned version is awarded. */
export function progressOfLearners(db: Db, learnerIds: string[]) {
  if (learnerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pathway_learners as pl')
    .select(['pl.learner_id', 'pl.pathway_id', 'pl.version_id', 'pl.done', 'pl.required', 'pl.is_satisfied'])
    .select((eb) =>
      eb.exists(eb.selectFrom('pathway_awards as a').select('a.id').whereRef('a.learner_id', '=', 'pl.learner_id').whereRef('a.version_id', '=', 'pl.version_id')).as('is_awarded'),
    )
    .where('pl.learner_id', 'in', learnerIds)
    .execute();
}

export type ProgressRow = { learnerId: string; pathwayId: string; orgId: string; versionId: string; done: number; required: number; isSatisfied: boolean; now: Date };

/**
 * Writes learners' progress in one statement: eight arrays unnested rather than eight
 * parameters a row, so the text is the same for 1 row or 10,000 (one short query to send, a
 * prepared plan to reuse). New rows are not joined; joining and the pinned version stay as
 * they were on existing rows.
 */
export async function writeProgress(db: Db, rows: readonly ProgressRow[]) {
  if (rows.length === 0) return;
  await sql`insert ${sql.raw(PREPARED_MARK)} into pathway_learners (learner_id, pathway_id, org_id, version_id, done, required, is_satisfied, evaluated_at)
    select * from unnest(${rows.map((r) => r.learnerId)}::uuid[], ${rows.map((r) => r.pathwayId)}::uuid[], ${rows.map((r) => r.orgId)}::uuid[],
      ${rows.map((r) => r.versionId)}::uuid[], ${rows.map((r) => r.done)}::int[], ${rows.map((r) => r.required)}::int[],
      ${rows.map((r) => r.isSatisfied)}::boolean[], ${rows.map((r) => r.now)}::timestamptz[])
    on conflict (learner_id, pathway_id) do update set
      done = excluded.done, required = excluded.required, is_satisfied = excluded.is_satisfied, evaluated_at = excluded.evaluated_at`.execute(db);
}

/** The newest publication number and the deletion epoch; the published-pathway index catches up to them. */
export async function publishedIndexMark(db: Db) {
  const { rows } = await sql<{ publishSeq: string; indexEpoch: string }>`select
    (select coalesce(max(publish_seq), 0)::text from pathway_versions) as "publishSeq",
    (select epoch::text from pathway_index_epoch) as "indexEpoch"`.execute(db);
  return rows[0]!;
}

/**
 * What one learner's pathway evaluation reads, in one round trip: the Cairn credentials and
 * wallet entries in force, and the pathways they are on (pinned version, progress, award).
 * Version contents come from the published-version cache, not from here.
 */
export function learnerPathwaySnapshot(db: Db, learnerId: string, now: Date) {
  return learnerPathwaySnapshotQuery(db, learnerId, now).executeTakeFirstOrThrow();
}

export function learnerPathwaySnapshotQuery(db: Db, learnerId: string, now: Date) {
  return db
    .selectNoFrom([
      jsonArrayFrom(heldCairnQuery(db, [learnerId], now)).as('cairn'),
      jsonArrayFrom(heldWalletQuery(db, [learnerId], now)).as('wallet'),
      jsonArrayFrom(
        db
          .selectFrom('pathway_learners as pl')
          .leftJoin('pathway_awards as a', (join) => join.onRef('a.learner_id', '=', 'pl.learner_id').onRef('a.version_id', '=', 'pl.version_id'))
          .select([
            'pl.pathway_id',
            'pl.version_id',
            'pl.is_joined',
            'pl.done',
            'pl.required',
            'pl.is_satisfied',
            'a.id as awardId',
            'a.credential_row_id as awardCredentialRowId',
            'a.clr_row_id as awardClrRowId',
            'a.status as awardStatus',
          ])
          .where('pl.learner_id', '=', learnerId),
      ).as('pinned'),
      sql<string>`(select coalesce(max(publish_seq), 0)::text from pathway_versions)`.as('publishSeq'),
      sql<string>`(select epoch::text from pathway_index_epoch)`.as('indexEpoch'),
    ])
    .modifyFront(sql.raw(PREPARED_MARK));
}

/** Published versions after `seq` in publication order, for the in-memory index. */
export function publishedVersionsSince(db: Db, seq: string) {
  return db.selectFrom('pathway_versions as v').select(versionColumns).where('v.publish_seq', '>', seq).orderBy('v.publish_seq').execute();
}
