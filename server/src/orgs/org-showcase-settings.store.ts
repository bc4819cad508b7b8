import type { Db } from '../db/transaction.js';

/** The SQL of an organisation's showcase settings (logo, LinkedIn page, certificate look). */

export type ShowcaseSettingsRow = {
  logoFileId: string | null;
  linkedInOrganizationId: string | null;
  certificateColour: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
};

export const emptySettings: ShowcaseSettingsRow = {
  logoFileId: null,
  linkedInOrganizationId: null,
  certificateColour: null,
  signatoryName: null,
  signatoryTitle: null,
};

/** The settings of one organisation, or the empty settings when none were saved. */
export async function findShowcaseSettings(db: Db, orgId: string): Promise<ShowcaseSettingsRow> {
  const row = await db.selectFrom('org_showcase_settings').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return emptySettings;
  return {
    logoFileId: row.logo_file_id,
    linkedInOrganizationId: row.linkedin_organization_id,
    certificateColour: row.certificate_colour,
    signatoryName: row.signatory_name,
    signatoryTitle: row.signatory_title,
  };
}

export async function saveShowcaseSettings(db: Db, orgId: string, settings: ShowcaseSettingsRow, now: Date) {
  const values = {
    logo_file_id: settings.logoFileId,
    linkedin_organization_id: settings.linkedInOrganizationId,
    certificate_colour: settings.certificateColour,
    signatory_name: settings.signatoryName,
    signatory_title: settings.signatoryTitle,
    updated_at: now,
  };
  await db
    .insertInto('org_showcase_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

/** Whether an uploaded image belongs to the organisation (a logo must be its own upload). */
export async function isOwnImage(db: Db, orgId: string, fileId: string): Promise<boolean> {
  const row = await db
    .selectFrom('media_files')
    .select('id')
    .where('id', '=', fileId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The bytes of an organisation's logo, for the certificate. */
export function findLogoBytes(db: Db, orgId: string, fileId: string) {
  return db
    .selectFrom('media_files')
    .select(['media_type', 'bytes'])
    .where('id', '=', fileId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}
