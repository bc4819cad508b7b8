import type { Updateable } from 'kysely';
import type { MicrocredentialVersionsTable } from '../db/schema.js';
import type { Db } from '../db/transaction.js';
import { AppError, type FieldError } from '../http/app-error.js';
import type { OrgView } from '../orgs/orgs.service.js';
import { resolveSkillsForOrg } from '../skills/skills.service.js';
import type { VersionPatch } from './microcredentials.schemas.js';
import * as store from './microcredentials.store.js';

/** Checks references a draft makes (skills, partners, image) and maps the patch to columns. */
export async function columnsOf(
  db: Db,
  org: OrgView,
  patch: VersionPatch,
): Promise<Updateable<MicrocredentialVersionsTable>> {
  const errors: FieldError[] = [];
  if (patch.skillIds) {
    const { missing } = await resolveSkillsForOrg(db, org.id, patch.skillIds);
    for (const id of missing)
      errors.push({
        field: `skillIds.${patch.skillIds.indexOf(id)}`,
        message: `No skill ${id} in the starter framework or ${org.name}'s frameworks`,
      });
    if (new Set(patch.skillIds).size !== patch.skillIds.length)
      errors.push({ field: 'skillIds', message: 'List each skill once' });
  }
  if (patch.partnerOrgIds) {
    const orgs = await store.findOrganizationsByIds(db, patch.partnerOrgIds);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    patch.partnerOrgIds.forEach((id, i) => {
      const o = byId.get(id);
      if (!o) errors.push({ field: `partnerOrgIds.${i}`, message: `No organisation ${id}` });
      else if (!o.roles.includes('partner'))
        errors.push({ field: `partnerOrgIds.${i}`, message: `${o.name} is not an industry partner organisation` });
    });
  }
  if (patch.imageFileId) {
    const file = await store.findMediaFileOwner(db, patch.imageFileId);
    if (!file || file.org_id !== org.id)
      errors.push({ field: 'imageFileId', message: 'No image with this id uploaded by this organisation' });
  }
  if (errors.length > 0)
    throw new AppError(
      'validation_failed',
      `Check these fields and try again: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`,
      { fields: errors },
    );
  const c: Updateable<MicrocredentialVersionsTable> = {};
  if (patch.title !== undefined) c.title = patch.title;
  if (patch.summary !== undefined) c.summary = patch.summary;
  if (patch.description !== undefined) c.description = patch.description;
  if (patch.outcomes !== undefined) c.outcomes = patch.outcomes;
  if (patch.skillIds !== undefined) c.skill_ids = patch.skillIds;
  if (patch.level !== undefined) c.level = patch.level;
  if (patch.effortHours !== undefined) c.effort_hours = patch.effortHours;
  if (patch.durationWeeks !== undefined) c.duration_weeks = patch.durationWeeks;
  if (patch.cost !== undefined) {
    c.cost_amount_minor = patch.cost?.amountMinor ?? null;
    c.cost_currency = patch.cost?.currency ?? null;
  }
  if (patch.cpdHours !== undefined) c.cpd_hours = patch.cpdHours;
  if (patch.fieldOfStudy !== undefined) c.field_of_study = patch.fieldOfStudy?.trim() || null;
  if (patch.format !== undefined) c.format = patch.format;
  if (patch.language !== undefined) c.language = patch.language;
  if (patch.imageFileId !== undefined) c.image_file_id = patch.imageFileId;
  if (patch.partnerOrgIds !== undefined) c.partner_org_ids = [...new Set(patch.partnerOrgIds)];
  if (patch.criteriaNarrative !== undefined) c.criteria_narrative = patch.criteriaNarrative;
  if (patch.passMark !== undefined) c.pass_mark = patch.passMark;
  if (patch.validityMonths !== undefined) c.validity_months = patch.validityMonths;
  return c;
}
