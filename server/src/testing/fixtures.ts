/** A minimal unsigned OB 3.0 credential, as an API client would send it. */
export function sampleCredential(overrides: Record<string, unknown> = {}) {
  return {
    // A VC Data Model 2.0 credential, as the VC-API requires (Cairn's own route may leave these out).
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Data Literacy Foundations',
    credentialSubject: {
      type: ['AchievementSubject'],
      id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      achievement: {
        id: 'https://cairn.test/achievements/data-literacy',
        type: ['Achievement'],
        name: 'Data Literacy Foundations',
        description: 'Reads, questions and presents data responsibly.',
        criteria: { narrative: 'Passed the final quiz with at least 80%.' },
        achievementType: 'MicroCredential',
      },
    },
    ...overrides,
  };
}
