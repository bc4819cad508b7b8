/**
 * What the community reads to decide who may see a discussion: cohorts, the programme as the
 * catalogue lists it, and the learner's live enrolment (learning's table, read here only).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

const cohortColumns = [
  'c.id',
  'c.org_id',
  'c.microcredential_id',
  'c.name',
  sql<string>`c.starts_on::text`.as('startsOn'),
  sql<string>`c.ends_on::text`.as('endsOn'),
  'c.capacity',
  'c.facilitator_id',
  'ce.title as programmeTitle',
  'ce.slug as programmeSlug',
  'ce.provider_slug as providerSlug',
  'ce.format',
] as const;

export function findCohort(db: Db, cohortId: string) {
  return db
    .selectFrom('cohorts as c')
    .innerJoin('catalog_entries as ce', 'ce.microcredential_id', 'c.microcredential_id')
    .select(cohortColumns)
    .where('c.id', '=', cohortId)
    .executeTakeFirst();
}

/** The programme as listed in the catalogue (its latest published version). */
export function findListedProgrammeById(db: Db, microcredentialId: string) {
  return db
    .selectFrom('catalog_entries as ce')
    .select([
      'ce.microcredential_id',
      'ce.org_id',
      'ce.title as programmeTitle',
      'ce.slug as programmeSlug',
      'ce.provider_slug as providerSlug',
      'ce.format',
    ])
    .where('ce.microcredential_id', '=', microcredentialId)
    .executeTakeFirst();
}

/** The programme at a catalogue address. */
export function findListedProgrammeBySlug(db: Db, providerSlug: string, slug: string) {
  return db
    .selectFrom('catalog_entries as ce')
    .select(['ce.microcredential_id', 'ce.org_id', 'ce.slug as programmeSlug', 'ce.format'])
    .where('ce.provider_slug', '=', providerSlug)
    .where('ce.slug', '=', slug)
    .executeTakeFirst();
}

/** Whether the learner has an enrolment in the programme that is not withdrawn. */
export async function hasLiveEnrolment(db: Db, learnerId: string, microcredentialId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enrolments')
    .select('id')
    .where('learner_id', '=', learnerId)
    .where('microcredential_id', '=', microcredentialId)
    .where('status', '<>', 'withdrawn')
    .executeTakeFirst();
  return row !== undefined;
}

/** The learner's membership of a cohort, removed or not. */
export function findMembership(db: Db, cohortId: string, learnerId: string) {
  return db
    .selectFrom('cohort_members')
    .select(['cohort_id', 'removed_at'])
    .where('cohort_id', '=', cohortId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
}

/** The learner's live enrolments with the programme's format and any cohort they are in. */
export function listLiveEnrolments(db: Db, learnerId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('catalog_entries as ce', 'ce.microcredential_id', 'e.microcredential_id')
    .leftJoin('cohort_members as cm', (j) =>
      j.onRef('cm.microcredential_id', '=', 'e.microcredential_id').onRef('cm.learner_id', '=', 'e.learner_id'),
    )
    .select([
      'e.microcredential_id',
      'e.org_id',
      'e.status',
      'ce.title as programmeTitle',
      'ce.slug as programmeSlug',
      'ce.provider_slug as providerSlug',
      'ce.format',
      'cm.cohort_id',
      'cm.removed_at',
    ])
    .where('e.learner_id', '=', learnerId)
    .where('e.status', '<>', 'withdrawn')
    .orderBy('e.enrolled_at', 'desc')
    .execute();
}
