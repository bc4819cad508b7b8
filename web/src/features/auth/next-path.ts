/**
 * The `?next=` target after signing in, limited to a path on this site so that a crafted link
 * cannot send someone elsewhere.
 */
export function safeNextPath(next: string | null | undefined, fallback = '/home'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** `/login?next=<current path>` for the page the person was trying to see. */
export function loginPathFor(path: string, page: 'login' | 'signup' = 'login'): string {
  return `/${page}?next=${encodeURIComponent(path)}`;
}
