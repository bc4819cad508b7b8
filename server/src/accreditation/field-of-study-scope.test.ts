import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '@cairn/credentials';
import { createProgramme, starterSkillIds, type CreatedProgramme } from '../catalog/catalog-test-helpers.js';
import { completeProgramme } from '../pathways/pathway-test-helpers.js';
import { callAs } from '../testing/call-as.js';
import { verifyWithReference } from '../testing/reference-verifier.js';
import { createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';

const t = useTestApp();

type Application = {
  id: string;
  state: string;
  accreditations: { id: string; credentialId: string; status: string }[];
};

let accreditorOwner: TestUser;
let providerOwner: TestUser;
let accreditorSlug: string;
let providerSlug: string;
let ict: CreatedProgramme;
let noField: CreatedProgramme;
let nursing: CreatedProgramme;
let ictSchemeId: string;

const schemesUrl = () => `/api/v1/orgs/${accreditorSlug}/accreditation/schemes`;
const applyUrl = () => `/api/v1/orgs/${providerSlug}/accreditation/applications`;
const decideUrl = (id: string) => `/api/v1/orgs/${accreditorSlug}/accreditation/applications/${id}/decision`;

async function createScheme(fields: string[]) {
  const res = await callAs<{ id: string }>(t.app, accreditorOwner, 'POST', schemesUrl(), {
    slug: unique('scheme'),
    name: 'Workplace Digital Skills',
    criteriaMarkdown: '## Criteria\n\n- Outcomes are assessed',
    validityMonths: 24,
    scope: { fields, eqfLevels: [4, 5], jurisdictions: [], credentialTypes: ['MicroCredential'] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function apply(schemeId: string, programmeIds: string[]) {
  return callAs<Application>(t.app, providerOwner, 'POST', applyUrl(), {
    schemeId,
    subjectType: 'programme',
    programmeIds,
    statement: 'Every outcome is assessed and moderated.',
  });
}

beforeAll(async () => {
  accreditorOwner = await signUpUser(t.app);
  providerOwner = await signUpUser(t.app);
  accreditorSlug = (await createOrg(t.app, accreditorOwner, { roles: ['accreditor'], name: 'Scope Council' })).slug;
  providerSlug = (await createOrg(t.app, providerOwner, { roles: ['provider'], name: 'Scope Academy' })).slug;
  const skillIds = (await starterSkillIds(t.app, 'data', 1)).map((s) => s.id);
  ict = await createProgramme(t.app, providerOwner, providerSlug, {
    slug: unique('p'),
    title: 'Spreadsheets at Work',
    level: 4,
    skillIds,
    fieldOfStudy: 'Information and Communication Technologies',
  });
  noField = await createProgramme(t.app, providerOwner, providerSlug, {
    slug: unique('p'),
    title: 'Untagged Course',
    level: 4,
    skillIds,
  });
  nursing = await createProgramme(t.app, providerOwner, providerSlug, {
    slug: unique('p'),
    title: 'Wound Care Basics',
    level: 4,
    skillIds,
    fieldOfStudy: 'Nursing and midwifery',
  });
  ictSchemeId = await createScheme(['Information and Communication Technologies']);
});

describe('a programme declares its field of study', () => {
  it('is authored on the draft, signed into the Achievement, carried by the catalogue and the programme page', async () => {
    const draft = await callAs<{ fieldOfStudy: string | null }>(
      t.app,
      providerOwner,
      'GET',
      `/api/v1/orgs/${providerSlug}/microcredentials/${ict.id}/versions/${ict.versionId}`,
    );
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.fieldOfStudy).toBe('Information and Communication Technologies');

    const page = await callAs<{ fieldOfStudy: string | null; achievement: JsonObject }>(
      t.app,
      null,
      'GET',
      `/api/v1/catalog/${providerSlug}/${ict.slug}`,
    );
    expect(page.body.fieldOfStudy).toBe('Information and Communication Technologies');
    expect(page.body.achievement.fieldOfStudy).toBe('Information and Communication Technologies');

    const listed = await callAs<{ items: { id: string; fieldOfStudy: string | null }[] }>(
      t.app,
      null,
      'GET',
      `/api/v1/catalog?provider=${providerSlug}`,
    );
    expect(Object.fromEntries(listed.body.items.map((i) => [i.id, i.fieldOfStudy]))).toMatchObject({
      [ict.id]: 'Information and Communication Technologies',
      [noField.id]: null,
    });

    const untagged = await callAs<{ achievement: JsonObject }>(
      t.app,
      null,
      'GET',
      `/api/v1/catalog/${providerSlug}/${noField.slug}`,
    );
    expect(untagged.body.achievement).not.toHaveProperty('fieldOfStudy');
  });

  it('travels in the learner’s credential, which a stranger’s verifier accepts', async () => {
    const learner = await signUpUser(t.app);
    const rowId = await completeProgramme(t.app, learner, { id: ict.id, slug: ict.slug, providerSlug });
    const vc = (
      await t.app.inject({ method: 'GET', url: `/credentials/${rowId}`, headers: { accept: 'application/json' } })
    ).json<JsonObject & { credentialSubject: { achievement: JsonObject } }>();
    expect(vc.credentialSubject.achievement.fieldOfStudy).toBe('Information and Communication Technologies');
    expect((await verifyWithReference(t.app, vc)).verified).toBe(true);
  });

  it('an empty field clears it on a draft; a next version keeps the published one', async () => {
    const next = await callAs<{ id: string; fieldOfStudy: string | null }>(
      t.app,
      providerOwner,
      'POST',
      `/api/v1/orgs/${providerSlug}/microcredentials/${ict.id}/drafts`,
      {},
    );
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.fieldOfStudy).toBe('Information and Communication Technologies');
    const cleared = await callAs<{ fieldOfStudy: string | null }>(
      t.app,
      providerOwner,
      'PATCH',
      `/api/v1/orgs/${providerSlug}/microcredentials/${ict.id}/versions/${next.body.id}`,
      { fieldOfStudy: '' },
    );
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body.fieldOfStudy).toBeNull();
  });
});

describe('a scheme limited to fields checks the programme’s field', () => {
  it('refuses a programme that declares no field, naming the fields the scheme covers, writing nothing', async () => {
    const res = await apply(ictSchemeId, [noField.id]);
    expect(res.status).toBe(422);
    expect(res.body.detail).toBe(
      '“Untagged Course”: the programme declares no field of study; the scheme covers only: Information and Communication Technologies.',
    );
    expect(res.body.errors).toEqual([
      { field: 'programmeIds.0', message: expect.stringContaining('declares no field') },
    ]);
    const sent = await callAs<{ items: unknown[] }>(t.app, providerOwner, 'GET', `${applyUrl()}?side=sent`);
    expect(sent.body.items).toHaveLength(0);
  });

  it('refuses a programme of another field, naming its field and the limit', async () => {
    const res = await apply(ictSchemeId, [ict.id, nursing.id]);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        field: 'programmeIds.1',
        message:
          "“Wound Care Basics”: the field “Nursing and midwifery” is outside the scheme's scope; the scheme covers only: Information and Communication Technologies.",
      },
    ]);
  });

  it('accredits a programme inside the field', async () => {
    const applied = await apply(ictSchemeId, [ict.id]);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const decided = await callAs<Application>(t.app, accreditorOwner, 'POST', decideUrl(applied.body.id), {
      decision: 'accredited',
      reasons: 'All criteria met.',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.accreditations.map((a) => a.status)).toEqual(['accredited']);
  });

  it('checks again at decision time: a scheme narrowed after the application refuses the decision, naming the limit', async () => {
    const schemeId = await createScheme([]);
    const applied = await apply(schemeId, [noField.id]);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const narrowed = await callAs(t.app, accreditorOwner, 'PATCH', `${schemesUrl()}/${schemeId}`, {
      scope: { fields: ['Statistics'], eqfLevels: [4, 5], jurisdictions: [], credentialTypes: [] },
    });
    expect(narrowed.status).toBe(200);
    const decided = await callAs<Application>(t.app, accreditorOwner, 'POST', decideUrl(applied.body.id), {
      decision: 'accredited',
      reasons: 'All criteria met.',
    });
    expect(decided.status).toBe(422);
    expect(decided.body.detail).toContain(
      'the programme declares no field of study; the scheme covers only: Statistics',
    );
    // Nothing was decided or signed: the application is still open and can be refused.
    const refused = await callAs<Application>(t.app, accreditorOwner, 'POST', decideUrl(applied.body.id), {
      decision: 'refused',
      reasons: 'Outside the scheme’s fields.',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.accreditations).toEqual([]);
  });
});

describe('editing a scheme', () => {
  it('validates the change and leaves credentials already issued as they were signed', async () => {
    const schemeId = await createScheme(['Information and Communication Technologies']);
    const applied = await apply(schemeId, [ict.id]);
    const decided = await callAs<Application>(t.app, accreditorOwner, 'POST', decideUrl(applied.body.id), {
      decision: 'accredited',
      reasons: 'All criteria met.',
    });
    const credentialUrl = `/credentials/${decided.body.accreditations[0]!.credentialId}`;
    const before = (await t.app.inject({ method: 'GET', url: credentialUrl, headers: { accept: 'application/json' } }))
      .body;

    const invalid = await callAs(t.app, accreditorOwner, 'PATCH', `${schemesUrl()}/${schemeId}`, {
      validityMonths: 0,
      unknownField: true,
    });
    expect(invalid.status).toBe(400);

    const edited = await callAs<{ name: string; scope: { fields: string[] } }>(
      t.app,
      accreditorOwner,
      'PATCH',
      `${schemesUrl()}/${schemeId}`,
      {
        name: 'Workplace Digital Skills (2027)',
        scope: { fields: ['Statistics'], eqfLevels: [4], jurisdictions: [], credentialTypes: [] },
      },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Workplace Digital Skills (2027)', scope: { fields: ['Statistics'] } });

    const after = await t.app.inject({ method: 'GET', url: credentialUrl, headers: { accept: 'application/json' } });
    expect(after.body).toBe(before);
    expect((await verifyWithReference(t.app, after.json<JsonObject>())).verified).toBe(true);
  });
});
