import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { problemResponses, slug, uuid } from '../http/schemas.js';
import { mcSlug } from '../catalog/microcredentials.schemas.js';
import {
  catalogIdsQuery,
  moderationItem,
  moderationQuery,
  ownReview,
  programmeReviewsResponse,
  ratingSummary,
  reportInput,
  reviewInput,
} from './ratings.schemas.js';
import { listReviewsToModerate, moderateReview, reportReview } from './use-cases/moderate-reviews.js';
import { readProgrammeReviews, readRatingSummaries } from './use-cases/read-reviews.js';
import { writeReview } from './use-cases/write-review.js';

/** Ratings and reviews of programmes: written by credential holders, moderated by the provider. */
export const ratingsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['Ratings'];
  const programmeParams = z.object({ providerSlug: z.string().min(1).max(40), slug: mcSlug });

  app.get('/api/v1/catalog/:providerSlug/:slug/reviews', {
    schema: {
      tags,
      summary: 'A programme’s approved reviews and average rating; signed in, also your own review',
      security: [],
      params: programmeParams,
      response: { 200: programmeReviewsResponse, ...problemResponses },
    },
    handler: async (request) =>
      readProgrammeReviews(deps, request.actor, request.params.providerSlug, request.params.slug),
  });

  app.put('/api/v1/catalog/:providerSlug/:slug/reviews/mine', {
    schema: {
      tags,
      summary: 'Write or edit my review (credential holders only; shown after the provider approves it)',
      params: programmeParams,
      body: reviewInput,
      response: { 200: ownReview, ...problemResponses },
    },
    handler: async (request) => writeReview(deps, request.actor, { ...request.params, ...request.body }),
  });

  app.get('/api/v1/ratings', {
    schema: {
      tags,
      summary: 'Average rating and review count of programmes by micro-credential id',
      security: [],
      querystring: catalogIdsQuery,
      response: {
        200: z.object({ items: z.array(ratingSummary.extend({ microcredentialId: z.string() })) }),
        ...problemResponses,
      },
    },
    handler: async (request) => ({ items: await readRatingSummaries(deps, request.query.id) }),
  });

  app.post('/api/v1/reviews/:id/report', {
    schema: {
      tags,
      summary: 'Report a review: it is hidden until the provider looks at it again',
      params: z.object({ id: uuid }),
      body: reportInput,
      response: { 200: z.object({ status: z.literal('reported') }), ...problemResponses },
    },
    handler: async (request) => reportReview(deps, request.actor, request.params.id, request.body.reason),
  });

  app.get('/api/v1/orgs/:slug/programme-reviews', {
    schema: {
      tags,
      summary: 'Reviews of our programmes to moderate (default: pending and reported)',
      params: z.object({ slug }),
      querystring: moderationQuery,
      response: { 200: z.object({ items: z.array(moderationItem) }), ...problemResponses },
    },
    handler: async (request) => ({
      items: await listReviewsToModerate(deps, request.actor, request.params.slug, request.query.status),
    }),
  });

  app.post('/api/v1/orgs/:slug/programme-reviews/:id/moderate', {
    schema: {
      tags,
      summary: 'Approve (publish) or hide a review of one of our programmes',
      params: z.object({ slug, id: uuid }),
      body: z.strictObject({ decision: z.enum(['approve', 'hide']) }),
      response: { 200: ownReview, ...problemResponses },
    },
    handler: async (request) =>
      moderateReview(deps, request.actor, request.params.slug, request.params.id, request.body.decision),
  });
};
