import type { Deps } from '../deps.js';
import type { ShowcaseSettingsRow } from '../orgs/org-showcase-settings.store.js';

/** LinkedIn's identifier type for a company page id, as OB 3.0 `otherIdentifier` extensions name it. */
export const LINKEDIN_IDENTIFIER_TYPE = 'ext:LinkedIn:organizationId';

/**
 * What the provider's showcase settings add to its OB 3.0 issuer Profile: the logo as `image`
 * and the LinkedIn page id as an `otherIdentifier` (an IdentifierEntry).
 */
export function issuerProfileShowcase(deps: Pick<Deps, 'publicUrl'>, settings: ShowcaseSettingsRow) {
  return {
    ...(settings.logoFileId
      ? {
          image: {
            id: new URL(`/api/v1/images/${settings.logoFileId}`, deps.publicUrl).toString(),
            type: 'Image',
          },
        }
      : {}),
    ...(settings.linkedInOrganizationId
      ? {
          otherIdentifier: [
            {
              type: 'IdentifierEntry',
              identifier: settings.linkedInOrganizationId,
              identifierType: LINKEDIN_IDENTIFIER_TYPE,
            },
          ],
        }
      : {}),
  };
}
