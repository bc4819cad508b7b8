import { describe, expect, it } from 'vitest';
import { linkedInAddToProfileUrl } from './linkedin';

describe('linkedInAddToProfileUrl', () => {
  it('encodes every field and takes the issue year and month in UTC', () => {
    const url = linkedInAddToProfileUrl({
      name: 'Safe Lifting & Handling: Level 2',
      organizationName: 'Northwind Academy (Łódź)',
      issuedAt: '2026-01-31T23:30:00Z',
      certUrl: 'https://cairn.example/credentials/8f1c?x=1&y=2',
      certId: 'https://cairn.example/credentials/8f1c',
    });

    expect(url.startsWith('https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&')).toBe(true);
    expect(url).toContain('name=Safe%20Lifting%20%26%20Handling%3A%20Level%202');
    expect(url).toContain('organizationName=Northwind%20Academy%20(%C5%81%C3%B3d%C5%BA)');
    expect(url).toContain('certUrl=https%3A%2F%2Fcairn.example%2Fcredentials%2F8f1c%3Fx%3D1%26y%3D2');
    expect(url).not.toContain('+');
    expect(url).not.toContain('expirationYear');

    const params = new URL(url).searchParams;
    expect(params.get('name')).toBe('Safe Lifting & Handling: Level 2');
    expect(params.get('issueYear')).toBe('2026');
    expect(params.get('issueMonth')).toBe('1');
    expect(params.get('certId')).toBe('https://cairn.example/credentials/8f1c');
  });

  it('adds the expiry when the credential has one and skips an unreadable issue date', () => {
    const params = new URL(
      linkedInAddToProfileUrl({
        name: 'First Aid',
        organizationName: 'Acme',
        issuedAt: 'not a date',
        expiresAt: '2028-07-01T00:00:00Z',
        certUrl: 'https://x.test/c/1',
        certId: '1',
      }),
    ).searchParams;
    expect(params.has('issueYear')).toBe(false);
    expect(params.get('expirationYear')).toBe('2028');
    expect(params.get('expirationMonth')).toBe('7');
  });
});
