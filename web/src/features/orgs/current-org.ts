import type { Membership } from '../../api/types';

const STORAGE_KEY = 'cairn.currentOrg';
/** The switcher's value for "my own learning", not an organisation. */
export const LEARNER_SPACE = '__me__';

export function readCurrentOrg(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberCurrentOrg(slug: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, slug);
  } catch {
    // Private mode or storage disabled: the URL still carries the choice.
  }
}

/**
 * Where a signed-in person starts: the organisation they used last if they still belong to it,
 * their learner space if they chose it, else their first organisation, else the welcome page.
 */
export function homePathFor(memberships: Membership[], remembered: string | null = readCurrentOrg()): string {
  if (remembered === LEARNER_SPACE) return '/me';
  const known = memberships.find((m) => m.org.slug === remembered);
  const first = known ?? memberships[0];
  return first ? `/o/${first.org.slug}` : '/welcome';
}
