import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { eventActorOf } from '../../events/record-event.js';
import { AppError } from '../../http/app-error.js';
import { issueCredentialAs } from '../../issuance/issuance.service.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { refreshRecognitionInCatalog } from '../../catalog/refresh-recognition.js';
import { presentEndorsement, type EndorsementView } from '../endorsements-in-force.js';
import * as store from '../stores/endorsements.store.js';
import * as lookup from '../stores/subject-lookup.store.js';

export type EndorseSubjectOptions = {
  /** The provider endorsed, or whose programme is endorsed. */
  providerSlug: string;
  /** A programme of the provider; without it the provider's Profile is endorsed. */
  programmeSlug?: string;
  /** The published version endorsed; default: the newest published. */
  versionNumber?: number;
  /** Markdown: why the partner vouches for it. */
  comment: string;
};

function unprocessable(field: string, message: string): AppError {
  return new AppError('unprocessable_content', message, { fields: [{ field, message }] });
}

/**
 * An industry partner endorses a provider or one published version of a programme: signs an
 * OB 3.0 EndorsementCredential (subject: the provider's DID or the version's Achievement id,
 * with the comment) with its own key and a revocation entry, so it can be withdrawn; records it
 * and updates the catalogue's "Endorsed by", in one transaction. An organisation never endorses
 * itself, and endorses the same subject at most once at a time.
 */
export async function endorseSubject(
  deps: Deps,
  actor: Actor,
  endorserSlug: string,
  options: EndorseSubjectOptions,
): Promise<EndorsementView> {
  const access = await authorizeOrg(deps, actor, endorserSlug, 'endorsements.manage');
  const { org } = access;
  if (!org.roles.includes('partner')) {
    throw new AppError(
      'forbidden',
      `${org.name} is not an industry partner, so it cannot endorse. An owner can add the partner role to the organisation.`,
    );
  }
  const comment = options.comment.trim();
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const provider = await lookup.findOrganizationBySlug(trx, options.providerSlug);
    if (!provider || !provider.roles.includes('provider')) {
      throw unprocessable('providerSlug', `No provider "${options.providerSlug}" on this Cairn.`);
    }
    if (provider.id === org.id) {
      throw unprocessable(
        'providerSlug',
        `${org.name} cannot endorse itself or its own programmes: an endorsement is a third party's word.`,
      );
    }
    let subject: { type: 'organization' | 'programme'; uri: string; name: string };
    let programme: { id: string; versionId: string } | null = null;
    if (options.programmeSlug) {
      const mc = await lookup.findProgramme(trx, provider.id, options.programmeSlug);
      const version = mc && (await lookup.findPublishedVersion(trx, mc.id, options.versionNumber));
      const achievementId = (version?.achievement as { id?: unknown } | null | undefined)?.id;
      if (!mc || !version || typeof achievementId !== 'string') {
        throw unprocessable(
          options.versionNumber !== undefined ? 'versionNumber' : 'programmeSlug',
          `${provider.name} has no published programme "${options.programmeSlug}"${options.versionNumber !== undefined ? ` in version ${options.versionNumber}` : ''}. Only published versions can be endorsed.`,
        );
      }
      subject = { type: 'programme', uri: achievementId, name: `${version.title} (version ${version.version_number})` };
      programme = { id: mc.id, versionId: version.id };
    } else {
      subject = { type: 'organization', uri: provider.did, name: provider.name };
    }
    if (await store.findInForce(trx, org.id, subject.uri)) {
      throw new AppError(
        'conflict',
        `${org.name} already endorses ${subject.name}. Withdraw that endorsement first to give a new one.`,
      );
    }
    const issued = await issueCredentialAs(
      tdeps,
      org,
      { actor: eventActorOf(actor), ...(actor.kind === 'user' ? { userId: actor.userId } : {}) },
      {
        credential: {
          type: ['VerifiableCredential', 'EndorsementCredential'],
          name: `${org.name} endorses ${subject.name}`,
          credentialSubject: { id: subject.uri, type: ['EndorsementSubject'], endorsementComment: comment },
        },
        statusPurposes: ['revocation'],
      },
    );
    const issuedAt = deps.clock();
    const id = await store.insertEndorsement(trx, {
      endorserOrgId: org.id,
      subjectType: subject.type,
      subjectOrgId: provider.id,
      subjectMicrocredentialId: programme?.id ?? null,
      subjectVersionId: programme?.versionId ?? null,
      subjectUri: subject.uri,
      comment,
      credentialId: issued.id,
      validFrom: issuedAt,
      createdBy: actor.kind === 'user' ? actor.userId : null,
    });
    if (programme) await refreshRecognitionInCatalog(tdeps, provider.id, { microcredentialId: programme.id });
    const row = await store.findEndorsement(trx, org.id, id);
    return presentEndorsement(row!);
  });
}
