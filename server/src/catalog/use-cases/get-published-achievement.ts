import type { Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import * as store from '../microcredentials.store.js';

/** The frozen Achievement of a published version, public. Drafts are not found. */
export async function getPublishedAchievement(deps: Deps, versionId: string) {
  const v = await store.findVersionById(deps.db, versionId);
  if (!v || v.status !== 'published' || !v.achievement)
    throw new AppError('not_found', 'No published achievement with this id.');
  return v.achievement as Record<string, unknown>;
}
