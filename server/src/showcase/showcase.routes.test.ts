import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createOrg, signUpUser, useTestApp, type TestUser } from '../testing/test-app.js';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { decodeQrCodesInPdf, issueTo } from './showcase-test-helpers.js';

// A stand-in for the built web app, so page requests get index.html (with preview tags).
const webDistDir = mkdtempSync(path.join(tmpdir(), 'cairn-web-'));
writeFileSync(
  path.join(webDistDir, 'index.html'),
  '<!doctype html><html><head><meta name="description" content="Cairn" /><title>Cairn</title></head><body></body></html>',
);
const t = useTestApp({ webDistDir });
let owner: TestUser;
let learner: TestUser;
let stranger: TestUser;
let org: { slug: string; did: string };
let apiToken: string;
let credentialId: string;

beforeAll(async () => {
  owner = await signUpUser(t.app, { name: 'Olu Owner' });
  learner = await signUpUser(t.app, { name: 'Lena Park' });
  stranger = await signUpUser(t.app, { name: 'Sam Stranger' });
  org = await createOrg(t.app, owner, { name: 'Northwind Academy', roles: ['provider'] });
  apiToken = (await createApiKey(t.app, owner, org.slug)).token;
  credentialId = await issueTo(t.app, apiToken, learner.email, { name: 'Data & Charts #1 — Ünïcode' });
});

const get = (url: string, who?: TestUser) =>
  t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

describe('organisation showcase settings', () => {
  it('owners save the LinkedIn page id, colour and signatory; the issuer Profile publishes the page id', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${org.slug}/showcase-settings`,
      headers: { cookie: owner.cookie },
      payload: {
        logoFileId: null,
        linkedInOrganizationId: '1234567',
        certificateColour: '#AA3300',
        signatoryName: 'Dr Ada Byron',
        signatoryTitle: 'Director of Studies',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ linkedInOrganizationId: '1234567', certificateColour: '#aa3300' });
    const profile = (await get(`/orgs/${org.slug}/profile`)).json<Record<string, unknown>>();
    expect(profile.otherIdentifier).toEqual([
      { type: 'IdentifierEntry', identifier: '1234567', identifierType: 'ext:LinkedIn:organizationId' },
    ]);
  });

  it('refuses a LinkedIn id that is not a number, outsiders (404) and a logo of another organisation', async () => {
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${org.slug}/showcase-settings`,
      headers: { cookie: owner.cookie },
      payload: {
        logoFileId: null,
        linkedInOrganizationId: 'acme',
        certificateColour: null,
        signatoryName: null,
        signatoryTitle: null,
      },
    });
    expect(bad.statusCode).toBe(400);
    const outsider = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${org.slug}/showcase-settings`,
      headers: { cookie: stranger.cookie },
      payload: {
        logoFileId: null,
        linkedInOrganizationId: null,
        certificateColour: null,
        signatoryName: null,
        signatoryTitle: null,
      },
    });
    expect(outsider.statusCode).toBe(404);
    const foreignLogo = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${org.slug}/showcase-settings`,
      headers: { cookie: owner.cookie },
      payload: {
        logoFileId: '00000000-0000-4000-8000-000000000000',
        linkedInOrganizationId: null,
        certificateColour: null,
        signatoryName: null,
        signatoryTitle: null,
      },
    });
    expect(foreignLogo.statusCode).toBe(400);
    // Nothing was half-written: the earlier settings stand.
    expect((await get(`/api/v1/orgs/${org.slug}/showcase-settings`, owner)).json()).toMatchObject({
      linkedInOrganizationId: '1234567',
    });
  });
});

describe('whose credential it is', () => {
  it('names the holder to the holder, and to others only once they consent', async () => {
    const anonymous = (await get(`/api/v1/credentials/${credentialId}/showcase`)).json();
    expect(anonymous).toMatchObject({ issuedTo: null, isHolder: false, renderMethod: [] });
    expect(anonymous.issuer.linkedInOrganizationId).toBe('1234567');
    const holder = (await get(`/api/v1/credentials/${credentialId}/showcase`, learner)).json();
    expect(holder).toMatchObject({ issuedTo: 'Lena Park', isHolder: true });
    expect(holder.renderMethod[0]).toMatchObject({ mediaType: 'application/pdf' });

    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: { cookie: learner.cookie },
      payload: { handle: 'lena-park', isPublic: false, isNameShown: true, headline: 'Analyst', credentialIds: [] },
    });
    expect(saved.statusCode).toBe(200);
    expect((await get(`/api/v1/credentials/${credentialId}/showcase`)).json().issuedTo).toBe('Lena Park');
  });
});

describe('PDF certificate', () => {
  it('is 404 to others until the holder shares it; its QR code decodes to the verification page', async () => {
    expect((await get(`/api/v1/credentials/${credentialId}/certificate.pdf`)).statusCode).toBe(404);
    expect((await get(`/api/v1/credentials/${credentialId}/certificate.pdf`, stranger)).statusCode).toBe(404);

    for (const size of ['a4', 'letter'] as const) {
      const res = await get(`/api/v1/credentials/${credentialId}/certificate.pdf?size=${size}`, learner);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await decodeQrCodesInPdf(res.rawPayload)).toEqual([`http://cairn.test/credentials/${credentialId}`]);
    }
    expect((await get(`/api/v1/credentials/${credentialId}/certificate.pdf?size=folio`, learner)).statusCode).toBe(400);
  });

  it('opens to anyone once the credential is on a public profile', async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: { cookie: learner.cookie },
      payload: {
        handle: 'lena-park',
        isPublic: true,
        isNameShown: true,
        headline: 'Analyst',
        credentialIds: [credentialId],
      },
    });
    const res = await get(`/api/v1/credentials/${credentialId}/certificate.pdf`);
    expect(res.statusCode).toBe(200);
    expect((await get(`/api/v1/credentials/${credentialId}/showcase`)).json().renderMethod).toHaveLength(2);
  });
});

describe('certificate stamp', () => {
  /** Whether the page draws with transparency: only the stamp does. */
  async function isStamped(pdf: Buffer) {
    const doc = await PDFDocument.load(pdf);
    const states = doc.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
    return (states?.keys().length ?? 0) > 0;
  }

  it('a credential in force is not stamped; once revoked its certificate is', async () => {
    const id = await issueTo(t.app, apiToken, learner.email, { name: 'Revocable' });
    const before = await get(`/api/v1/credentials/${id}/certificate.pdf`, learner);
    expect(await isStamped(before.rawPayload)).toBe(false);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/credentials/${id}/revoke`,
      headers: { cookie: owner.cookie },
      payload: { reason: 'Issued in error' },
    });
    expect(revoked.statusCode).toBe(200);
    const after = await get(`/api/v1/credentials/${id}/certificate.pdf`, learner);
    expect(after.statusCode).toBe(200);
    expect(await isStamped(after.rawPayload)).toBe(true);
    // Still the verification page in the QR code, so a reader of the paper finds out it is revoked.
    expect(await decodeQrCodesInPdf(after.rawPayload)).toEqual([`http://cairn.test/credentials/${id}`]);
  });
});

describe('public profile and share links', () => {
  it('a private profile is 404 to everyone but its owner; a profile link opens it and counts the view', async () => {
    const other = await signUpUser(t.app, { name: 'Priya Private' });
    const held = await issueTo(t.app, apiToken, other.email, { name: 'Spreadsheets', skills: ['Modelling'] });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: { cookie: other.cookie },
      payload: { handle: 'priya', isPublic: false, isNameShown: false, headline: '', credentialIds: [held] },
    });
    expect(put.statusCode).toBe(200);
    expect((await get('/api/v1/profiles/priya')).statusCode).toBe(404);
    expect((await get('/api/v1/profiles/priya', learner)).statusCode).toBe(404);
    expect((await get('/api/v1/profiles/priya', other)).statusCode).toBe(200);

    const link = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/share-links',
      headers: { cookie: other.cookie },
      payload: { credentialId: null, expiresAt: new Date(t.clock.now.getTime() + 86_400_000).toISOString() },
    });
    expect(link.statusCode).toBe(201);
    const token = new URL(link.json<{ url: string }>().url).pathname.split('/').pop()!;
    const opened = await t.app.inject({ method: 'POST', url: `/api/v1/share-links/${token}/open`, payload: {} });
    expect(opened.json()).toEqual({ kind: 'profile', handle: 'priya', credentialId: null });
    const viaLink = await get(`/api/v1/profiles/priya?share=${token}`);
    expect(viaLink.statusCode).toBe(200);
    expect(viaLink.json().credentials.map((c: { id: string }) => c.id)).toEqual([held]);
    const links = (await get('/api/v1/me/share-links', other)).json().items;
    expect(links[0]).toMatchObject({ viewCount: 1, isLive: true });

    // Expired: the link and the profile through it are gone.
    t.clock.advance(2 * 86_400_000);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/share-links/${token}/open`, payload: {} })).statusCode,
    ).toBe(404);
    expect((await get(`/api/v1/profiles/priya?share=${token}`)).statusCode).toBe(404);
    t.clock.advance(-2 * 86_400_000);
  });

  it('a link to one credential opens its certificate to anyone, and no other credential of the holder', async () => {
    const holder = await signUpUser(t.app, { name: 'Kai Link' });
    const shared = await issueTo(t.app, apiToken, holder.email, { name: 'Shared one' });
    const other = await issueTo(t.app, apiToken, holder.email, { name: 'Not shared' });
    expect((await get(`/api/v1/credentials/${shared}/certificate.pdf`)).statusCode).toBe(404);
    const link = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/share-links',
      headers: { cookie: holder.cookie },
      payload: { credentialId: shared },
    });
    expect(link.statusCode).toBe(201);
    expect((await get(`/api/v1/credentials/${shared}/certificate.pdf`)).statusCode).toBe(200);
    expect((await get(`/api/v1/credentials/${other}/certificate.pdf`)).statusCode).toBe(404);
    // Someone else's credential cannot be shared.
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/share-links',
      headers: { cookie: stranger.cookie },
      payload: { credentialId: other },
    });
    expect(foreign.statusCode).toBe(404);
    // Withdrawn: closed again.
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/share-links/${link.json<{ id: string }>().id}`,
      headers: { cookie: holder.cookie },
    });
    expect((await get(`/api/v1/credentials/${shared}/certificate.pdf`)).statusCode).toBe(404);
  });

  it('a public profile lists the chosen credentials with status and the skills they evidence', async () => {
    const res = await get('/api/v1/profiles/Lena-Park');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Lena Park', headline: 'Analyst', isOwner: false });
    expect(body.credentials).toHaveLength(1);
    expect(body.credentials[0]).toMatchObject({ id: credentialId, status: 'active', issuerName: 'Northwind Academy' });
    expect(body.skills).toEqual([
      { name: 'Data analysis', url: expect.any(String), evidence: ['Data & Charts #1 — Ünïcode'] },
    ]);
  });

  it('refuses a credential that is not yours and a handle someone else has', async () => {
    const mine = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: { cookie: stranger.cookie },
      payload: { handle: 'sam', isPublic: true, isNameShown: false, headline: '', credentialIds: [credentialId] },
    });
    expect(mine.statusCode).toBe(400);
    const taken = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: { cookie: stranger.cookie },
      payload: { handle: 'lena-park', isPublic: true, isNameShown: false, headline: '', credentialIds: [] },
    });
    expect(taken.statusCode).toBe(409);
    expect((await get('/api/v1/profiles/sam')).statusCode).toBe(404);
  });
});

describe('CV export', () => {
  it('GET /api/v1/me/resume.json validates against the JSON Resume schema', async () => {
    const second = await issueTo(t.app, apiToken, learner.email, {
      name: 'Dashboards',
      skills: ['Data analysis', 'Visualisation'],
    });
    const res = await get('/api/v1/me/resume.json', learner);
    expect(res.statusCode).toBe(200);
    const resume = res.json();
    // The project's JSON-schema validator: ajv 8, as the credentials library uses it.
    const require = createRequire(new URL('../../../credentials/package.json', import.meta.url));
    const Ajv = (
      require('ajv') as {
        default: new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown } };
      }
    ).default;
    const addFormats = (require('ajv-formats') as { default: (a: unknown) => void }).default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(createRequire(import.meta.url)('./fixtures/json-resume.schema.json') as object);
    expect(validate(resume), JSON.stringify(validate.errors)).toBe(true);
    expect(resume.basics.name).toBe('Lena Park');
    expect(resume.certificates.map((c: { url: string }) => c.url).sort()).toEqual(
      [`http://cairn.test/credentials/${credentialId}`, `http://cairn.test/credentials/${second}`].sort(),
    );
    expect(resume.skills[0].name).toBe('Data analysis');
    expect(resume.skills[0].keywords.sort()).toEqual(['Dashboards', 'Data & Charts #1 — Ünïcode']);
    expect(resume.skills[1]).toEqual({ name: 'Visualisation', keywords: ['Dashboards'] });

    const picked = (await get(`/api/v1/me/resume.json?include=${second}`, learner)).json();
    expect(picked.certificates).toHaveLength(1);
    const pdf = await get(`/api/v1/me/resume.pdf?include=${second}`, learner);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get('/api/v1/me/resume.json')).statusCode).toBe(401);
  });
});

describe('link previews', () => {
  const page = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  it('a public profile and a credential page carry Open Graph tags; a private profile does not', async () => {
    const profile = await page('/p/lena-park');
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('<meta property="og:title" content="Lena Park — verified credentials" />');
    expect(profile.body).toContain(
      `<meta property="og:image" content="http://cairn.test/credentials/${credentialId}/badge.png" />`,
    );
    expect(profile.body).toContain('<title>Lena Park — verified credentials</title>');

    const credential = await page(`/credentials/${credentialId}`);
    expect(credential.body).toContain(
      '<meta property="og:title" content="Data &amp; Charts #1 — Ünïcode — Northwind Academy" />',
    );
    expect(credential.body).toContain(
      `<meta property="og:url" content="http://cairn.test/credentials/${credentialId}" />`,
    );

    const hidden = await page('/p/priya');
    expect(hidden.statusCode).toBe(200);
    expect(hidden.body).not.toContain('og:title');
    expect(hidden.body).not.toContain('Priya');
  });
});
