import type { Migration } from 'kysely';
import * as foundation from './20261129_0001_foundation.js';
import * as issuance from './20261129_0002_issuance.js';
import * as skills from './20261129_0003_skills.js';
import * as catalog from './20261129_0004_catalog.js';
import * as learning from './20261129_0005_learning.js';
import * as catalogIndex from './20261129_0006_catalog_index.js';
import * as pathways from './20261129_0007_pathways.js';
import * as pathwayPublishSeq from './20261129_0008_pathway_publish_seq.js';
import * as walletStatus from './20261129_0009_wallet_status.js';
import * as emailVerification from './20261206_0010_email_verification.js';
import * as rasteriseSvgImages from './20261206_0011_rasterise_svg_images.js';
import * as rateLimits from './20261206_0011_rate_limits.js';
import * as trustRecheck from './20261206_0013_trust_recheck.js';
import * as didKeyIssuers from './20261206_0014_did_key_issuers.js';
import * as domainEvents from './20261207_0015_domain_events.js';
import * as credentialExpiryEvents from './20261207_0016_credential_expiry_events.js';
import * as bulkIssuance from './20261207_0017_bulk_issuance.js';
import * as enrolmentSpelling from './20261207_0019_enrolment_spelling.js';
import * as candidateChecks from './20261207_0023_candidate_checks.js';
import * as cohortsReviews from './20261207_0025_cohorts_reviews.js';
import * as accreditation from './20261207_0020_accreditation.js';
import * as endorsements from './20261207_0021_endorsements.js';
import * as employers from './20261207_0022_employers.js';
import * as goalsCpd from './20261207_0024_goals_cpd.js';
import * as showcase from './20261207_0026_showcase.js';
import * as exchanges from './20261207_0027_exchanges.js';
import * as profilePhotoCpd from './20261207_0028_profile_photo_cpd.js';
import * as fieldOfStudy from './20261207_0029_field_of_study.js';
import * as occupations from './20261207_0030_occupations.js';
import * as credentialVerificationMemos from './20261207_0031_credential_verification_memos.js';
import * as statusListVersions from './20261207_0032_status_list_versions.js';

/**
 * Every migration, in order. Listed statically (not read from disk) so the same set runs
 * from source under tsx and in tests. Never edit one that has landed: add a new file.
 */
export const migrations: Record<string, Migration> = {
  '20261129_0001_foundation': foundation,
  '20261129_0002_issuance': issuance,
  '20261129_0003_skills': skills,
  '20261129_0004_catalog': catalog,
  '20261129_0005_learning': learning,
  '20261129_0006_catalog_index': catalogIndex,
  '20261129_0007_pathways': pathways,
  '20261129_0008_pathway_publish_seq': pathwayPublishSeq,
  '20261129_0009_wallet_status': walletStatus,
  '20261206_0010_email_verification': emailVerification,
  '20261206_0011_rasterise_svg_images': rasteriseSvgImages,
  '20261206_0011_rate_limits': rateLimits,
  '20261206_0013_trust_recheck': trustRecheck,
  '20261206_0014_did_key_issuers': didKeyIssuers,
  '20261207_0015_domain_events': domainEvents,
  '20261207_0016_credential_expiry_events': credentialExpiryEvents,
  '20261207_0017_bulk_issuance': bulkIssuance,
  '20261207_0019_enrolment_spelling': enrolmentSpelling,
  '20261207_0020_accreditation': accreditation,
  '20261207_0021_endorsements': endorsements,
  '20261207_0022_employers': employers,
  '20261207_0023_candidate_checks': candidateChecks,
  '20261207_0024_goals_cpd': goalsCpd,
  '20261207_0025_cohorts_reviews': cohortsReviews,
  '20261207_0026_showcase': showcase,
  '20261207_0027_exchanges': exchanges,
  '20261207_0028_profile_photo_cpd': profilePhotoCpd,
  '20261207_0029_field_of_study': fieldOfStudy,
  '20261207_0030_occupations': occupations,
  '20261207_0031_credential_verification_memos': credentialVerificationMemos,
  '20261207_0032_status_list_versions': statusListVersions,
};
