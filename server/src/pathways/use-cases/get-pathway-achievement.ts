import type { JsonObject } from '@cairn/credentials';
import type { Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { findVersion } from '../stores/pathway.store.js';

/** The frozen Achievement of a published pathway version, at its id URL. */
export async function getPathwayAchievement(deps: Deps, versionId: string) {
  const version = await findVersion(deps.db, versionId);
  if (!version || version.status !== 'published')
    throw new AppError('not_found', 'No published pathway version with this id.');
  return version.achievement as JsonObject;
}
