import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { Answer } from '../../api/types';

export type StartedExchange = Answer<'/api/v1/me/credentials/{id}/exchanges', 'post'>;
export type WalletPickup = Answer<'/api/v1/me/credentials/{id}/exchanges', 'get'>['items'][number];

export const pickupsKey = (credentialId: string) => ['me', 'credential-pickups', credentialId] as const;

/**
 * The holder's wallet pickups of a credential (newest first). The server answers 404 to anyone
 * but the holder, so a successful answer is also how the page knows it is theirs.
 */
export function usePickups(credentialId: string, options: { isEnabled: boolean; isPolling?: boolean }) {
  return useQuery({
    queryKey: pickupsKey(credentialId),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/me/credentials/{id}/exchanges', { params: { path: { id: credentialId } }, signal })),
    enabled: options.isEnabled,
    retry: false,
    refetchInterval: options.isPolling ? 3000 : false,
    select: (answer) => answer.items,
  });
}

/** Opens a new pickup (10 minutes) of the credential into a wallet. */
export function useStartExchange(credentialId: string) {
  return useRefreshingMutation(
    () =>
      data(client.POST('/api/v1/me/credentials/{id}/exchanges', { params: { path: { id: credentialId } }, body: {} })),
    [pickupsKey(credentialId)],
  );
}

/** Whole seconds from `now` until `iso`, never below zero. */
export function secondsLeft(iso: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

/** `m:ss`, as the countdown shows it. */
export function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
