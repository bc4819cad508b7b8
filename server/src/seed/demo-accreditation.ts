import type { Actor, Deps } from '../deps.js';
import { decideApplication } from '../accreditation/use-cases/decide-application.js';
import { createScheme } from '../accreditation/use-cases/manage-schemes.js';
import { requestInformation } from '../accreditation/use-cases/review-application.js';
import { answerInformationRequest, submitApplication } from '../accreditation/use-cases/submit-application.js';
import * as lookup from '../accreditation/stores/provider-lookup.store.js';

export type DemoAccreditationOptions = {
  accreditor: { slug: string; email: string };
  accredited: { slug: string; email: string; programmeSlugs: string[] };
  candidate: { slug: string; email: string };
};

/** The demo world's parties (see the README's demo accounts). */
export const DEMO_ACCREDITATION: DemoAccreditationOptions = {
  accreditor: { slug: 'meridian-accreditation', email: 'accreditor@demo.cairn.test' },
  accredited: {
    slug: 'northwind-academy',
    email: 'provider@demo.cairn.test',
    programmeSlugs: ['dashboard-design', 'sql-for-analysts'],
  },
  candidate: { slug: 'summit-skills-institute', email: 'provider2@demo.cairn.test' },
};

async function actorFor(deps: Deps, email: string): Promise<Actor> {
  const user = await lookup.findUserIdByEmail(deps.db, email);
  if (!user) throw new Error(`The demo world has no user ${email}`);
  return { kind: 'user', userId: user.id, sessionId: 'demo-seed' };
}

/**
 * Meridian Accreditation Council runs the scheme “Workplace Digital Skills” (EQF 4-5
 * micro-credentials in Information and Communication Technologies); it accredited two Northwind
 * Academy programmes after asking for more information, and holds Summit Skills Institute in
 * candidacy. Through the same use cases as the
 * API, so the accreditations carry signed credentials and appear in the public register.
 */
export async function seedDemoAccreditation(
  deps: Deps,
  options: DemoAccreditationOptions = DEMO_ACCREDITATION,
): Promise<void> {
  const accreditor = await actorFor(deps, options.accreditor.email);
  const scheme = await createScheme(deps, accreditor, options.accreditor.slug, {
    slug: 'workplace-digital-skills',
    name: 'Workplace Digital Skills',
    summary: 'Quality assurance of short programmes that teach the digital skills used at work.',
    criteriaMarkdown: [
      '## Criteria',
      '',
      '1. **Outcomes** are stated and every one is assessed.',
      '2. **Assessment** is moderated by a second assessor for at least one in ten submissions.',
      '3. **Currency**: content is reviewed with employers at least once a year.',
      '4. **Learner support** answers within two working days.',
    ].join('\n'),
    checklist: [
      'Outcomes are assessed',
      'Assessment is moderated',
      'Content reviewed with employers',
      'Learner support',
    ],
    evidenceItems: ['Assessment policy', 'Moderation records', 'Employer review minutes'],
    validityMonths: 36,
    reviewIntervalMonths: 12,
    scope: {
      fields: ['Information and Communication Technologies'],
      eqfLevels: [4, 5],
      jurisdictions: [],
      credentialTypes: ['MicroCredential'],
    },
    feeNote: 'EUR 900 per programme; EUR 2,400 for an organisation.',
    isOpen: true,
  });

  const provider = await actorFor(deps, options.accredited.email);
  const providerOrg = await lookup.findOrganizationBySlug(deps.db, options.accredited.slug);
  const programmeIds: string[] = [];
  for (const slug of options.accredited.programmeSlugs) {
    const programme = providerOrg && (await lookup.findProgrammeBySlug(deps.db, providerOrg.id, slug));
    if (!programme) throw new Error(`The demo world has no programme ${options.accredited.slug}/${slug}`);
    programmeIds.push(programme.id);
  }
  const applied = await submitApplication(deps, provider, options.accredited.slug, {
    schemeId: scheme.id,
    subjectType: 'programme',
    programmeIds,
    statement:
      'Both programmes assess every stated outcome with a graded assignment; a second assessor moderates one in ten. Employer panels reviewed the content in March.',
    jurisdiction: null,
    renewsId: null,
  });
  await requestInformation(
    deps,
    accreditor,
    options.accreditor.slug,
    applied.id,
    'Please send the minutes of the employer review panel.',
  );
  await answerInformationRequest(
    deps,
    provider,
    options.accredited.slug,
    applied.id,
    'The panel met on 12 March; the minutes record the changes to the dashboard module.',
  );
  await decideApplication(deps, accreditor, options.accreditor.slug, applied.id, {
    decision: 'accredited',
    reasons: 'All four criteria are met; moderation records were exemplary.',
    publicReportUrl: null,
  });

  const candidate = await actorFor(deps, options.candidate.email);
  const candidacy = await submitApplication(deps, candidate, options.candidate.slug, {
    schemeId: scheme.id,
    subjectType: 'organization',
    programmeIds: [],
    statement: 'Summit Skills Institute asks for institutional accreditation of its workplace programmes.',
    jurisdiction: null,
    renewsId: null,
  });
  await decideApplication(deps, accreditor, options.accreditor.slug, candidacy.id, {
    decision: 'candidate',
    reasons: 'Criteria 1 and 4 are met; moderation is being introduced. Review in twelve months.',
    publicReportUrl: null,
  });
}
