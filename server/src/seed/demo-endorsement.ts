import type { Actor, Deps } from '../deps.js';
import { findUserByEmail } from '../identity/identity.store.js';
import { endorseSubject } from '../endorsement/use-cases/endorse-subject.js';
import { withdrawEndorsement } from '../endorsement/use-cases/withdraw-endorsement.js';
import {
  commentOnCoDevelopment,
  decideCoDevelopment,
  inviteCoDeveloper,
} from '../endorsement/use-cases/manage-co-development.js';
import * as lookup from '../endorsement/stores/subject-lookup.store.js';

type DemoEndorsement = {
  providerSlug: string;
  providerEmail: string;
  programmeSlug: string;
  comment: string;
  isWithdrawn?: boolean;
};

const endorsements: DemoEndorsement[] = [
  {
    providerSlug: 'northwind-academy',
    providerEmail: 'provider@demo.cairn.test',
    programmeSlug: 'sql-for-analysts',
    comment:
      'Co-developed with our member firms’ analytics leads. Graduates write the **joins, aggregations and window functions** our analysts use every day.',
  },
  {
    providerSlug: 'northwind-academy',
    providerEmail: 'provider@demo.cairn.test',
    programmeSlug: 'dashboard-design',
    comment:
      'Shaped with the Alliance’s operations managers: dashboards that answer **the questions a team lead asks on Monday morning**.',
  },
  {
    providerSlug: 'northwind-academy',
    providerEmail: 'provider@demo.cairn.test',
    programmeSlug: 'cloud-cost-management',
    comment: 'Covers the cost controls our members asked for in 2026.',
    isWithdrawn: true,
  },
  {
    providerSlug: 'summit-skills-institute',
    providerEmail: 'provider2@demo.cairn.test',
    programmeSlug: 'warehouse-operations',
    comment:
      'Built with warehouse supervisors from the Alliance: the **safe handling and stock accuracy** practices the industry expects on day one.',
  },
];

async function actorFor(deps: Deps, email: string): Promise<Actor> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) throw new Error(`The demo world has no user ${email}`);
  return { kind: 'user', userId: user.id, sessionId: 'demo-seed' };
}

/**
 * Atlas Industry Alliance co-developed four demo programmes (invited by their providers,
 * commented, approved) and endorsed each with a signed EndorsementCredential; the endorsement
 * of Cloud Cost Management was later withdrawn, so three are in force (the catalogue's
 * `endorsedBy=atlas-industry-alliance` finds them). Through the same use cases as the API.
 */
export async function seedDemoEndorsements(deps: Deps, options: { partnerSlug: string; partnerEmail: string }) {
  const partner = await actorFor(deps, options.partnerEmail);
  for (const e of endorsements) {
    const provider = await actorFor(deps, e.providerEmail);
    const providerOrg = await lookup.findOrganizationBySlug(deps.db, e.providerSlug);
    const programme = providerOrg && (await lookup.findProgramme(deps.db, providerOrg.id, e.programmeSlug));
    if (!programme) throw new Error(`The demo world has no programme ${e.providerSlug}/${e.programmeSlug}`);
    const invitation = await inviteCoDeveloper(deps, provider, e.providerSlug, {
      microcredentialId: programme.id,
      partnerSlug: options.partnerSlug,
      message: 'Would the Alliance help us shape this programme around what employers need?',
    });
    await commentOnCoDevelopment(
      deps,
      partner,
      options.partnerSlug,
      invitation.id,
      'Looks right to our members. One ask: a worked example from a real workplace in the final module.',
    );
    await decideCoDevelopment(deps, partner, options.partnerSlug, invitation.id, 'approve');
    const endorsement = await endorseSubject(deps, partner, options.partnerSlug, {
      providerSlug: e.providerSlug,
      programmeSlug: e.programmeSlug,
      comment: e.comment,
    });
    if (e.isWithdrawn) {
      await withdrawEndorsement(deps, partner, options.partnerSlug, endorsement.id, {
        reason: 'The syllabus no longer matches the Alliance’s current cloud guidance.',
      });
    }
  }
}
