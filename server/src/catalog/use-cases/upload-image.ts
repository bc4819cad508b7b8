import { createHash } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import { normaliseImage } from '../images.js';
import { userIdOf, authorAccess } from '../microcredential-access.js';
import { imageUrlOf } from '../microcredential-view.js';
import * as store from '../microcredentials.store.js';

/** Stores an uploaded programme image after checking and normalising it. */
export async function uploadImage(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  file: { bytes: Buffer; mimetype: string; filename: string },
) {
  const access = await authorAccess(deps, actor, orgSlug);
  const image = await normaliseImage(file);
  const row = await store.insertMediaFile(deps.db, {
    orgId: access.org.id,
    mediaType: image.mediaType,
    bytes: image.bytes,
    width: image.width,
    height: image.height,
    sha256: createHash('sha256').update(image.bytes).digest('hex'),
    originalName: file.filename ? file.filename.slice(0, 200) : null,
    createdBy: userIdOf(access),
  });
  return {
    id: row.id,
    url: imageUrlOf(deps.publicUrl, row.id)!,
    mediaType: row.media_type,
    width: row.width,
    height: row.height,
    byteSize: row.byte_size,
  };
}
