import { z } from 'zod';
import { credentialText, timestamp, uuid } from '../http/schemas.js';
import { catalogIdsQuery } from '../catalog/catalog.schemas.js';

export { catalogIdsQuery };

const reviewStatus = z.enum(['pending', 'approved', 'hidden', 'reported']);

export const reviewInput = z.strictObject({
  rating: z.number().int().min(1, 'Give 1 to 5 stars').max(5, 'Give 1 to 5 stars'),
  title: credentialText({ max: 120 }).min(3, 'Give your review a short title'),
  body: credentialText({ max: 4000, isMultiline: true }).min(20, 'Write at least a sentence or two (20 characters)'),
});

export const ratingSummary = z
  .object({ average: z.number().nullable(), count: z.number().int() })
  .meta({ id: 'RatingSummary' });

export const publicReview = z
  .object({
    id: uuid,
    rating: z.number().int(),
    title: z.string(),
    body: z.string().meta({ description: 'Markdown; render it with raw HTML dropped' }),
    authorName: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'ProgrammeReview' });

export const ownReview = publicReview.extend({ status: reviewStatus }).meta({ id: 'OwnProgrammeReview' });

export const programmeReviewsResponse = z.object({
  summary: ratingSummary,
  items: z.array(publicReview),
  mine: ownReview.nullable(),
  canReview: z.boolean(),
});

export const moderationItem = ownReview
  .extend({ programme: z.object({ title: z.string(), slug: z.string() }), openReports: z.number().int() })
  .meta({ id: 'ReviewToModerate' });

export const moderationQuery = z.object({ status: z.enum(['waiting', ...reviewStatus.options]).default('waiting') });

export const reportInput = z.strictObject({ reason: z.string().trim().min(3, 'Say briefly what is wrong').max(500) });
