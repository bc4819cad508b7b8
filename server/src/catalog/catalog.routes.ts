import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { iso, problemResponses } from '../http/schemas.js';
import { catalogIdsQuery, catalogItem, catalogQuery, catalogResponse, programmeResponse } from './catalog.schemas.js';
import { findCatalogEntries, getProgramme, searchCatalog } from './catalog.service.js';
import { mcSlug } from './microcredentials.schemas.js';

/** The public catalogue: search with facets, and programme pages. */
export const catalogRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Catalogue'];

  app.get('/api/v1/catalog', {
    schema: {
      tags,
      summary: 'Search published micro-credentials (latest published version of each)',
      description:
        'Full-text search over title, summary, description, outcomes and skill names (typos in titles forgiven). Repeatable filters (skill, provider, partner, level, format, language) match any of their values; different filters all apply. Each facet is counted with every filter except its own.',
      security: [],
      querystring: catalogQuery,
      response: { 200: catalogResponse, ...problemResponses },
    },
    handler: async (request) => {
      const q = request.query;
      const result = await searchCatalog(deps, {
        ...(q.q ? { q: q.q } : {}),
        skills: q.skill,
        providers: q.provider,
        partners: q.partner,
        accreditedBy: q.accreditedBy,
        endorsedBy: q.endorsedBy,
        levels: q.level,
        formats: q.format,
        languages: q.language,
        ...(q.minCost !== undefined ? { minCost: q.minCost } : {}),
        ...(q.maxCost !== undefined ? { maxCost: q.maxCost } : {}),
        ...(q.currency !== undefined ? { costCurrency: q.currency } : {}),
        ...(q.maxHours !== undefined ? { maxHours: q.maxHours } : {}),
        ...(q.minCpd !== undefined ? { minCpd: q.minCpd } : {}),
        ...(q.maxWeeks !== undefined ? { maxWeeks: q.maxWeeks } : {}),
        ...(q.free !== undefined ? { isFree: q.free } : {}),
        sort: q.sort === 'relevance' && !q.q ? 'newest' : q.sort,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { ...result, items: result.items.map((i) => ({ ...i, publishedAt: iso(i.publishedAt) })) };
    },
  });

  app.get('/api/v1/catalog/programmes', {
    schema: {
      tags,
      summary: 'Published micro-credentials by id (the catalogue entries; unpublished ids are left out)',
      description:
        'For editors that hold micro-credential ids, such as a pathway requirement tree, and need their titles and providers.',
      security: [],
      querystring: catalogIdsQuery,
      response: { 200: z.object({ items: z.array(catalogItem) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: (await findCatalogEntries(deps, request.query.id)).map((i) => ({ ...i, publishedAt: iso(i.publishedAt) })),
    }),
  });

  app.get('/api/v1/catalog/:providerSlug/:slug', {
    schema: {
      tags,
      summary: 'A programme page: everything a learner weighs before enrolling, and the badge they would earn',
      security: [],
      params: z.object({ providerSlug: z.string().min(1).max(40), slug: mcSlug }),
      response: { 200: programmeResponse, ...problemResponses },
    },
    handler: async (request) => {
      const p = await getProgramme(deps, request.params.providerSlug, request.params.slug);
      return {
        ...p,
        publishedAt: iso(p.publishedAt),
        accreditations: p.accreditations.map((a) => ({ ...a, validUntil: a.validUntil ? iso(a.validUntil) : null })),
      };
    },
  });
};
