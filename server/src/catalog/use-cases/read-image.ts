import type { Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import * as store from '../microcredentials.store.js';

/** An uploaded image, public (programme images appear in the catalogue and in Achievements). */
export async function readImage(deps: Deps, id: string) {
  const file = await store.findMediaFile(deps.db, id);
  if (!file) throw new AppError('not_found', 'No image with this id.');
  return { mediaType: file.media_type, bytes: Buffer.from(file.bytes), etag: `"${file.sha256}"` };
}
