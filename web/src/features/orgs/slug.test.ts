import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugError, slugify } from './slug';

describe('slugify', () => {
  it('lowercases, folds accents and joins words with single hyphens', () => {
    expect(slugify('École des Métiers  du Bâtiment')).toBe('ecole-des-metiers-du-batiment');
    expect(slugify('  Acme Training, Ltd. ')).toBe('acme-training-ltd');
    expect(slugify('R&D Partners')).toBe('r-and-d-partners');
  });

  it('keeps the result within 40 characters without a trailing hyphen', () => {
    const slug = slugify('The Northern Regional Association of Accredited Welding Instructors');
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
    expect(SLUG_PATTERN.test(slug)).toBe(true);
  });

  it('returns an empty string for names with no usable characters', () => {
    expect(slugify('!!!')).toBe('');
  });
});

describe('slugError', () => {
  it('accepts slugs matching the server pattern', () => {
    expect(slugError('acme')).toBeNull();
    expect(slugError('a1-b2')).toBeNull();
    expect(slugError('a'.repeat(40))).toBeNull();
  });

  it('explains each way a slug can be wrong', () => {
    expect(slugError('ab')).toMatch(/at least 3/);
    expect(slugError('a'.repeat(41))).toMatch(/at most 40/);
    expect(slugError('Acme')).toMatch(/lowercase/);
    expect(slugError('acme_x')).toMatch(/lowercase/);
    expect(slugError('-acme')).toMatch(/start and end/i);
    expect(slugError('acme-')).toMatch(/start and end/i);
  });
});
