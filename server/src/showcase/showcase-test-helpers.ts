import { sampleCredential } from '../testing/fixtures.js';
import type { App } from '../app.js';

export { decodeQrCodesInPdf } from './pdf-qr-test-helpers.js';

/** Issues an OB 3.0 credential to `email` through the VC-API and returns its row id (the UUID in its id URL). */
export async function issueTo(
  app: App,
  apiToken: string,
  email: string,
  overrides: { name?: string; skills?: string[] } = {},
): Promise<string> {
  const { id: _subjectId, ...subject } = sampleCredential().credentialSubject;
  const achievement = {
    ...subject.achievement,
    ...(overrides.name
      ? { name: overrides.name, id: `https://cairn.test/achievements/${encodeURIComponent(overrides.name)}` }
      : {}),
    alignment: (overrides.skills ?? ['Data analysis']).map((s) => ({
      type: ['Alignment'],
      targetName: s,
      targetUrl: `https://cairn.test/skills/${encodeURIComponent(s)}`,
    })),
  };
  const res = await app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${apiToken}` },
    payload: {
      credential: { ...sampleCredential(), name: achievement.name, credentialSubject: { ...subject, achievement } },
      options: { recipientEmail: email },
    },
  });
  if (res.statusCode !== 201) throw new Error(`issue failed: ${res.statusCode} ${res.body}`);
  const id = res.json<{ verifiableCredential: { id: string } }>().verifiableCredential.id;
  return id.split('/').pop()!;
}
