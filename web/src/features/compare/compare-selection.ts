import { useSyncExternalStore } from 'react';

/** Programmes picked for comparison, kept in this browser (sessionStorage) across catalogue pages. */
export const MAX_COMPARE = 4;
const STORAGE_KEY = 'cairn.compare';

export type ComparePick = { id: string; title: string };

const listeners = new Set<() => void>();
let cache: { raw: string | null; picks: ComparePick[] } = { raw: null, picks: [] };

function read(): ComparePick[] {
  let raw: string | null;
  try {
    raw = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    raw = null;
  }
  if (raw === cache.raw) return cache.picks;
  let picks: ComparePick[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed))
      picks = parsed
        .filter(
          (p): p is ComparePick =>
            typeof p === 'object' &&
            p !== null &&
            typeof (p as ComparePick).id === 'string' &&
            typeof (p as ComparePick).title === 'string',
        )
        .slice(0, MAX_COMPARE);
  } catch {
    picks = [];
  }
  cache = { raw, picks };
  return picks;
}

function write(picks: ComparePick[]) {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(picks));
  } catch {
    // Storage refused (private mode): the selection lives until the page reloads.
    cache = { raw: JSON.stringify(picks), picks };
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The current picks and the ways to change them. */
export function useCompareSelection() {
  const picks = useSyncExternalStore(subscribe, read, () => []);
  return {
    picks,
    isPicked: (id: string) => picks.some((p) => p.id === id),
    isFull: picks.length >= MAX_COMPARE,
    toggle: (pick: ComparePick) => {
      const current = read();
      if (current.some((p) => p.id === pick.id)) write(current.filter((p) => p.id !== pick.id));
      else if (current.length < MAX_COMPARE) write([...current, pick]);
    },
    remove: (id: string) => write(read().filter((p) => p.id !== id)),
    clear: () => write([]),
  };
}

/** The compare page's address for these programmes. */
export const comparePath = (ids: string[]) => `/compare?ids=${ids.map(encodeURIComponent).join(',')}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from `?ids=a,b` (or repeated), valid and distinct, at most four. */
export function compareIds(params: URLSearchParams): string[] {
  const all = params.getAll('ids').flatMap((v) => v.split(','));
  return [...new Set(all.map((s) => s.trim()).filter((s) => UUID.test(s)))].slice(0, MAX_COMPARE);
}
