import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/org-access.js';
import { profilePageUrl } from '../../showcase/showcase-urls.js';
import * as store from '../profiles.store.js';
import { profilePhotoUrl } from './get-public-profile.js';

export type ProfileSettings = {
  handle: string;
  isPublic: boolean;
  isNameShown: boolean;
  /** Show the current period's CPD summary on the profile; left out, it stays as it was. */
  isCpdShown?: boolean | undefined;
  headline: string;
  /** Credentials (row ids) to show, in order; pathway awards are credentials too. */
  credentialIds: string[];
};

/** The signed-in person's profile settings; a profile never saved is private and has no handle. */
export async function getMyProfile(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const profile = await store.findProfileOfUser(deps.db, user.userId);
  return {
    handle: profile?.handle ?? null,
    isPublic: profile?.is_public ?? false,
    isNameShown: profile?.is_name_shown ?? false,
    isCpdShown: profile?.is_cpd_shown ?? false,
    headline: profile?.headline ?? '',
    photoUrl: profile ? profilePhotoUrl(deps, profile) : null,
    credentialIds: profile ? await store.listProfileCredentialIds(deps.db, user.userId) : [],
    url: profile ? profilePageUrl(deps.publicUrl, profile.handle) : null,
  };
}

/**
 * Saves the profile: handle (unique), whether it is public, consent to show the holder's name
 * on public credential pages, headline, and the credentials shown, which must be the person's own.
 */
export async function updateMyProfile(deps: Deps, actor: Actor, settings: ProfileSettings) {
  const user = requireUser(actor);
  const ids = [...new Set(settings.credentialIds)];
  await transaction(deps.db, async (trx) => {
    const owner = await store.findHandleOwner(trx, settings.handle);
    if (owner && owner.user_id !== user.userId)
      throw new AppError('conflict', `The handle "${settings.handle}" is taken. Choose another.`, {
        fields: [{ field: 'handle', message: 'This handle is taken.' }],
      });
    const held = await store.heldAmong(trx, user.userId, ids);
    const foreign = ids.filter((id) => !held.has(id));
    if (foreign.length > 0)
      throw new AppError('validation_failed', 'A profile can only show credentials you hold.', {
        fields: foreign.map((id) => ({ field: 'credentialIds', message: `You do not hold credential ${id}.` })),
      });
    await store.saveProfile(trx, user.userId, settings, deps.clock());
    await store.replaceProfileCredentials(trx, user.userId, ids);
  });
  return getMyProfile(deps, actor);
}
