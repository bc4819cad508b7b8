import { bakePng } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { getCredentialDocument } from '../issuance/use-cases/get-credential-document.js';
import { renderBadgePng } from './badge-image.js';

/**
 * The credential's badge image with the credential baked in (PNG iTXt `openbadgecredential`):
 * the JSON credential, or the compact JWS for a VC-JWT.
 */
export async function bakedBadgeFor(deps: Deps, id: string): Promise<Buffer> {
  const { format, document } = await getCredentialDocument(deps, id);
  const payload = format === 'jwt' ? document : (JSON.parse(document) as Record<string, unknown>);
  const achievement =
    typeof payload === 'string'
      ? undefined
      : ((payload.credentialSubject as Record<string, unknown> | undefined)?.achievement as
          Record<string, unknown> | undefined);
  const image = renderBadgePng({ seed: typeof achievement?.id === 'string' ? achievement.id : id });
  return Buffer.from(bakePng(image, payload));
}
