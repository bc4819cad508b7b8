import type { MyPathway } from './pathways-types';

/**
 * How often a page asks again while a pathway award is being issued. The award follows the
 * completion in a background job (usually well under a second), so the learner sees it within
 * about this long without reloading.
 */
export const AWARD_POLL_MS = 1500;

/** Whether any of these pathways is satisfied and waiting for its award. */
export function isAnyAwardPending(pathways: readonly Pick<MyPathway, 'isAwardPending'>[] | undefined): boolean {
  return Array.isArray(pathways) && pathways.some((p) => p.isAwardPending);
}

/**
 * A react-query `refetchInterval`: poll while `isPending(data)`, stop once it is not (the award
 * arrived) or when there is no data (an error is shown instead).
 */
export function pollWhileAwardPending<T>(isPending: (data: T) => boolean) {
  return (query: { state: { data?: T | undefined } }): number | false => {
    const data = query.state.data;
    return data !== undefined && isPending(data) ? AWARD_POLL_MS : false;
  };
}
