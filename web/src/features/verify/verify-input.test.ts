import { describe, expect, it } from 'vitest';
import { fileProblem, MAX_UPLOAD_BYTES, parsePastedCredential } from './verify-input';

describe('parsePastedCredential', () => {
  it('parses a JSON credential into an object', () => {
    const result = parsePastedCredential(' {"type": ["VerifiableCredential"]} ');
    expect(result).toEqual({ ok: true, value: { type: ['VerifiableCredential'] } });
  });

  it('accepts a compact JWT, even with line breaks from copying', () => {
    expect(parsePastedCredential('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319\n.c2lnbmF0dXJl')).toEqual({
      ok: true,
      value: 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2lnbmF0dXJl',
    });
  });

  it('explains broken JSON, arrays, empty input and other text', () => {
    const broken = parsePastedCredential('{"type": ');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toMatch(/not valid JSON/);
    expect(parsePastedCredential('[1, 2]')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/single credential object/),
    });
    expect(parsePastedCredential('   ')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Paste a credential/),
    });
    expect(parsePastedCredential('hello world')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/neither JSON nor a JWT/),
    });
  });
});

describe('fileProblem', () => {
  it('accepts the four credential file types up to 10 MB', () => {
    for (const name of ['a.json', 'a.JWT', 'badge.png', 'badge.svg']) {
      expect(fileProblem({ name, size: 1000 })).toBeNull();
    }
    expect(fileProblem({ name: 'a.png', size: MAX_UPLOAD_BYTES })).toBeNull();
  });

  it('refuses other types, empty files and files over 10 MB', () => {
    expect(fileProblem({ name: 'cv.pdf', size: 10 })).toMatch(/\.json, \.jwt, \.png or \.svg/);
    expect(fileProblem({ name: 'a.png', size: MAX_UPLOAD_BYTES + 1 })).toMatch(/limit is 10 MB/);
    expect(fileProblem({ name: 'a.json', size: 0 })).toMatch(/empty/);
  });
});
