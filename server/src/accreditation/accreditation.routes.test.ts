import { beforeAll, describe, expect, it } from 'vitest';
import { cairnAccreditationContext, type JsonObject } from '@cairn/credentials';
import { createProgramme, starterSkillIds, type CreatedProgramme } from '../catalog/catalog-test-helpers.js';
import { listMailsTo } from '../mail/mail.store.js';
import { addMember, createOrg, signUpUser, unique, useTestApp, type TestUser } from '../testing/test-app.js';
import { verifyWithReference } from '../testing/reference-verifier.js';
import { callAs } from '../testing/call-as.js';
import { accreditationsFor } from './accreditations-in-force.js';
import { sendRenewalReminders } from './use-cases/send-renewal-reminders.js';

const ctx = useTestApp();
const DAY = 24 * 3600 * 1000;

type Org = { id: string; slug: string; did: string; name: string };
type Application = {
  id: string;
  state: string;
  decision: string | null;
  checklist: { criterion: string; outcome: string | null }[] | null;
  evidence: { id: string; filename: string }[];
  messages: { kind: string; body: string }[];
  accreditations: {
    id: string;
    status: string;
    credentialId: string;
    verificationCode: string;
    subject: { id: string; type: string };
  }[];
};

function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = `----cairn${unique('b')}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n${file.content}\r\n`,
  );
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('accreditation: schemes, applications, decisions, register', () => {
  let accreditorOwner: TestUser;
  let providerOwner: TestUser;
  let outsider: TestUser;
  let accreditor: Org;
  let provider: Org;
  let otherProvider: Org;
  let inScope: CreatedProgramme;
  let inScopeToo: CreatedProgramme;
  let outOfScope: CreatedProgramme;
  let schemeId: string;

  beforeAll(async () => {
    const { app } = ctx;
    accreditorOwner = await signUpUser(app);
    providerOwner = await signUpUser(app);
    outsider = await signUpUser(app);
    accreditor = await createOrg(app, accreditorOwner, { roles: ['accreditor'], name: 'Meridian Test Council' });
    provider = await createOrg(app, providerOwner, { roles: ['provider'], name: 'Northwind Test Academy' });
    otherProvider = await createOrg(app, outsider, { roles: ['provider'] });
    const skillIds = (await starterSkillIds(app, 'data', 1)).map((s) => s.id);
    inScope = await createProgramme(app, providerOwner, provider.slug, {
      slug: unique('p'),
      title: 'Spreadsheets at Work',
      level: 4,
      skillIds,
    });
    inScopeToo = await createProgramme(app, providerOwner, provider.slug, {
      slug: unique('p'),
      title: 'Digital Collaboration',
      level: 5,
      skillIds,
    });
    outOfScope = await createProgramme(app, providerOwner, provider.slug, {
      slug: unique('p'),
      title: 'Advanced Analytics',
      level: 6,
      skillIds,
    });
  });

  it('an accrediting body creates and edits a scheme; its page is public; a provider cannot run one', async () => {
    const { app } = ctx;
    const created = await callAs<{ id: string; slug: string; scope: { eqfLevels: number[] } }>(
      app,
      accreditorOwner,
      'POST',
      `/api/v1/orgs/${accreditor.slug}/accreditation/schemes`,
      {
        slug: 'workplace-digital',
        name: 'Workplace Digital Skills',
        summary: 'Quality of workplace digital skills programmes.',
        criteriaMarkdown: '## Criteria\n\n- Outcomes are assessed',
        checklist: ['Outcomes are assessed', 'Staff are qualified'],
        evidenceItems: ['Assessment policy'],
        validityMonths: 36,
        reviewIntervalMonths: 12,
        scope: { fields: [], eqfLevels: [5, 4], jurisdictions: [], credentialTypes: ['MicroCredential'] },
        feeNote: 'EUR 900 per programme',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.scope.eqfLevels).toEqual([4, 5]);
    schemeId = created.body.id;

    const edited = await callAs<{ feeNote: string; name: string }>(
      app,
      accreditorOwner,
      'PATCH',
      `/api/v1/orgs/${accreditor.slug}/accreditation/schemes/${schemeId}`,
      { feeNote: 'EUR 950 per programme' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ feeNote: 'EUR 950 per programme', name: 'Workplace Digital Skills' });

    const page = await callAs<{ name: string; accreditor: { slug: string } }>(
      app,
      null,
      'GET',
      `/api/v1/accreditation/${accreditor.slug}/schemes/workplace-digital`,
    );
    expect(page.status).toBe(200);
    expect(page.body.accreditor.slug).toBe(accreditor.slug);

    const byProvider = await callAs(app, providerOwner, 'POST', `/api/v1/orgs/${provider.slug}/accreditation/schemes`, {
      slug: 'my-own',
      name: 'My own scheme',
      validityMonths: 12,
    });
    expect(byProvider.status).toBe(403);
    expect(byProvider.body.code).toBe('forbidden');
  });

  it('refuses a programme outside the scheme’s scope with 422 naming the limit, writing nothing', async () => {
    const { app } = ctx;
    const res = await callAs(app, providerOwner, 'POST', `/api/v1/orgs/${provider.slug}/accreditation/applications`, {
      schemeId,
      subjectType: 'programme',
      programmeIds: [inScope.id, outOfScope.id],
      statement: 'We meet every criterion of the scheme.',
    });
    expect(res.status).toBe(422);
    expect(res.raw.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain("EQF level 6 is outside the scheme's scope (levels 4-5)");
    const sent = await callAs<{ items: unknown[] }>(
      app,
      providerOwner,
      'GET',
      `/api/v1/orgs/${provider.slug}/accreditation/applications?side=sent`,
    );
    expect(sent.body.items).toHaveLength(0);
  });

  it('refuses programmes of another organisation', async () => {
    const res = await callAs(
      ctx.app,
      outsider,
      'POST',
      `/api/v1/orgs/${otherProvider.slug}/accreditation/applications`,
      {
        schemeId,
        subjectType: 'programme',
        programmeIds: [inScope.id],
        statement: 'We would like this programme accredited.',
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.errors?.[0]?.message).toContain('Not a published programme of your organisation');
  });

  it('a provider cannot accredit itself', async () => {
    const { app } = ctx;
    const both = await createOrg(app, outsider, { roles: ['provider', 'accreditor'] });
    const scheme = await callAs<{ id: string }>(
      app,
      outsider,
      'POST',
      `/api/v1/orgs/${both.slug}/accreditation/schemes`,
      {
        slug: 'self',
        name: 'Self scheme',
        validityMonths: 12,
      },
    );
    const res = await callAs(app, outsider, 'POST', `/api/v1/orgs/${both.slug}/accreditation/applications`, {
      schemeId: scheme.body.id,
      subjectType: 'organization',
      statement: 'We accredit ourselves, obviously.',
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('cannot accredit itself');
  });

  describe('the review flow', () => {
    let application: Application;
    /** A call to the application under review, through `org`'s view of it. */
    const onApplication = <T = unknown>(
      user: TestUser,
      org: Org,
      method: 'GET' | 'POST' | 'PUT',
      path: string,
      payload?: unknown,
    ) =>
      callAs<T>(
        ctx.app,
        user,
        method,
        `/api/v1/orgs/${org.slug}/accreditation/applications/${application.id}${path}`,
        payload,
      );

    it('a provider applies with evidence; the accreditor asks for more; the provider answers', async () => {
      const { app } = ctx;
      const applied = await callAs<Application>(
        app,
        providerOwner,
        'POST',
        `/api/v1/orgs/${provider.slug}/accreditation/applications`,
        {
          schemeId,
          subjectType: 'programme',
          programmeIds: [inScope.id, inScopeToo.id],
          statement: 'Both programmes assess every outcome.',
        },
      );
      expect(applied.status).toBe(201);
      expect(applied.body.state).toBe('submitted');
      // The provider does not see the reviewers' checklist.
      expect(applied.body.checklist).toBeNull();
      application = applied.body;

      const form = multipart(
        { evidenceItem: 'Assessment policy' },
        { name: 'policy.txt', content: 'Our assessment policy.' },
      );
      const uploaded = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/orgs/${provider.slug}/accreditation/applications/${application.id}/evidence`,
        headers: { cookie: providerOwner.cookie, 'content-type': form.contentType, 'x-cairn-csrf': '1' },
        payload: form.body,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const evidence = uploaded.json<Application>().evidence;
      expect(evidence.map((e) => e.filename)).toEqual(['policy.txt']);

      // The accrediting body reads the file; an outsider cannot.
      const file = await app.inject({
        method: 'GET',
        url: `/api/v1/orgs/${accreditor.slug}/accreditation/applications/${application.id}/evidence/${evidence[0]!.id}`,
        headers: { cookie: accreditorOwner.cookie },
      });
      expect(file.statusCode).toBe(200);
      expect(file.body).toBe('Our assessment policy.');
      const peek = await onApplication(outsider, otherProvider, 'GET', '');
      expect(peek.status).toBe(404);

      // The provider cannot decide, whichever organisation it names.
      const selfDecide = await onApplication(providerOwner, provider, 'POST', '/decision', {
        decision: 'accredited',
        reasons: 'We say so.',
      });
      expect(selfDecide.status).toBe(403);
      const foreignDecide = await onApplication(providerOwner, accreditor, 'POST', '/decision', {
        decision: 'accredited',
        reasons: 'We say so.',
      });
      expect(foreignDecide.status).toBe(404);

      const asked = await onApplication<Application>(accreditorOwner, accreditor, 'POST', '/information-requests', {
        body: 'Please send the moderation records.',
      });
      expect(asked.status).toBe(200);
      expect(asked.body.state).toBe('information_requested');

      // A viewer of the accrediting body reads the application but cannot review or decide.
      const viewer = await signUpUser(app);
      await addMember(app, accreditorOwner, accreditor.slug, viewer, 'viewer');
      const seen = await onApplication(viewer, accreditor, 'GET', '');
      expect(seen.status).toBe(200);
      const viewerAsks = await onApplication(viewer, accreditor, 'POST', '/information-requests', { body: 'Can I?' });
      expect(viewerAsks.status).toBe(403);

      // Cannot decide while waiting for the answer.
      const early = await onApplication(accreditorOwner, accreditor, 'POST', '/decision', {
        decision: 'accredited',
        reasons: 'Looks fine.',
      });
      expect(early.status).toBe(409);

      const answered = await onApplication<Application>(providerOwner, provider, 'POST', '/answers', {
        body: 'Moderation records are attached to the policy.',
      });
      expect(answered.status).toBe(200);
      expect(answered.body.state).toBe('resubmitted');
      expect(answered.body.messages.map((m) => m.kind)).toEqual(['information_request', 'answer']);
    });

    it('the accreditor reviews the checklist and accredits: one signed, verifiable credential per programme', async () => {
      const { app } = ctx;
      const checked = await onApplication<Application>(accreditorOwner, accreditor, 'PUT', '/checks', {
        criterion: 'Outcomes are assessed',
        outcome: 'met',
        note: 'Seen in the policy.',
      });
      expect(checked.status).toBe(200);
      expect(checked.body.checklist).toEqual([
        { criterion: 'Outcomes are assessed', outcome: 'met', note: 'Seen in the policy.' },
        { criterion: 'Staff are qualified', outcome: null, note: '' },
      ]);
      const notACriterion = await onApplication(accreditorOwner, accreditor, 'PUT', '/checks', {
        criterion: 'Something else',
        outcome: 'met',
      });
      expect(notACriterion.status).toBe(400);

      const decided = await onApplication<Application>(accreditorOwner, accreditor, 'POST', '/decision', {
        decision: 'accredited',
        reasons: 'All criteria met.',
        publicReportUrl: 'https://example.org/reports/northwind',
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
      expect(decided.body.state).toBe('decided');
      expect(decided.body.accreditations).toHaveLength(2);
      application = decided.body;

      const first = decided.body.accreditations[0]!;
      const credential = await app.inject({
        method: 'GET',
        url: `/credentials/${first.credentialId}`,
        headers: { accept: 'application/json' },
      });
      expect(credential.statusCode).toBe(200);
      const vc = credential.json<
        Record<string, unknown> & { credentialSubject: Record<string, unknown>; issuer: { id: string } }
      >();
      // The accreditation facts ride in an embedded context: a stranger's verifier knowing only
      // the standard contexts verifies the credential, and any change to a fact breaks it.
      expect(vc['@context']).toContainEqual(cairnAccreditationContext());
      const reference = await verifyWithReference(app, vc as JsonObject);
      expect(reference.error).toBeUndefined();
      expect(reference.verified).toBe(true);
      const widened = structuredClone(vc) as unknown as JsonObject & {
        credentialSubject: { accreditation: { limitEqfLevel: number[] } };
      };
      widened.credentialSubject.accreditation.limitEqfLevel = [1, 2, 3, 4, 5, 6, 7, 8];
      expect((await verifyWithReference(app, widened)).verified).toBe(false);
      expect(vc.issuer.id).toBe(accreditor.did);
      const subject = vc.credentialSubject as {
        id: string;
        achievement: { achievementType: string };
        accreditation: Record<string, unknown>;
      };
      expect(subject.achievement.achievementType).toBe('QualityAssuranceCredential');
      expect(subject.id).toMatch(/\/achievements\//);
      expect(subject.accreditation).toMatchObject({
        accreditationStatus: 'accredited',
        limitEqfLevel: [4, 5],
        report: 'https://example.org/reports/northwind',
        accreditingAgent: accreditor.did,
        verificationCode: first.verificationCode,
      });

      const verified = await app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: vc },
      });
      expect(verified.statusCode).toBe(200);
      expect(verified.json<{ verified: boolean }>().verified).toBe(true);

      // Tampering with a covered fact breaks the signature.
      const forged = structuredClone(vc);
      (forged.credentialSubject as { accreditation: Record<string, unknown> }).accreditation.limitEqfLevel = [4, 5, 6];
      const forgedRes = await app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: forged },
      });
      expect(forgedRes.json<{ verified: boolean }>().verified).toBe(false);

      const mails = await listMailsTo(ctx.deps.db, providerOwner.email);
      expect(mails.some((m) => m.subject.includes('decided your application: accredited'))).toBe(true);
    });

    it('deciding again with the same decision changes nothing; another decision is a conflict', async () => {
      const again = await onApplication<Application>(accreditorOwner, accreditor, 'POST', '/decision', {
        decision: 'accredited',
        reasons: 'All criteria met.',
      });
      expect(again.status).toBe(200);
      expect(again.body.accreditations.map((a) => a.credentialId)).toEqual(
        application.accreditations.map((a) => a.credentialId),
      );
      const other = await onApplication(accreditorOwner, accreditor, 'POST', '/decision', {
        decision: 'refused',
        reasons: 'Changed our mind.',
      });
      expect(other.status).toBe(409);
    });

    it('the public register lists it, searchable; in-force accreditations answer for the programme', async () => {
      const { app } = ctx;
      const register = await callAs<{
        items: {
          subject: { type: string; name: string };
          status: string;
          credentialId: string;
          verificationCode: string;
        }[];
      }>(app, null, 'GET', `/api/v1/registers/${accreditor.slug}`);
      expect(register.status).toBe(200);
      expect(register.body.items.map((i) => [i.subject.type, i.subject.name, i.status]).sort()).toEqual([
        ['programme', 'Digital Collaboration', 'accredited'],
        ['programme', 'Spreadsheets at Work', 'accredited'],
      ]);
      const searched = await callAs<{ items: { subject: { name: string } }[] }>(
        app,
        null,
        'GET',
        `/api/v1/registers/${accreditor.slug}?q=spreadsheet`,
      );
      expect(searched.body.items.map((i) => i.subject.name)).toEqual(['Spreadsheets at Work']);
      const byCode = await callAs<{ items: unknown[] }>(
        app,
        null,
        'GET',
        `/api/v1/registers/${accreditor.slug}?q=${register.body.items[0]!.verificationCode}`,
      );
      expect(byCode.body.items).toHaveLength(1);
      expect((await callAs(app, null, 'GET', `/api/v1/registers/${provider.slug}`)).status).toBe(404);

      const inForce = await accreditationsFor(ctx.deps.db, {
        subjectOrgId: provider.id,
        microcredentialId: inScope.id,
        at: ctx.clock.now,
      });
      expect(inForce.map((a) => a.accreditorSlug)).toEqual([accreditor.slug]);
      const otherProgramme = await accreditationsFor(ctx.deps.db, {
        subjectOrgId: provider.id,
        microcredentialId: outOfScope.id,
        at: ctx.clock.now,
      });
      expect(otherProgramme).toEqual([]);
    });

    it('suspension and reinstatement follow the status list; withdrawal is final and mailed', async () => {
      const { app } = ctx;
      const target = application.accreditations.find((a) => a.subject.type === 'programme')!;
      const url = `/api/v1/orgs/${accreditor.slug}/accreditation/granted/${target.id}/status`;
      const byProvider = await callAs(
        app,
        providerOwner,
        'POST',
        `/api/v1/orgs/${provider.slug}/accreditation/granted/${target.id}/status`,
        { action: 'withdraw', reason: 'Nope.' },
      );
      expect(byProvider.status).toBe(403);

      ctx.clock.advance(DAY);
      const suspended = await callAs<{ status: string }>(app, accreditorOwner, 'POST', url, {
        action: 'suspend',
        reason: 'Complaint under review.',
      });
      expect(suspended.body.status).toBe('suspended');
      const vcSuspended = await app.inject({
        method: 'GET',
        url: `/credentials/${target.credentialId}`,
        headers: { accept: 'application/json' },
      });
      const check1 = await app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: vcSuspended.json() },
      });
      expect(check1.json<{ verified: boolean }>().verified).toBe(false);
      ctx.clock.advance(DAY);
      const reinstated = await callAs<{ status: string }>(app, accreditorOwner, 'POST', url, { action: 'reinstate' });
      expect(reinstated.body.status).toBe('accredited');

      ctx.clock.advance(DAY);
      const withdrawn = await callAs<{ status: string; withdrawnAt: string }>(app, accreditorOwner, 'POST', url, {
        action: 'withdraw',
        reason: 'Assessment no longer moderated.',
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      const again = await callAs<{ status: string }>(app, accreditorOwner, 'POST', url, {
        action: 'withdraw',
        reason: 'Twice.',
      });
      expect(again.body.status).toBe('withdrawn');
      const reinstate = await callAs(app, accreditorOwner, 'POST', url, { action: 'reinstate' });
      expect(reinstate.status).toBe(409);

      const register = await callAs<{
        items: { verificationCode: string; status: string; withdrawnAt: string | null }[];
      }>(app, null, 'GET', `/api/v1/registers/${accreditor.slug}`);
      expect(register.body.items.find((i) => i.verificationCode === target.verificationCode)).toMatchObject({
        status: 'withdrawn',
      });

      const mails = await listMailsTo(ctx.deps.db, providerOwner.email);
      expect(mails.some((m) => m.subject.includes('withdrew the accreditation'))).toBe(true);
      expect(mails.some((m) => m.subject.includes('suspended the accreditation'))).toBe(true);

      // In force while it was, not during the suspension, not after the withdrawal.
      const row = await ctx.deps.db
        .selectFrom('accreditations')
        .selectAll()
        .where('id', '=', target.id)
        .executeTakeFirstOrThrow();
      const at = (d: Date) =>
        accreditationsFor(ctx.deps.db, {
          subjectOrgId: provider.id,
          microcredentialId: row.subject_microcredential_id!,
          at: d,
        });
      expect(await at(new Date(row.valid_from.getTime() + 1000))).toHaveLength(1);
      expect(await at(new Date(ctx.clock.now.getTime() - DAY - DAY / 2))).toHaveLength(0);
      expect(await at(new Date(ctx.clock.now.getTime() - DAY / 2))).toHaveLength(1);
      expect(await at(ctx.clock.now)).toHaveLength(0);
    });

    it('reminds the provider 60 and 14 days before expiry, once each, and marks lapsed ones expired', async () => {
      // The programme whose accreditation was not withdrawn above.
      const live = application.accreditations[1]!;
      const row = await ctx.deps.db
        .selectFrom('accreditations')
        .selectAll()
        .where('id', '=', live.id)
        .executeTakeFirstOrThrow();
      const before = (await listMailsTo(ctx.deps.db, providerOwner.email)).filter((m) =>
        m.subject.includes('expires in'),
      ).length;
      ctx.clock.now = new Date(row.valid_until!.getTime() - 59 * DAY);
      expect((await sendRenewalReminders(ctx.deps)).reminded).toBe(1);
      expect((await sendRenewalReminders(ctx.deps)).reminded).toBe(0);
      ctx.clock.now = new Date(row.valid_until!.getTime() - 13 * DAY);
      expect((await sendRenewalReminders(ctx.deps)).reminded).toBe(1);
      expect((await sendRenewalReminders(ctx.deps)).reminded).toBe(0);
      const after = (await listMailsTo(ctx.deps.db, providerOwner.email)).filter((m) =>
        m.subject.includes('expires in'),
      );
      expect(after.length - before).toBe(2);
      ctx.clock.now = new Date(row.valid_until!.getTime() + DAY);
      expect((await sendRenewalReminders(ctx.deps)).lapsed).toBe(1);
      const lapsed = await ctx.deps.db
        .selectFrom('accreditations')
        .select('status')
        .where('id', '=', live.id)
        .executeTakeFirstOrThrow();
      expect(lapsed.status).toBe('expired');
    });
  });

  it('a renewal carries the history; accrediting a candidate supersedes (and revokes) the candidacy', async () => {
    const { app } = ctx;
    // Back from the reminders' years ahead, where every session has expired.
    ctx.clock.now = new Date();
    const owner = await signUpUser(app);
    const institute = await createOrg(app, owner, { roles: ['provider'] });
    const base = `/api/v1/orgs/${institute.slug}/accreditation/applications`;
    const decide = (id: string, decision: string) =>
      callAs<Application>(
        app,
        accreditorOwner,
        'POST',
        `/api/v1/orgs/${accreditor.slug}/accreditation/applications/${id}/decision`,
        {
          decision,
          reasons: 'Reviewed.',
        },
      );
    const first = await callAs<Application>(app, owner, 'POST', base, {
      schemeId,
      subjectType: 'organization',
      statement: 'The institute as a whole.',
    });
    const candidacy = await decide(first.body.id, 'candidate');
    expect(candidacy.status, JSON.stringify(candidacy.body)).toBe(200);
    expect(candidacy.body.accreditations.map((a) => a.status)).toEqual(['candidate']);
    const renewal = await callAs<Application & { renewsId: string; history: { id: string; decision: string }[] }>(
      app,
      owner,
      'POST',
      base,
      {
        schemeId,
        subjectType: 'organization',
        statement: 'Moderation is now in place.',
        renewsId: first.body.id,
      },
    );
    expect(renewal.status).toBe(201);
    expect(renewal.body.history).toEqual([expect.objectContaining({ id: first.body.id, decision: 'candidate' })]);
    const accredited = await decide(renewal.body.id, 'accredited');
    expect(accredited.body.accreditations.map((a) => a.status)).toEqual(['accredited']);
    const held = await callAs<{ items: { status: string; credentialId: string }[] }>(
      app,
      owner,
      'GET',
      `/api/v1/orgs/${institute.slug}/accreditation/held`,
    );
    expect(held.body.items.map((a) => a.status).sort()).toEqual(['accredited', 'expired']);
    const old = candidacy.body.accreditations[0]!;
    const row = await ctx.deps.db
      .selectFrom('credentials')
      .select('revoked_at')
      .where('id', '=', old.credentialId)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    // A renewal names a decided application of the same provider.
    const foreign = await callAs(
      app,
      outsider,
      'POST',
      `/api/v1/orgs/${otherProvider.slug}/accreditation/applications`,
      {
        schemeId,
        subjectType: 'organization',
        statement: 'Renewing somebody else’s.',
        renewsId: first.body.id,
      },
    );
    expect(foreign.status).toBe(422);
  });
});
