import type { Actor, Deps } from '../../deps.js';
import { declaredImageType, normaliseImage } from '../../catalog/images.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/org-access.js';
import * as store from '../profiles.store.js';
import { getMyProfile } from './manage-my-profile.js';
import { visibleProfile } from './get-public-profile.js';

const noProfile = () =>
  new AppError('conflict', 'Save your profile (choose a handle) before adding a photo.', {
    fields: [{ field: 'file', message: 'Save your profile first.' }],
  });

/**
 * Sets the profile photo: a PNG or JPEG, checked and normalised by the image pipeline (content
 * must match the declared type, metadata stripped, scaled to fit 1024 px). The profile must exist.
 */
export async function setMyProfilePhoto(
  deps: Deps,
  actor: Actor,
  file: { bytes: Buffer; mimetype: string; filename: string },
) {
  const user = requireUser(actor);
  const declared = declaredImageType(file.mimetype, file.filename);
  if (declared !== 'image/png' && declared !== 'image/jpeg')
    throw new AppError(
      'unsupported_media_type',
      `"${file.mimetype || file.filename}" is not accepted: a profile photo is a PNG or JPEG image.`,
    );
  if (!(await store.findProfileOfUser(deps.db, user.userId))) throw noProfile();
  const image = await normaliseImage(file);
  // normaliseImage keeps PNG and JPEG as they are; SVG was refused above.
  if (image.mediaType === 'image/svg+xml') throw new AppError('unsupported_media_type', 'Upload a PNG or JPEG.');
  const saved = await store.setProfilePhoto(
    deps.db,
    user.userId,
    { bytes: image.bytes, mediaType: image.mediaType },
    deps.clock(),
  );
  if (!saved) throw noProfile();
  return getMyProfile(deps, actor);
}

/** Removes the profile photo (the profile then shows initials); removing none is not an error. */
export async function removeMyProfilePhoto(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  await store.setProfilePhoto(deps.db, user.userId, null, deps.clock());
  return getMyProfile(deps, actor);
}

/** The photo of a profile the actor may see (as `getPublicProfile` decides); 404 otherwise or without one. */
export async function readProfilePhoto(deps: Deps, actor: Actor, handle: string, shareToken?: string) {
  const { profile } = await visibleProfile(deps, actor, handle, shareToken);
  const photo = await store.findProfilePhoto(deps.db, profile.user_id);
  if (!photo?.photo || !photo.photo_media_type)
    throw new AppError('not_found', `The profile "${handle}" has no photo.`);
  return { bytes: Buffer.from(photo.photo), mediaType: photo.photo_media_type };
}
