import { expect } from 'vitest';
import type { App } from '../app.js';
import { starterSkillIds } from '../catalog/catalog-test-helpers.js';
import { addMember, createOrg, signUpUser, type TestUser } from './test-app.js';

export type EmployerWorld = {
  provider: TestUser;
  employer: TestUser;
  ana: TestUser;
  ben: TestUser;
  northwind: { slug: string; id: string };
  harbor: { slug: string; id: string };
  skills: { id: string; name: string }[];
};

/**
 * What the workforce tests start from: a provider (Northwind), an employer (Harbor, run by
 * "Harbor Admin") with Ana and Ben as viewers, and three starter skills about data.
 */
export async function employerWorld(app: App, names: { ana: string; ben: string }): Promise<EmployerWorld> {
  const provider = await signUpUser(app);
  const employer = await signUpUser(app, { name: 'Harbor Admin' });
  const ana = await signUpUser(app, { name: names.ana });
  const ben = await signUpUser(app, { name: names.ben });
  const northwind = await createOrg(app, provider, { roles: ['provider'], name: 'Northwind' });
  const harbor = await createOrg(app, employer, { roles: ['employer'], name: 'Harbor' });
  await addMember(app, employer, harbor.slug, ana, 'viewer');
  await addMember(app, employer, harbor.slug, ben, 'viewer');
  const skills = await starterSkillIds(app, 'data', 3);
  expect(skills.length).toBe(3);
  return { provider, employer, ana, ben, northwind, harbor, skills };
}
