import { describe, expect, it } from 'vitest';
import { useDemoWorldApp } from '../testing/test-app.js';

const t = useDemoWorldApp();
// Verifying every accreditation credential is slow on a busy 2-core machine.
const SLOW = 300_000;

describe('the demo world’s accreditation', () => {
  it(
    'Meridian has accredited two Northwind programmes and holds Summit in candidacy, each with a credential that verifies',
    async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/registers/meridian-accreditation' });
      expect(res.statusCode).toBe(200);
      const items = res.json<{
        items: {
          subject: { type: string; name: string; providerSlug: string };
          scheme: string;
          status: string;
          credentialId: string;
        }[];
      }>().items;
      expect(items.map((i) => [i.subject.providerSlug, i.subject.type, i.status]).sort()).toEqual([
        ['northwind-academy', 'programme', 'accredited'],
        ['northwind-academy', 'programme', 'accredited'],
        ['summit-skills-institute', 'organization', 'candidate'],
      ]);
      expect(new Set(items.map((i) => i.scheme))).toEqual(new Set(['Workplace Digital Skills']));
      for (const item of items) {
        const vc = await t.app.inject({
          method: 'GET',
          url: `/credentials/${item.credentialId}`,
          headers: { accept: 'application/json' },
        });
        const verified = await t.app.inject({
          method: 'POST',
          url: '/credentials/verify',
          payload: { verifiableCredential: vc.json() },
        });
        expect(verified.json<{ verified: boolean }>().verified, item.subject.name).toBe(true);
      }
    },
    SLOW,
  );

  it(
    'the catalogue’s “Accredited by Meridian” finds the two accredited programmes, each in the scheme’s field',
    async () => {
      // The accrediting body's decisions reach the catalogue through a job (accreditation.changed).
      await t.jobs.drain();
      const found = (
        await t.app.inject({ method: 'GET', url: '/api/v1/catalog?accreditedBy=meridian-accreditation' })
      ).json<{
        items: { slug: string; provider: { slug: string }; fieldOfStudy: string | null }[];
        facets: { accreditedBy: { value: string; count: number }[] };
      }>();
      expect(found.items.map((i) => `${i.provider.slug}/${i.slug}`).sort()).toEqual([
        'northwind-academy/dashboard-design',
        'northwind-academy/sql-for-analysts',
      ]);
      expect(found.facets.accreditedBy).toEqual([
        expect.objectContaining({ value: 'meridian-accreditation', count: 2 }),
      ]);
      const scheme = (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/accreditation/meridian-accreditation/schemes/workplace-digital-skills',
        })
      ).json<{ scope: { fields: string[] } }>();
      expect(scheme.scope.fields).toEqual(['Information and Communication Technologies']);
      for (const item of found.items) expect(scheme.scope.fields).toContain(item.fieldOfStudy);
    },
    SLOW,
  );
});
