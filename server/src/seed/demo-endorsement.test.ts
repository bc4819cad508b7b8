import { describe, expect, it } from 'vitest';
import { issueBadgeOverApi } from '../testing/credential-requests.js';
import { DEMO_TEST_PASSWORD } from '../testing/demo-world-template.js';
import { createApiKey, sessionCookieOf, useDemoWorldApp } from '../testing/test-app.js';

const t = useDemoWorldApp();
// Signing and verifying credentials is slow on a busy 2-core machine.
const SLOW = 300_000;

describe('the demo world’s industry partner', () => {
  it(
    'Atlas Industry Alliance endorses three programmes in force; a fourth endorsement is withdrawn',
    async () => {
      const found = (
        await t.app.inject({ method: 'GET', url: '/api/v1/catalog?endorsedBy=atlas-industry-alliance' })
      ).json<{
        items: { slug: string }[];
        facets: { endorsedBy: { value: string; label: string; count: number }[] };
      }>();
      expect(found.items.map((i) => i.slug).sort()).toEqual([
        'dashboard-design',
        'sql-for-analysts',
        'warehouse-operations',
      ]);
      expect(found.facets.endorsedBy).toContainEqual({
        value: 'atlas-industry-alliance',
        label: 'Atlas Industry Alliance',
        count: 3,
      });
      const page = (await t.app.inject({ method: 'GET', url: '/api/v1/partners/atlas-industry-alliance' })).json<{
        endorsements: unknown[];
      }>();
      expect(page.endorsements).toHaveLength(3);
      const rows = await t.database.db.selectFrom('endorsements').select(['withdrawn_at']).execute();
      expect(rows).toHaveLength(4);
      expect(rows.filter((r) => r.withdrawn_at !== null)).toHaveLength(1);
      const invitations = await t.database.db.selectFrom('co_development_invitations').select('status').execute();
      expect(invitations.map((i) => i.status)).toEqual(['approved', 'approved', 'approved', 'approved']);
      const programme = (
        await t.app.inject({ method: 'GET', url: '/api/v1/catalog/northwind-academy/sql-for-analysts' })
      ).json<{
        achievement: { endorsement?: unknown[] };
      }>();
      expect(programme.achievement.endorsement).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'a Northwind credential for SQL for Analysts reports Meridian’s accreditation and Atlas’s endorsement, each in force',
    async () => {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'provider@demo.cairn.test', password: DEMO_TEST_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const owner = {
        id: '',
        email: 'provider@demo.cairn.test',
        name: 'Priya',
        cookie: sessionCookieOf(login.headers['set-cookie']),
      };
      const { token } = await createApiKey(t.app, owner, 'northwind-academy', 'author');
      const programme = (
        await t.app.inject({ method: 'GET', url: '/api/v1/catalog/northwind-academy/sql-for-analysts' })
      ).json<{
        achievement: Record<string, unknown>;
        accreditations: { accreditor: { slug: string } }[];
      }>();
      expect(programme.accreditations.map((a) => a.accreditor.slug)).toContain('meridian-accreditation');
      // The accrediting body's decisions reach the catalogue through a job (accreditation.changed).
      await t.jobs.drain();
      const accredited = (
        await t.app.inject({ method: 'GET', url: '/api/v1/catalog?accreditedBy=meridian-accreditation' })
      ).json<{ items: { slug: string }[]; facets: { accreditedBy: { value: string; count: number }[] } }>();
      expect(accredited.items.map((i) => i.slug)).toContain('sql-for-analysts');
      expect(accredited.facets.accreditedBy.map((f) => f.value)).toEqual(['meridian-accreditation']);
      const issued = await issueBadgeOverApi(t.app, token, {
        credentialSubject: {
          type: ['AchievementSubject'],
          id: 'did:example:someone',
          achievement: programme.achievement,
        },
      });
      expect(issued.statusCode, issued.body).toBe(201);
      const report = (
        await t.app.inject({
          method: 'POST',
          url: '/credentials/verify',
          payload: { verifiableCredential: issued.json<{ verifiableCredential: unknown }>().verifiableCredential },
        })
      ).json<{
        verified: boolean;
        accreditations: { by: string; atIssue: boolean; now: boolean; problems: string[] }[];
        endorsements: { by: string; atIssue: boolean; now: boolean }[];
      }>();
      expect(report.verified).toBe(true);
      expect(report.accreditations).toContainEqual(
        expect.objectContaining({ by: 'Meridian Accreditation Council', atIssue: true, now: true, problems: [] }),
      );
      expect(report.endorsements).toEqual([
        expect.objectContaining({ by: 'Atlas Industry Alliance', atIssue: true, now: true }),
      ]);
    },
    SLOW,
  );
});
