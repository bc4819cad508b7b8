/** SQL of programme reviews (the `programme_reviews` table) and what ratings read of the catalogue. */
import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import type { ProgrammeReviewStatus } from '../db/schema.js';

/** The published programme at a catalogue address, with its provider. */
export function findListedProgramme(db: Db, providerSlug: string, slug: string) {
  return db
    .selectFrom('catalog_entries as ce')
    .select(['ce.microcredential_id', 'ce.org_id', 'ce.title'])
    .where('ce.provider_slug', '=', providerSlug)
    .where('ce.slug', '=', slug)
    .executeTakeFirst();
}

const reviewColumns = [
  'r.id',
  'r.org_id',
  'r.microcredential_id',
  'r.author_id',
  'r.rating',
  'r.title',
  'r.body',
  'r.status',
  'r.created_at',
  'r.updated_at',
  'r.moderated_at',
  'u.name as authorName',
] as const;

export type ReviewRow = Awaited<ReturnType<typeof findReview>> & {};

export function findReview(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('programme_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .select(reviewColumns)
    .where('r.id', '=', id);
  if (options.forUpdate) q = q.forUpdate('r');
  return q.executeTakeFirst();
}

export function findReviewOf(db: Db, microcredentialId: string, authorId: string) {
  return db
    .selectFrom('programme_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .select(reviewColumns)
    .where('r.microcredential_id', '=', microcredentialId)
    .where('r.author_id', '=', authorId)
    .executeTakeFirst();
}

/**
 * Writes the author's review of a programme: a new one, or their existing one rewritten. Either
 * way it goes back to `pending`, so the provider sees every text before the public does.
 */
export function upsertReview(
  db: Db,
  r: {
    orgId: string;
    microcredentialId: string;
    authorId: string;
    credentialRowId: string | null;
    rating: number;
    title: string;
    body: string;
    now: Date;
  },
) {
  return db
    .insertInto('programme_reviews')
    .values({
      org_id: r.orgId,
      microcredential_id: r.microcredentialId,
      author_id: r.authorId,
      credential_row_id: r.credentialRowId,
      rating: r.rating,
      title: r.title,
      body: r.body,
      created_at: r.now,
      updated_at: r.now,
    })
    .onConflict((oc) =>
      oc.columns(['microcredential_id', 'author_id']).doUpdateSet({
        rating: r.rating,
        title: r.title,
        body: r.body,
        credential_row_id: r.credentialRowId,
        status: 'pending',
        moderated_by: null,
        moderated_at: null,
        updated_at: r.now,
      }),
    )
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** Approved reviews of a programme, newest first (what anyone may read). */
export function listApprovedReviews(db: Db, microcredentialId: string, limit: number) {
  return db
    .selectFrom('programme_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .select(reviewColumns)
    .where('r.microcredential_id', '=', microcredentialId)
    .where('r.status', '=', 'approved')
    .orderBy('r.updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Average rating and count of approved reviews for each of these programmes that has any. */
export function ratingSummaries(db: Db, microcredentialIds: string[]) {
  if (microcredentialIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programme_reviews')
    .select([
      'microcredential_id',
      sql<string>`round(avg(rating)::numeric, 2)::text`.as('average'),
      sql<string>`count(*)::text`.as('count'),
    ])
    .where('microcredential_id', 'in', microcredentialIds)
    .where('status', '=', 'approved')
    .groupBy('microcredential_id')
    .execute();
}

/** An organisation's reviews in some statuses, for its moderation queue. */
export function listReviewsOfOrg(db: Db, orgId: string, statuses: ProgrammeReviewStatus[]) {
  return db
    .selectFrom('programme_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.author_id')
    .innerJoin('catalog_entries as ce', 'ce.microcredential_id', 'r.microcredential_id')
    .select([...reviewColumns, 'ce.title as programmeTitle', 'ce.slug as programmeSlug'])
    .select((eb) =>
      eb
        .selectFrom('community_reports as cr')
        .whereRef('cr.review_id', '=', 'r.id')
        .where('cr.resolved_at', 'is', null)
        .select(sql<string>`count(*)::text`.as('n'))
        .as('openReports'),
    )
    .where('r.org_id', '=', orgId)
    .where('r.status', 'in', statuses)
    .orderBy('r.updated_at', 'desc')
    .limit(200)
    .execute();
}

export function setReviewStatus(
  db: Db,
  orgId: string,
  id: string,
  change: { status: ProgrammeReviewStatus; moderatedBy: string | null; at: Date },
) {
  return db
    .updateTable('programme_reviews')
    .set({ status: change.status, moderated_by: change.moderatedBy, moderated_at: change.at })
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

/** Records a report once per person; false when this person had already reported it. */
export async function insertReviewReport(
  db: Db,
  r: { orgId: string; reviewId: string; reporterId: string; reason: string },
): Promise<boolean> {
  const row = await db
    .insertInto('community_reports')
    .values({ org_id: r.orgId, review_id: r.reviewId, reporter_id: r.reporterId, reason: r.reason })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function resolveReviewReports(db: Db, orgId: string, reviewId: string, at: Date) {
  return db
    .updateTable('community_reports')
    .set({ resolved_at: at })
    .where('org_id', '=', orgId)
    .where('review_id', '=', reviewId)
    .where('resolved_at', 'is', null)
    .execute();
}
