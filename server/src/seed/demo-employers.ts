import type { Actor, Deps } from '../deps.js';
import { findUserByEmail, insertUser } from '../identity/identity.store.js';
import { addModule } from '../catalog/use-cases/add-module.js';
import { createMicrocredential } from '../catalog/use-cases/create-microcredential.js';
import { publishVersion } from '../catalog/use-cases/publish-version.js';
import { findStarterSkillIds } from '../skills/skills.service.js';
import { createRole } from '../workforce/use-cases/manage-roles.js';
import { assignProgramme, setSeatBudget } from '../workforce/use-cases/manage-assignments.js';
import { setProgrammeAudience } from '../workforce/use-cases/manage-private-programmes.js';
import { shareWithEmployer } from '../workforce/use-cases/manage-sharing.js';
import { grantSeat, insertAssignment, lockBudget } from '../workforce/stores/assignments.store.js';
import { seedDemoLearning } from './demo-learning.js';

const asUser = (userId: string): Actor => ({ kind: 'user', userId, sessionId: 'demo-seed' });
const DAY = 86_400_000;

/** Harbor's employees besides the demo learner: who shares with Harbor, and what they completed. */
const employees = [
  { email: 'marco.rossi@demo.cairn.test', name: 'Marco Rossi', shares: true, completes: 'data-literacy-foundations' },
  { email: 'aisha.khan@demo.cairn.test', name: 'Aisha Khan', shares: true, completes: 'complaint-handling' },
  { email: 'jonas.berg@demo.cairn.test', name: 'Jonas Berg', shares: true, completes: null },
  { email: 'sofia.lind@demo.cairn.test', name: 'Sofia Lind', shares: false, completes: null },
  { email: 'omar.haddad@demo.cairn.test', name: 'Omar Haddad', shares: false, completes: null },
] as const;

const programmeReviewers: Record<string, { providerSlug: string; title: string; reviewerEmail: string }> = {
  'data-literacy-foundations': {
    providerSlug: 'northwind-academy',
    title: 'Data Literacy Foundations',
    reviewerEmail: 'provider@demo.cairn.test',
  },
  'complaint-handling': {
    providerSlug: 'summit-skills-institute',
    title: 'Complaint Handling',
    reviewerEmail: 'provider2@demo.cairn.test',
  },
};

/**
 * Harbor Logistics as an employer: six employees (the demo learner among them, four sharing),
 * the roles "Warehouse team lead" and "Data analyst", two assignments (one overdue), sponsored
 * seats on two programmes and a private programme from Northwind. Runs after the catalogue and
 * the demo learner's credentials, through the same use cases as the API where one exists.
 */
export async function seedDemoEmployers(
  deps: Deps,
  options: {
    employerSlug: string;
    employerEmail: string;
    learnerEmail: string;
    providerSlug: string;
    providerEmail: string;
    passwordHash: string;
  },
) {
  const owner = await findUserByEmail(deps.db, options.employerEmail);
  const provider = await findUserByEmail(deps.db, options.providerEmail);
  const learner = await findUserByEmail(deps.db, options.learnerEmail);
  if (!owner || !provider || !learner) throw new Error('The demo employer, provider and learner must exist first.');
  const org = await deps.db
    .selectFrom('organizations')
    .select(['id'])
    .where('slug', '=', options.employerSlug)
    .executeTakeFirstOrThrow();
  const ownerActor = asUser(owner.id);
  const now = deps.clock();

  const people: { id: string; shares: boolean; completes: string | null; email: string }[] = [
    { id: learner.id, shares: true, completes: null, email: learner.email },
  ];
  for (const e of employees) {
    const user = await insertUser(deps.db, {
      email: e.email,
      name: e.name,
      passwordHash: options.passwordHash,
      emailVerifiedAt: now,
    });
    if (!user) throw new Error(`The demo employee ${e.email} exists already; use a fresh DATA_DIR.`);
    people.push({ id: user.id, shares: e.shares, completes: e.completes, email: e.email });
  }
  // Employees joined Harbor by invitation in real life; the seed records the memberships directly.
  await deps.db
    .insertInto('memberships')
    .values(people.map((p) => ({ org_id: org.id, user_id: p.id, role: 'viewer' as const })))
    .execute();
  for (const p of people) {
    if (!p.completes) continue;
    await seedDemoLearning(deps, {
      learnerEmail: p.email,
      complete: [{ ...programmeReviewers[p.completes]!, slug: p.completes }],
      inProgress: [],
    });
  }
  for (const p of people) if (p.shares) await shareWithEmployer(deps, asUser(p.id), options.employerSlug, 'all');

  const skill = await findStarterSkillIds(deps.db, [
    'CAIRN-DATA-01',
    'CAIRN-DATA-03',
    'CAIRN-DATA-07',
    'CAIRN-DATA-08',
    'CAIRN-LOG-01',
    'CAIRN-LOG-02',
    'CAIRN-HS-01',
    'CAIRN-COMM-03',
  ]);
  const id = (code: string) => {
    const found = skill.get(code);
    if (!found) throw new Error(`The demo roles name a skill the starter framework lacks: ${code}`);
    return found;
  };
  const analyst = await createRole(deps, ownerActor, options.employerSlug, {
    name: 'Data analyst',
    description: 'Turns warehouse and delivery data into decisions the operations team can act on.',
    skills: [
      { skillId: id('CAIRN-DATA-01'), level: 2, essential: true },
      { skillId: id('CAIRN-DATA-07'), level: 2, essential: true },
      { skillId: id('CAIRN-DATA-03'), level: 3, essential: true },
      { skillId: id('CAIRN-DATA-08'), level: 2, essential: false },
    ],
  });
  const lead = await createRole(deps, ownerActor, options.employerSlug, {
    name: 'Warehouse team lead',
    description: 'Runs a shift: stock, safety and a team of eight.',
    skills: [
      { skillId: id('CAIRN-LOG-02'), level: 3, essential: true },
      { skillId: id('CAIRN-LOG-01'), level: 2, essential: true },
      { skillId: id('CAIRN-HS-01'), level: 2, essential: true },
      { skillId: id('CAIRN-COMM-03'), level: 2, essential: false },
    ],
  });

  const programmeId = async (slug: string) =>
    (
      await deps.db
        .selectFrom('catalog_entries')
        .select('microcredential_id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).microcredential_id;
  const sql = await programmeId('sql-for-analysts');
  const warehouse = await programmeId('warehouse-operations');
  await setSeatBudget(deps, ownerActor, options.employerSlug, { microcredentialId: sql, seats: 5 });
  await setSeatBudget(deps, ownerActor, options.employerSlug, { microcredentialId: warehouse, seats: 3 });
  await assignProgramme(deps, ownerActor, options.employerSlug, {
    microcredentialId: sql,
    userIds: [learner.id],
    roleId: analyst.id,
    dueAt: new Date(now.getTime() + 45 * DAY),
    isSponsored: true,
  });
  // An assignment made six weeks ago and now a week overdue (the use case refuses past due dates).
  const jonas = people.find((p) => p.email === 'jonas.berg@demo.cairn.test')!;
  const overdue = await insertAssignment(deps.db, {
    orgId: org.id,
    userId: jonas.id,
    microcredentialId: warehouse,
    teamId: null,
    roleId: lead.id,
    dueAt: new Date(now.getTime() - 7 * DAY),
    isSponsored: true,
    assignedBy: owner.id,
    now: new Date(now.getTime() - 42 * DAY),
  });
  const budget = await lockBudget(deps.db, org.id, warehouse);
  await grantSeat(deps.db, {
    orgId: org.id,
    budgetId: budget!.id,
    microcredentialId: warehouse,
    userId: jonas.id,
    assignmentId: overdue!.id,
    by: owner.id,
    now: new Date(now.getTime() - 42 * DAY),
  });

  // Northwind's private programme for Harbor: listed only to Harbor's members.
  const providerActor = asUser(provider.id);
  const mc = await createMicrocredential(deps, providerActor, options.providerSlug, {
    slug: 'harbor-data-onboarding',
    title: 'Harbor Data Onboarding',
    summary: "Harbor Logistics' warehouse data, dashboards and reporting habits, for new analysts.",
    description: 'A private programme Northwind Academy runs for **Harbor Logistics** staff only.',
    outcomes: ['Find and read Harbor’s stock and delivery data', 'Build the weekly operations dashboard'],
    skillIds: [id('CAIRN-DATA-08'), id('CAIRN-DATA-03')],
    level: 4,
    effortHours: 6,
    durationWeeks: 2,
    cost: null,
    cpdHours: 6,
    format: 'self_paced',
    language: 'en',
    imageFileId: null,
    partnerOrgIds: [],
    criteriaNarrative: 'Complete every module and pass the final quiz.',
    passMark: 50,
    validityMonths: null,
  });
  await setProgrammeAudience(deps, providerActor, options.providerSlug, mc.id, options.employerSlug);
  await addModule(deps, providerActor, options.providerSlug, mc.id, mc.current.id, {
    title: 'Harbor’s data map',
    content: 'Where stock, picking and delivery data live, and who owns each source.',
    estimatedMinutes: 60,
    links: [],
    activity: {
      type: 'quiz',
      passMark: 50,
      attemptsLimit: 3,
      questions: [
        {
          kind: 'single',
          prompt: 'Who owns a data source at Harbor?',
          points: 1,
          options: [
            { text: 'The team named in the data map', isCorrect: true, feedback: 'Correct.' },
            { text: 'Whoever used it last', isCorrect: false, feedback: 'Not quite: the data map names an owner.' },
          ],
        },
      ],
    },
  });
  await publishVersion(deps, providerActor, options.providerSlug, mc.id, mc.current.id);
  return { roles: [analyst.id, lead.id], employees: people.length };
}
