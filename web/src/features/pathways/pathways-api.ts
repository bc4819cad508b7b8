import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { client, data, multipart, undeclaredBody } from '../../api/client';
import type { Items, Query } from '../../api/types';
import { myCredentialsKey } from '../learning/learning-api';
import type { CredentialInput } from '../verify/verify-input';
import { isAnyAwardPending, pollWhileAwardPending } from './award-polling';
import type { MyPathway, MyPathwayDetail } from './pathways-types';

export const PATHWAYS_PAGE_SIZE = 12;
export const myPathwaysKey = ['me', 'pathways'] as const;
export const myPathwayKey = (id: string) => ['me', 'pathways', id] as const;
export const walletKey = ['me', 'wallet'] as const;
export const credentialPathwaysKey = (credentialId: string) => ['me', 'credential-pathways', credentialId] as const;

export function pathwaysQuery(q: string, page: number): Query<'/api/v1/pathways', 'get'> {
  return { ...(q ? { q } : {}), limit: PATHWAYS_PAGE_SIZE, offset: (page - 1) * PATHWAYS_PAGE_SIZE };
}

export function usePathwaySearch(q: string, page: number) {
  const query = pathwaysQuery(q, page);
  return useQuery({
    queryKey: ['pathways', query],
    queryFn: ({ signal }) => data(client.GET('/api/v1/pathways', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function usePathway(id: string) {
  return useQuery({
    queryKey: ['pathway', id],
    queryFn: ({ signal }) => data(client.GET('/api/v1/pathways/{id}', { params: { path: { id } }, signal })),
  });
}

export function useMyPathways(isEnabled = true) {
  return useQuery({
    queryKey: myPathwaysKey,
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/pathways', { signal })),
    select: (data) => data.items,
    enabled: isEnabled,
    refetchInterval: pollWhileAwardPending<Items<MyPathway>>((data) => isAnyAwardPending(data.items)),
  });
}

/** My progress on one pathway; asked again every 1.5 s while its award is being issued. */
export function useMyPathway(id: string) {
  return useQuery({
    queryKey: myPathwayKey(id),
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/pathways/{id}', { params: { path: { id } }, signal })),
    refetchInterval: pollWhileAwardPending<MyPathwayDetail>((data) => data.isAwardPending),
  });
}

/**
 * The pathways one of my credentials counts toward (404 for a credential that is not mine);
 * asked again while one of them is being awarded, as after completing a programme.
 */
export function useCredentialPathways(credentialId: string, options: { isEnabled: boolean }) {
  return useQuery({
    queryKey: credentialPathwaysKey(credentialId),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/me/credentials/{id}/pathways', { params: { path: { id: credentialId } }, signal })),
    enabled: options.isEnabled,
    retry: false,
    refetchInterval: pollWhileAwardPending<Items<MyPathway>>((data) => isAnyAwardPending(data.items)),
  });
}

/**
 * Once an award that was pending arrives, lists that show it (my credentials, my pathways) are
 * stale: they are asked again.
 */
export function useRefreshWhenAwarded(isAwardPending: boolean) {
  const queryClient = useQueryClient();
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !isAwardPending) {
      void queryClient.invalidateQueries({ queryKey: myCredentialsKey });
      void queryClient.invalidateQueries({ queryKey: myPathwaysKey, exact: true });
    }
    wasPending.current = isAwardPending;
  }, [isAwardPending, queryClient]);
}

export function useJoinPathway(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(client.POST('/api/v1/pathways/{id}/join', { params: { path: { id } }, body: {} })),
    onSuccess: (detail) => {
      queryClient.setQueryData(myPathwayKey(id), detail);
      void queryClient.invalidateQueries({ queryKey: myPathwaysKey, exact: true });
    },
  });
}

export function useWallet() {
  return useQuery({
    queryKey: walletKey,
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/wallet', { signal })),
    select: (data) => data.items,
  });
}

export type WalletInput = { kind: 'file'; file: File } | { kind: 'paste'; value: CredentialInput };

export function useAddToWallet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WalletInput) => {
      if (input.kind === 'paste')
        return data(client.POST('/api/v1/me/wallet', undeclaredBody({ verifiableCredential: input.value })));
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      return data(client.POST('/api/v1/me/wallet', multipart(form)));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: walletKey });
      void queryClient.invalidateQueries({ queryKey: myPathwaysKey });
      void queryClient.invalidateQueries({ queryKey: myCredentialsKey });
    },
  });
}

/** Re-reads a wallet entry's status from its issuer now. */
export function useCheckWalletStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(client.POST('/api/v1/me/wallet/{id}/status-check', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: walletKey });
      void queryClient.invalidateQueries({ queryKey: myPathwaysKey });
      void queryClient.invalidateQueries({ queryKey: myCredentialsKey });
    },
  });
}

export function useRemoveFromWallet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => data(client.DELETE('/api/v1/me/wallet/{id}', { params: { path: { id } } })),

    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: walletKey });
      void queryClient.invalidateQueries({ queryKey: myPathwaysKey });
    },
  });
}
