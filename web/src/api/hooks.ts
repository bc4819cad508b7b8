import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/**
 * A mutation that refreshes the named queries once it is done. `'settled'` refreshes after a
 * failure too: used where a failed change (say, already removed elsewhere) means the list is stale.
 */
export function useRefreshingMutation<TInput, TOutput>(
  mutationFn: (input: TInput) => Promise<TOutput>,
  keys: readonly QueryKey[],
  when: 'success' | 'settled' = 'success',
) {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  return useMutation({ mutationFn, ...(when === 'success' ? { onSuccess: refresh } : { onSettled: refresh }) });
}

/** A list endpoint (`{ items }`) read as its items. */
export function useItemsQuery<TItem>(
  queryKey: QueryKey,
  fetchList: (signal: AbortSignal) => Promise<{ items: TItem[] }>,
  enabled = true,
) {
  return useQuery({ queryKey, queryFn: ({ signal }) => fetchList(signal), select: (list) => list.items, enabled });
}
