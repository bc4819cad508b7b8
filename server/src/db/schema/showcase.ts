import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Showcasing credentials: provider certificate settings, learners' public profiles, share links (migration 0026).

export type OrgShowcaseSettingsTable = {
  org_id: string;
  logo_file_id: string | null;
  /** The organisation's LinkedIn page id, published as an `otherIdentifier` of its issuer Profile. */
  linkedin_organization_id: string | null;
  /** `#rrggbb`, the certificate's accent colour. */
  certificate_colour: string | null;
  signatory_name: string | null;
  signatory_title: string | null;
  updated_at: Generated<Date>;
};

export type PublicProfilesTable = {
  user_id: string;
  handle: string;
  is_public: Generated<boolean>;
  /** The holder's consent to "Issued to {name}" on public pages. */
  is_name_shown: Generated<boolean>;
  headline: Generated<string>;
  /** The profile photo (PNG or JPEG, normalised by the image pipeline); all three set or none. */
  photo: Uint8Array | null;
  photo_media_type: 'image/png' | 'image/jpeg' | null;
  photo_updated_at: Date | null;
  /** The learner's choice to show the current period's CPD summary on the profile. */
  is_cpd_shown: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type PublicProfileCredentialsTable = {
  user_id: string;
  credential_id: string;
  position: number;
};

export type ShowcaseShareLinksTable = {
  id: string;
  user_id: string;
  /** Null: the link opens the whole profile. */
  credential_id: string | null;
  token_hash: string;
  expires_at: Timestamp | null;
  view_count: Generated<number>;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
};
