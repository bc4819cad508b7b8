import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { resolveSkillsForOrg, type SkillView } from '../../skills/skills.service.js';
import { buildAchievement } from '../achievement.js';
import { upsertCatalogEntry } from '../catalog.store.js';
import { refreshRecognitionInCatalog } from '../refresh-recognition.js';
import { userIdOf, requireProvider, notFound, lockDraft } from '../microcredential-access.js';
import { imageUrlOf, programmeUrlOf, presentVersion } from '../microcredential-view.js';
import * as store from '../microcredentials.store.js';
import { completenessErrors, achievementModules, minorDigits } from '../publication-checks.js';

/**
 * Publishes a draft: checks it is complete (every missing field listed), freezes it with its
 * OB 3.0 Achievement, and makes it the version the catalogue lists, in one transaction.
 */
export async function publishVersion(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'catalog.publish');
  requireProvider(access.org);
  const { org } = access;
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const mc = await store.findMicrocredential(trx, org.id, id);
    if (!mc) throw notFound();
    const v = await lockDraft(trx, org, id, versionId);
    const modules = await store.listModules(trx, versionId);
    const missing = completenessErrors(v, modules);
    if (missing.length > 0) {
      throw new AppError(
        'validation_failed',
        `This draft is not ready to publish. Still missing: ${missing.map((m) => m.field).join(', ')}.`,
        { fields: missing },
      );
    }
    const { skills } = await resolveSkillsForOrg(trx, org.id, v.skill_ids);
    const partners = (await store.findOrganizationsByIds(trx, v.partner_org_ids)).filter((p) =>
      p.roles.includes('partner'),
    );
    const imageUrl = imageUrlOf(deps.publicUrl, v.image_file_id);
    const programmeUrl = programmeUrlOf(deps.publicUrl, org.slug, mc.slug);
    const achievement = buildAchievement({
      version: {
        id: v.id,
        versionNumber: v.version_number,
        title: v.title,
        summary: v.summary,
        outcomes: v.outcomes,
        criteriaNarrative: v.criteria_narrative,
        level: v.level,
        format: v.format,
        language: v.language,
        passMark: v.pass_mark,
        effortHours: v.effort_hours,
        fieldOfStudy: v.field_of_study,
      },
      skills: skills.map((s: SkillView) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        description: s.description,
        uri: s.uri,
        frameworkName: s.framework.name,
      })),
      modules: achievementModules(modules),
      issuer: { did: org.did, name: org.name, url: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString() },
      publicUrl: deps.publicUrl,
      programmeUrl,
      imageUrl,
    });
    const now = deps.clock();
    await store.markPublished(trx, v.id, {
      publishedAt: now,
      publishedBy: userIdOf(access),
      achievement: JSON.stringify(achievement),
    });
    // A private programme (see workforce) is listed only to its employer's members, not in the public catalogue.
    const listInCatalogue = mc.audience_org_id === null ? upsertCatalogEntry : () => Promise.resolve();
    await listInCatalogue(trx, {
      microcredentialId: mc.id,
      orgId: org.id,
      versionId: v.id,
      slug: mc.slug,
      providerSlug: org.slug,
      providerName: org.name,
      title: v.title,
      summary: v.summary,
      description: v.description,
      outcomes: v.outcomes,
      skills: skills.map((s) => ({ id: s.id, name: s.name })),
      partners: partners.map((p) => ({ slug: p.slug, name: p.name })),
      level: v.level,
      format: v.format!,
      language: v.language!,
      cost:
        v.cost_amount_minor !== null && v.cost_currency !== null
          ? {
              amountMinor: v.cost_amount_minor,
              currency: v.cost_currency,
              major: v.cost_amount_minor / 10 ** minorDigits(v.cost_currency),
            }
          : null,
      effortHours: v.effort_hours!,
      cpdHours: v.cpd_hours ?? 0,
      fieldOfStudy: v.field_of_study,
      durationWeeks: v.duration_weeks!,
      imageUrl,
      publishedAt: now,
    });
    // Endorsements name one version's Achievement: the new version starts with its own.
    await refreshRecognitionInCatalog(tdeps, org.id, { microcredentialId: mc.id });
    await store.touchMicrocredential(trx, id);
    const published = await store.findVersion(trx, org.id, id, versionId);
    return presentVersion(tdeps, published!);
  });
}
