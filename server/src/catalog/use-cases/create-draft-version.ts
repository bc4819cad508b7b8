import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { userIdOf, notFound, authorAccess } from '../microcredential-access.js';
import { presentVersion } from '../microcredential-view.js';
import * as store from '../microcredentials.store.js';

/** Starts a new draft as a copy of the latest published version (with its modules). */
export async function createDraftFromPublished(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  const access = await authorAccess(deps, actor, orgSlug);
  const { org } = access;
  return transaction(deps.db, async (trx) => {
    const mc = await store.findMicrocredential(trx, org.id, id);
    if (!mc) throw notFound();
    const versions = await store.listVersions(trx, org.id, id);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft)
      throw new AppError(
        'conflict',
        `Version ${draft.version_number} is already a draft; edit it instead of starting another.`,
      );
    const source = versions.find((v) => v.status === 'published')!;
    const from = (await store.findVersion(trx, org.id, id, source.id))!;
    const copy = await store.insertVersion(trx, {
      org_id: org.id,
      microcredential_id: id,
      version_number: versions[0]!.version_number + 1,
      status: 'draft',
      title: from.title,
      summary: from.summary,
      description: from.description,
      outcomes: from.outcomes,
      skill_ids: from.skill_ids,
      level: from.level,
      effort_hours: from.effort_hours,
      duration_weeks: from.duration_weeks,
      cost_amount_minor: from.cost_amount_minor,
      cost_currency: from.cost_currency,
      cpd_hours: from.cpd_hours,
      field_of_study: from.field_of_study,
      format: from.format,
      language: from.language,
      image_file_id: from.image_file_id,
      partner_org_ids: from.partner_org_ids,
      criteria_narrative: from.criteria_narrative,
      pass_mark: from.pass_mark,
      validity_months: from.validity_months,
      created_by: userIdOf(access),
    });
    await store.copyModules(trx, from.id, copy.id);
    await store.touchMicrocredential(trx, id);
    return presentVersion({ ...deps, db: trx }, copy);
  });
}
