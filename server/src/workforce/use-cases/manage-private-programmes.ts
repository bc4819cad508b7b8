import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg, requireUser } from '../../orgs/org-access.js';
import * as store from '../stores/private-programmes.store.js';

/**
 * Makes a provider's programme private to one employer (or public again) before it is first
 * published. Once listed in the public catalogue it stays public: withdrawing a listing is not
 * something the catalogue index supports, and people may already rely on it.
 */
export async function setProgrammeAudience(
  deps: Deps,
  actor: Actor,
  slug: string,
  microcredentialId: string,
  employerSlug: string | null,
) {
  const { org } = await authorizeOrg(deps, actor, slug, 'catalog.publish');
  return transaction(deps.db, async (trx) => {
    const programme = await store.lockProviderProgramme(trx, org.id, microcredentialId);
    if (!programme) throw new AppError('not_found', `${org.name} has no programme with this id.`);
    let audience: { id: string; slug: string; name: string } | null = null;
    if (employerSlug !== null) {
      const employer = await store.findEmployerBySlug(trx, employerSlug);
      if (!employer || !employer.roles.includes('employer')) {
        throw new AppError('validation_failed', `No employer "${employerSlug}" on Cairn.`, {
          fields: [{ field: 'employerSlug', message: 'Not an employer' }],
        });
      }
      audience = employer;
    }
    const isPublished = await store.isListedInCatalogue(trx, programme.id);
    if (isPublished || (programme.audience_org_id !== null && (await store.hasPublishedVersion(trx, programme.id)))) {
      throw new AppError(
        'conflict',
        'The audience of a published programme cannot change; set it before the first publication.',
      );
    }
    await store.setAudience(trx, programme.id, audience?.id ?? null);
    return {
      microcredentialId: programme.id,
      audience: audience ? { slug: audience.slug, name: audience.name } : null,
    };
  });
}

/** Who a provider's programme is for: one employer's members, or everyone (null); and whether that can still change. */
export async function getProgrammeAudience(deps: Deps, actor: Actor, slug: string, microcredentialId: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'catalog.read');
  const programme = await store.findProgrammeAudience(deps.db, org.id, microcredentialId);
  if (!programme) throw new AppError('not_found', `${org.name} has no programme with this id.`);
  // The same rule setProgrammeAudience applies.
  const isLocked =
    (await store.isListedInCatalogue(deps.db, programme.id)) ||
    (programme.audienceSlug !== null && (await store.hasPublishedVersion(deps.db, programme.id)));
  return {
    microcredentialId: programme.id,
    audience:
      programme.audienceSlug && programme.audienceName
        ? { slug: programme.audienceSlug, name: programme.audienceName }
        : null,
    canChange: !isLocked,
  };
}

/** Private programmes of the employers the signed-in person belongs to (what their catalogue adds). */
export async function listMyPrivateProgrammes(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const orgIds = await store.memberOrgIds(deps.db, user.userId);
  const rows = await store.listPrivateProgrammes(deps.db, orgIds);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    providerSlug: r.providerSlug,
    providerName: r.providerName,
    employer: { slug: r.audienceSlug, name: r.audienceName },
    title: r.title,
    summary: r.summary,
    skillIds: r.skill_ids,
    cost:
      r.cost_amount_minor !== null && r.cost_currency
        ? { amountMinor: r.cost_amount_minor, currency: r.cost_currency }
        : null,
    effortHours: r.effort_hours,
  }));
}
