import { describe, expect, it } from 'vitest';
import { homePathFor, LEARNER_SPACE } from '../orgs/current-org';
import type { Membership } from '../../api/types';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps paths on this site and refuses anything that leaves it', () => {
    expect(safeNextPath('/invitations/abc')).toBe('/invitations/abc');
    expect(safeNextPath('https://evil.example/')).toBe('/home');
    expect(safeNextPath('//evil.example/')).toBe('/home');
    expect(safeNextPath('/\\evil.example')).toBe('/home');
    expect(safeNextPath(null, '/welcome')).toBe('/welcome');
  });
});

describe('homePathFor', () => {
  const org = (slug: string): Membership => ({
    role: 'owner',
    org: { id: slug, slug, name: slug, roles: ['provider'], did: `did:web:x:${slug}`, createdAt: '' },
  });

  it('returns to the remembered organisation while still a member', () => {
    expect(homePathFor([org('a'), org('b')], 'b')).toBe('/o/b');
    expect(homePathFor([org('a')], 'gone')).toBe('/o/a');
  });

  it('goes to the learner space or the welcome page', () => {
    expect(homePathFor([org('a')], LEARNER_SPACE)).toBe('/me');
    expect(homePathFor([], null)).toBe('/welcome');
  });
});
