import { beforeAll, describe, expect, it } from 'vitest';
import { createProgramme, starterSkillIds, type CreatedProgramme } from '../catalog/catalog-test-helpers.js';
import { callAs } from '../testing/call-as.js';
import { createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();

type ProviderPage = {
  organization: { slug: string; name: string; logoUrl: string | null };
  programmes: { slug: string; title: string }[];
  programmeCount: number;
  accreditations: { accreditor: { slug: string }; scheme: string; credentialRowId: string }[];
  endorsements: { endorser: { slug: string }; comment: string; credentialRowId: string }[];
};

let providerOwner: TestUser;
let accreditorOwner: TestUser;
let partnerOwner: TestUser;
let programme: CreatedProgramme;

const call = <T>(user: TestUser | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  callAs<T>(t.app, user, method, url, payload);

beforeAll(async () => {
  providerOwner = await signUpUser(t.app);
  accreditorOwner = await signUpUser(t.app);
  partnerOwner = await signUpUser(t.app);
  await createOrg(t.app, providerOwner, { roles: ['provider'], name: 'Northwind Academy', slug: 'north' });
  await createOrg(t.app, accreditorOwner, { roles: ['accreditor'], name: 'Meridian Council', slug: 'meridian' });
  await createOrg(t.app, partnerOwner, { roles: ['partner'], name: 'Atlas Industry Alliance', slug: 'atlas' });
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  programme = await createProgramme(t.app, providerOwner, 'north', {
    slug: 'data-basics',
    title: 'Data Basics',
    level: 4,
    skillIds,
  });
});

describe('GET /api/v1/providers/{slug}', () => {
  it('shows the provider and its published programmes, with no recognition yet', async () => {
    const page = await call<ProviderPage>(null, 'GET', '/api/v1/providers/north');
    expect(page.status, page.raw.body).toBe(200);
    expect(page.body.organization).toMatchObject({ slug: 'north', name: 'Northwind Academy', logoUrl: null });
    expect(page.body.programmes.map((p) => p.slug)).toEqual([programme.slug]);
    expect(page.body.programmeCount).toBe(1);
    expect(page.body.accreditations).toEqual([]);
    expect(page.body.endorsements).toEqual([]);
  });

  it('lists the organisation’s accreditation and endorsement in force, not a programme’s endorsement', async () => {
    const scheme = await call<{ id: string }>(accreditorOwner, 'POST', '/api/v1/orgs/meridian/accreditation/schemes', {
      slug: 'quality-mark',
      name: 'Quality Mark',
      summary: 'Quality of training providers.',
      criteriaMarkdown: '## Criteria\n\n- Outcomes are assessed',
      checklist: ['Outcomes are assessed'],
      evidenceItems: [],
      validityMonths: 36,
      reviewIntervalMonths: 12,
      scope: { fields: [], eqfLevels: [], jurisdictions: [], credentialTypes: [] },
      feeNote: '',
    });
    expect(scheme.status, scheme.raw.body).toBe(201);
    const applied = await call<{ id: string }>(providerOwner, 'POST', '/api/v1/orgs/north/accreditation/applications', {
      schemeId: scheme.body.id,
      subjectType: 'organization',
      statement: 'The academy as a whole.',
    });
    expect(applied.status, applied.raw.body).toBe(201);
    const decided = await call<{ accreditations: { credentialId: string }[] }>(
      accreditorOwner,
      'POST',
      `/api/v1/orgs/meridian/accreditation/applications/${applied.body.id}/decision`,
      { decision: 'accredited', reasons: 'All criteria met.' },
    );
    expect(decided.status, decided.raw.body).toBe(200);
    const endorsed = await call<{ credentialRowId: string }>(partnerOwner, 'POST', '/api/v1/orgs/atlas/endorsements', {
      providerSlug: 'north',
      comment: 'Trains our apprentices well.',
    });
    expect(endorsed.status, endorsed.raw.body).toBe(201);
    const ofProgramme = await call(partnerOwner, 'POST', '/api/v1/orgs/atlas/endorsements', {
      providerSlug: 'north',
      programmeSlug: programme.slug,
      comment: 'A good course.',
    });
    expect(ofProgramme.status, ofProgramme.raw.body).toBe(201);

    const page = await call<ProviderPage>(null, 'GET', '/api/v1/providers/north');
    expect(page.status, page.raw.body).toBe(200);
    expect(page.body.accreditations).toEqual([
      expect.objectContaining({
        accreditor: { slug: 'meridian', name: 'Meridian Council' },
        scheme: 'Quality Mark',
        credentialRowId: decided.body.accreditations[0]!.credentialId,
      }),
    ]);
    expect(page.body.endorsements).toEqual([
      expect.objectContaining({
        endorser: { slug: 'atlas', name: 'Atlas Industry Alliance' },
        comment: 'Trains our apprentices well.',
        credentialRowId: endorsed.body.credentialRowId,
      }),
    ]);
    // Each opens a signed credential.
    for (const id of [page.body.accreditations[0]!.credentialRowId, page.body.endorsements[0]!.credentialRowId]) {
      const credential = await t.app.inject({
        method: 'GET',
        url: `/credentials/${id}`,
        headers: { accept: 'application/json' },
      });
      expect(credential.statusCode).toBe(200);
    }
  });

  it('answers 404 for an organisation that is not a provider, or none', async () => {
    expect((await call(null, 'GET', '/api/v1/providers/atlas')).status).toBe(404);
    expect((await call(null, 'GET', '/api/v1/providers/nobody-here')).status).toBe(404);
    expect((await call(null, 'GET', '/api/v1/providers/NOT_A_SLUG')).status).toBe(400);
  });
});
