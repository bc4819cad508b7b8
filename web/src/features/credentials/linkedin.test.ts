import { describe, expect, it } from 'vitest';
import { linkedInAddToProfileUrl, linkedInFields } from './linkedin';

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

  it('names the organisation by its LinkedIn page id when the issuer set one, and encodes &, # and unicode', () => {
    const url = linkedInAddToProfileUrl({
      name: 'C# & F# — 基礎 #2',
      organizationName: 'Acme & Sons',
      organizationId: '1234567',
      issuedAt: '2026-03-05T10:00:00Z',
      expiresAt: '2027-12-31T23:59:59Z',
      certUrl: 'https://cairn.example/credentials/8f1c#top',
      certId: '8f1c',
    });
    expect(url).toContain('name=C%23%20%26%20F%23%20%E2%80%94%20%E5%9F%BA%E7%A4%8E%20%232');
    expect(url).toContain('certUrl=https%3A%2F%2Fcairn.example%2Fcredentials%2F8f1c%23top');
    expect(url.split('#')).toHaveLength(1);
    const params = new URL(url).searchParams;
    expect(params.get('organizationId')).toBe('1234567');
    expect(params.has('organizationName')).toBe(false);
    expect(params.get('name')).toBe('C# & F# — 基礎 #2');
    expect([...params.keys()]).toEqual([
      'startTask',
      'name',
      'organizationId',
      'issueYear',
      'issueMonth',
      'expirationYear',
      'expirationMonth',
      'certUrl',
      'certId',
    ]);
    expect(params.get('expirationMonth')).toBe('12');
  });

  it('lists the fields to copy by hand', () => {
    const fields = linkedInFields({
      name: 'First Aid',
      organizationName: 'Acme',
      issuedAt: '2026-03-05T10:00:00Z',
      certUrl: 'https://x.test/c/1',
      certId: '1',
    });
    expect(fields).toEqual([
      { label: 'Name', value: 'First Aid' },
      { label: 'Issuing organisation', value: 'Acme' },
      { label: 'Issue date', value: 'March 2026' },
      { label: 'Credential ID', value: '1' },
      { label: 'Credential URL', value: 'https://x.test/c/1' },
    ]);
  });
});
