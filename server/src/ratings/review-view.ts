import type { ReviewRow } from './programme-reviews.store.js';

/** A review as the public sees it: no status, the author's display name only. */
export function presentPublicReview(r: ReviewRow) {
  return {
    id: r.id,
    rating: r.rating,
    title: r.title,
    body: r.body,
    authorName: r.authorName,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The author's own review, with where it stands in moderation. */
export function presentOwnReview(r: ReviewRow) {
  return { ...presentPublicReview(r), status: r.status };
}

/** Average rounded to two decimals; null when nobody has an approved review yet. */
export function presentSummary(row: { average: string; count: string } | undefined) {
  return row ? { average: Number(row.average), count: Number(row.count) } : { average: null, count: 0 };
}
