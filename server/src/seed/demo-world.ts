import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.js';
import type { OrgRole } from '../db/schema.js';
import { lockSetupStep } from '../db/startup-lock.js';
import { transaction } from '../db/transaction.js';
import { hashPassword } from '../identity/password.js';
import { findUserByEmail, insertUser } from '../identity/identity.store.js';
import { provisionOrganization } from '../orgs/orgs.service.js';
import { seedDemoCatalog } from '../catalog/demo-catalog.js';
import { joinDemoPathway, seedDemoPathways } from '../pathways/demo-pathways.js';
import { seedDemoLearning } from './demo-learning.js';
import { seedDemoCommunity } from './demo-community.js';
import { seedDemoEndorsements } from './demo-endorsement.js';
import { seedDemoEmployers } from './demo-employers.js';
import { seedDemoShowcase } from './demo-showcase.js';
import { seedDemoAccreditation } from './demo-accreditation.js';
import { seedDemoLearnerGoals } from './demo-learner-goals.js';

type DemoOrg = { slug: string; name: string; roles: OrgRole[]; member: { email: string; name: string; role: 'owner' } };

const demoOrgs: DemoOrg[] = [
  {
    slug: 'northwind-academy',
    name: 'Northwind Academy',
    roles: ['provider'],
    member: { email: 'provider@demo.cairn.test', name: 'Priya Natarajan', role: 'owner' },
  },
  {
    slug: 'meridian-accreditation',
    name: 'Meridian Accreditation Council',
    roles: ['accreditor'],
    member: { email: 'accreditor@demo.cairn.test', name: 'Aled Morgan', role: 'owner' },
  },
  {
    slug: 'harbor-logistics',
    name: 'Harbor Logistics',
    roles: ['employer'],
    member: { email: 'employer@demo.cairn.test', name: 'Elena Ruiz', role: 'owner' },
  },
  {
    slug: 'atlas-industry-alliance',
    name: 'Atlas Industry Alliance',
    roles: ['partner'],
    member: { email: 'partner@demo.cairn.test', name: 'Tomasz Kowalski', role: 'owner' },
  },
  {
    slug: 'summit-skills-institute',
    name: 'Summit Skills Institute',
    roles: ['provider'],
    member: { email: 'provider2@demo.cairn.test', name: 'Kwame Mensah', role: 'owner' },
  },
];
const learner = { email: 'learner@demo.cairn.test', name: 'Lena Fischer' };

/** Generates a demo password that passes the password rules and is easy to type. */
function generatePassword(): string {
  return `cairn-${randomBytes(9).toString('base64url')}`;
}

/**
 * Creates the demo world (a provider, an accreditor, an employer, an industry partner and a
 * learner) on an empty database. Returns undefined when it already exists. Later areas add
 * their demo data through their own use cases from here. Safe when servers start together:
 * one creates the world, the others wait for it and find it there.
 */
export async function seedDemoWorld(deps: Deps, options: { password: string | undefined }) {
  if (await findUserByEmail(deps.db, learner.email)) return undefined;
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const isCreated = await transaction(deps.db, async (trx) => {
    await lockSetupStep(trx, 'demo-world');
    if (await findUserByEmail(trx, learner.email)) return false;
    const created = new Map<string, { orgId: string; ownerId: string }>();
    for (const org of demoOrgs) {
      // Demo addresses are on the reserved .test domain: nobody can receive their mail, so they are seeded verified.
      const user = await insertUser(trx, {
        email: org.member.email,
        name: org.member.name,
        passwordHash,
        emailVerifiedAt: deps.clock(),
      });
      const provisioned =
        user &&
        (await provisionOrganization(
          { ...deps, db: trx },
          { slug: org.slug, name: org.name, roles: org.roles, ownerId: user.id },
        ));
      if (!provisioned)
        throw new Error(`The demo world is half there (${org.slug}); use a fresh DATA_DIR or CAIRN_SEED=false.`);
      created.set(org.slug, { orgId: provisioned.id, ownerId: user.id });
    }
    await insertUser(trx, { email: learner.email, name: learner.name, passwordHash, emailVerifiedAt: deps.clock() });
    const of = (slug: string) => created.get(slug)!;
    await seedDemoCatalog(
      { ...deps, db: trx },
      {
        northwind: { slug: 'northwind-academy', ownerId: of('northwind-academy').ownerId },
        summit: { slug: 'summit-skills-institute', ownerId: of('summit-skills-institute').ownerId },
        partnerOrgId: of('atlas-industry-alliance').orgId,
      },
    );
    await seedDemoEndorsements(
      { ...deps, db: trx },
      { partnerSlug: 'atlas-industry-alliance', partnerEmail: 'partner@demo.cairn.test' },
    );
    await seedDemoAccreditation({ ...deps, db: trx });
    // Before the learner's completions, so completing both programmes awards the first pathway.
    const pathways = await seedDemoPathways(
      { ...deps, db: trx },
      { authorEmail: 'provider@demo.cairn.test', providerSlug: 'northwind-academy' },
    );
    await seedDemoLearning(
      { ...deps, db: trx },
      {
        learnerEmail: learner.email,
        complete: [
          {
            providerSlug: 'northwind-academy',
            slug: 'data-literacy-foundations',
            title: 'Data Literacy Foundations',
            reviewerEmail: 'provider@demo.cairn.test',
          },
          {
            providerSlug: 'summit-skills-institute',
            slug: 'complaint-handling',
            title: 'Complaint Handling',
            reviewerEmail: 'provider2@demo.cairn.test',
          },
        ],
        inProgress: [
          { providerSlug: 'northwind-academy', slug: 'secure-coding-basics', title: 'Secure Coding Basics' },
        ],
      },
    );
    await seedDemoCommunity(
      { ...deps, db: trx },
      {
        learnerEmail: learner.email,
        providerEmail: 'provider@demo.cairn.test',
        providerSlug: 'northwind-academy',
        passwordHash,
        cohortProgrammeSlug: 'agile-delivery-essentials',
        reviewed: { providerSlug: 'northwind-academy', slug: 'data-literacy-foundations' },
      },
    );
    await joinDemoPathway(
      { ...deps, db: trx },
      { learnerEmail: learner.email, pathwayId: pathways.inProgressPathwayId },
    );
    await seedDemoEmployers(
      { ...deps, db: trx },
      {
        employerSlug: 'harbor-logistics',
        employerEmail: 'employer@demo.cairn.test',
        learnerEmail: learner.email,
        providerSlug: 'northwind-academy',
        providerEmail: 'provider@demo.cairn.test',
        passwordHash,
      },
    );
    await seedDemoShowcase(
      { ...deps, db: trx },
      { learnerEmail: learner.email, providerSlug: 'northwind-academy', providerEmail: 'provider@demo.cairn.test' },
    );
    await seedDemoLearnerGoals({ ...deps, db: trx }, { learnerEmail: learner.email, employerSlug: 'harbor-logistics' });
    return true;
  });
  if (!isCreated) return undefined;
  return {
    password,
    isPasswordGenerated: options.password === undefined,
    emails: [...demoOrgs.map((o) => o.member.email), learner.email],
  };
}
