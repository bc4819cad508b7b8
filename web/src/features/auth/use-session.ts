import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchSession, sessionKey } from './auth-api';

/** The current session: `session` is null when signed out, undefined while loading. */
export function useSession() {
  const query = useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });
  return { ...query, session: query.data };
}

/** Drops the cached session so that the next read asks the server (after login, logout, joins). */
export function useRefreshSession() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: sessionKey }), [queryClient]);
}
