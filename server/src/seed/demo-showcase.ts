import type { Actor, Deps } from '../deps.js';
import { findUserByEmail } from '../identity/identity.store.js';
import { lifecycleOf } from '../issuance/credential-lifecycle.js';
import { issueCredentialForOrg } from '../issuance/use-cases/issue-credential-for-org.js';
import { updateShowcaseSettings } from '../orgs/use-cases/manage-showcase-settings.js';
import { updateMyProfile } from '../profiles/use-cases/manage-my-profile.js';
import { listHeldCredentials } from '../showcase/stores/showcase-credentials.store.js';

const asUser = (userId: string): Actor => ({ kind: 'user', userId, sessionId: 'demo-seed' });

/** How many credentials the demo learner's public profile shows. */
export const DEMO_PROFILE_CREDENTIALS = 3;

/**
 * The demo learner's public profile (`/p/lena-fischer`) with three credentials in force, and
 * the provider's certificate colour and signatory. Tops the learner up to three credentials with
 * one issued by hand (a workshop) when their learning earned fewer, through the issuing use case.
 */
export async function seedDemoShowcase(
  deps: Deps,
  options: { learnerEmail: string; providerSlug: string; providerEmail: string },
) {
  const learner = await findUserByEmail(deps.db, options.learnerEmail);
  const provider = await findUserByEmail(deps.db, options.providerEmail);
  if (!learner || !provider) throw new Error('The demo learner and provider must exist before their showcase.');
  await updateShowcaseSettings(deps, asUser(provider.id), options.providerSlug, {
    logoFileId: null,
    linkedInOrganizationId: null,
    certificateColour: '#267076',
    signatoryName: 'Dr Amara Okafor',
    signatoryTitle: 'Director of Studies',
  });
  const inForce = async () =>
    (await listHeldCredentials(deps.db, learner.id)).filter(
      (c) => !c.isClr && lifecycleOf(c, deps.clock()) === 'active',
    );
  let held = await inForce();
  if (held.length < DEMO_PROFILE_CREDENTIALS) {
    await issueCredentialForOrg(deps, asUser(provider.id), options.providerSlug, {
      credential: {
        name: 'Presenting with Data: Workshop',
        credentialSubject: {
          type: ['AchievementSubject'],
          achievement: {
            id: new URL('/achievements/demo-presenting-with-data', deps.publicUrl).toString(),
            type: ['Achievement'],
            achievementType: 'Certificate',
            name: 'Presenting with Data: Workshop',
            description: 'Took part in a one-day workshop and presented a data story to a panel.',
            criteria: { narrative: 'Attended the full day and presented to the panel.' },
            alignment: [
              {
                type: ['Alignment'],
                targetName: 'Data storytelling',
                targetUrl: new URL('/skills/data-storytelling', deps.publicUrl).toString(),
              },
            ],
          },
        },
      },
      recipientEmail: options.learnerEmail,
      recipientUserId: learner.id,
    });
    held = await inForce();
  }
  await updateMyProfile(deps, asUser(learner.id), {
    handle: 'lena-fischer',
    isPublic: true,
    isNameShown: true,
    headline: 'Operations analyst: data literacy, complaint handling, presenting with data',
    credentialIds: held.slice(0, DEMO_PROFILE_CREDENTIALS).map((c) => c.id),
  });
}
