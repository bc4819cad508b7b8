import { describe, expect, it } from 'vitest';
import {
  buildEmailIdentity,
  hashIdentity,
  identityMatches,
  validateAchievementCredential,
  validateClrCredential,
  validateEndorsementCredential,
  verifyCredential,
} from '../src/index.js';
import { fixture, fixtureLoader, sampleCredential } from './helpers.js';

describe('schema and structure', () => {
  it('accepts the 1EdTech fixtures', () => {
    expect(validateAchievementCredential(fixture('ob3-simple-eddsa-rdfc-2022.json'))).toEqual({
      valid: true,
      errors: [],
    });
    expect(validateAchievementCredential(fixture('ob3-complete.json'))).toEqual({ valid: true, errors: [] });
    expect(validateEndorsementCredential(fixture('ob3-endorsement.json'))).toEqual({ valid: true, errors: [] });
    expect(validateClrCredential(fixture('clr2-simple.json'))).toEqual({ valid: true, errors: [] });
  });

  it('names the paths of schema errors', () => {
    const credential = sampleCredential('did:web:acme.example');
    const subject = credential.credentialSubject as { achievement: Record<string, unknown> };
    delete subject.achievement.name;
    subject.achievement.criteria = 'none';
    delete credential.validFrom;
    const { valid, errors } = validateAchievementCredential(credential);
    expect(valid).toBe(false);
    const paths = errors.map((e) => e.path);
    expect(paths).toContain('credentialSubject.achievement.name');
    expect(paths).toContain('credentialSubject.achievement.criteria');
    expect(paths).toContain('validFrom');
    expect(errors.find((e) => e.path === 'validFrom')?.message).toBe('is required');
  });

  it('enforces the context order and the required types', () => {
    const credential = sampleCredential('did:web:acme.example');
    credential['@context'] = [
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://www.w3.org/ns/credentials/v2',
    ];
    credential.type = ['VerifiableCredential'];
    const paths = validateAchievementCredential(credential).errors.map((e) => `${e.path}: ${e.message}`);
    expect(paths).toContain('@context[0]: must be https://www.w3.org/ns/credentials/v2');
    expect(paths).toContain('type: must include OpenBadgeCredential or AchievementCredential');
  });

  it('checks endorsements and CLRs structurally', () => {
    const endorsement = fixture('ob3-endorsement.json');
    delete endorsement.name;
    expect(validateEndorsementCredential(endorsement).errors).toContainEqual({ path: 'name', message: 'is required' });
    const clr = fixture('clr2-simple.json');
    const subject = clr.credentialSubject as {
      association?: Record<string, unknown>[];
      verifiableCredential: unknown[];
    };
    subject.association = [{ type: 'Association', associationType: 'isCousinOf', sourceId: 'a' }];
    subject.verifiableCredential = [];
    const paths = validateClrCredential(clr).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'credentialSubject.verifiableCredential',
        'credentialSubject.association[0].associationType',
        'credentialSubject.association[0].targetId',
      ]),
    );
  });

  it('reports schema problems as a failed check in verification', async () => {
    const credential = fixture('ob3-simple-eddsa-rdfc-2022.json');
    delete (credential.credentialSubject as Record<string, unknown>).achievement;
    const result = await verifyCredential({ credential, documentLoader: fixtureLoader(credential) });
    expect(result.checks.find((c) => c.id === 'schema')).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('credentialSubject.achievement') as string,
    });
  });
});

describe('recipient identity', () => {
  it('hashes email + salt as sha256$hex, normalising the email', () => {
    expect(hashIdentity('  Ada@Example.org ', 'salt')).toBe(hashIdentity('ada@example.org', 'salt'));
    expect(hashIdentity('ada@example.org', 'salt')).toMatch(/^sha256\$[0-9a-f]{64}$/);
    expect(hashIdentity('ada@example.org', 'salt')).not.toBe(hashIdentity('ada@example.org', 'other'));
  });

  it('matches hashed and plain identities', () => {
    const hashed = buildEmailIdentity('ada@example.org', 'abc');
    expect(identityMatches(hashed, 'ADA@example.org')).toBe(true);
    expect(identityMatches(hashed, 'bob@example.org')).toBe(false);
    expect(
      identityMatches(
        { ...hashed, identityHash: hashed.identityHash.toUpperCase().replace('SHA256', 'sha256') },
        'ada@example.org',
      ),
    ).toBe(true);
    expect(
      identityMatches(
        { type: 'IdentityObject', hashed: false, identityHash: 'Ada@Example.org', identityType: 'emailAddress' },
        'ada@example.org',
      ),
    ).toBe(true);
    expect(identityMatches({ ...hashed, identityType: 'studentId' }, 'ada@example.org')).toBe(false);
    expect(identityMatches(null, 'ada@example.org')).toBe(false);
  });

  it('checks the recipient during verification', async () => {
    const credential = fixture('ob3-complete.json');
    const loader = fixtureLoader(credential);
    const subject = credential.credentialSubject as { identifier?: { identityHash: string; salt?: string }[] };
    expect(subject.identifier?.length).toBeGreaterThan(0);
    const wrong = await verifyCredential({
      credential,
      documentLoader: loader,
      recipientEmail: 'nobody@example.org',
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(wrong.checks.find((c) => c.id === 'recipient')).toMatchObject({
      status: 'failed',
      label: 'Belongs to this person',
    });
    expect(wrong.verified).toBe(false);
    const right = await verifyCredential({
      credential,
      documentLoader: loader,
      recipientEmail: ' Student@1EdTech.edu ',
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(right.checks.find((c) => c.id === 'recipient')).toMatchObject({
      status: 'passed',
      message: 'Issued to Student@1EdTech.edu',
    });
  });
});
