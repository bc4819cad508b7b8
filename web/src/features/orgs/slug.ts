/** The server's rule for organisation slugs: 3–40 characters, lowercase letters, digits, inner hyphens. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

/**
 * Suggests a slug from an organisation name: accents folded, anything else turned into single
 * hyphens, trimmed to 40 characters without a trailing hyphen.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

/** A sentence explaining what is wrong with a slug, or null when it is valid. */
export function slugError(slug: string): string | null {
  if (slug.length < 3) return 'Use at least 3 characters.';
  if (slug.length > 40) return 'Use at most 40 characters.';
  if (/[^a-z0-9-]/.test(slug)) return 'Use only lowercase letters, digits and hyphens.';
  if (slug.startsWith('-') || slug.endsWith('-')) return 'Start and end with a letter or digit.';
  if (!SLUG_PATTERN.test(slug)) return 'This is not a valid address.';
  return null;
}
