import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, apiUpload, seg } from '../../api/client';
import type { Items } from '../../api/types';
import { myCredentialsKey } from '../learning/learning-api';
import type { CredentialInput } from '../verify/verify-input';
import { isAnyAwardPending, pollWhileAwardPending } from './award-polling';
import type { AddedWalletItem, MyPathway, MyPathwayDetail, PathwaySummary, PublicPathway, WalletItem } from './pathways-types';

export const PATHWAYS_PAGE_SIZE = 12;
export const myPathwaysKey = ['me', 'pathways'] as const;
export const myPathwayKey = (id: string) => ['me', 'pathways', id] as const;
export const walletKey = ['me', 'wallet'] as const;
export const credentialPathwaysKey = (credentialId: string) => ['me', 'credential-pathways', credentialId] as const;

export function pathwaysApiPath(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  params.set('limit', String(PATHWAYS_PAGE_SIZE));
  params.set('offset', String((page - 1) * PATHWAYS_PAGE_SIZE));
  return `/api/v1/pathways?${params.toString()}`;
}

export function usePathwaySearch(q: string, page: number) {
  const path = pathwaysApiPath(q, page);
  return useQuery({
    queryKey: ['pathways', path],
    queryFn: ({ signal }) => api.get<{ items: PathwaySummary[]; total: number }>(path, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePathway(id: string) {
  return useQuery({
    queryKey: ['pathway', id],
    queryFn: ({ signal }) => api.get<PublicPathway>(`/api/v1/pathways/${seg(id)}`, signal),
  });
}

export function useMyPathways(isEnabled = true) {
  return useQuery({
    queryKey: myPathwaysKey,
    queryFn: ({ signal }) => api.get<Items<MyPathway>>('/api/v1/me/pathways', signal),
    select: (data) => data.items,
    enabled: isEnabled,
    refetchInterval: pollWhileAwardPending<Items<MyPathway>>((data) => isAnyAwardPending(data.items)),
  });
}

/** My progress on one pathway; asked again every 1.5 s while its award is being issued. */
export function useMyPathway(id: string) {
  return useQuery({
    queryKey: myPathwayKey(id),
    queryFn: ({ signal }) => api.get<MyPathwayDetail>(`/api/v1/me/pathways/${seg(id)}`, signal),
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
    queryFn: ({ signal }) => api.get<Items<MyPathway>>(`/api/v1/me/credentials/${seg(credentialId)}/pathways`, signal),
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
    mutationFn: () => api.post<MyPathwayDetail>(`/api/v1/pathways/${seg(id)}/join`),
    onSuccess: (detail) => {
      queryClient.setQueryData(myPathwayKey(id), detail);
      void queryClient.invalidateQueries({ queryKey: myPathwaysKey, exact: true });
    },
  });
}

export function useWallet() {
  return useQuery({
    queryKey: walletKey,
    queryFn: ({ signal }) => api.get<Items<WalletItem>>('/api/v1/me/wallet', signal),
    select: (data) => data.items,
  });
}

export type WalletInput = { kind: 'file'; file: File } | { kind: 'paste'; value: CredentialInput };

export function useAddToWallet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WalletInput) => {
      if (input.kind === 'paste') return api.post<AddedWalletItem>('/api/v1/me/wallet', { verifiableCredential: input.value });
      const form = new FormData();
      form.append('file', input.file, input.file.name);
      return apiUpload<AddedWalletItem>('/api/v1/me/wallet', form);
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
    mutationFn: (id: string) => api.post<WalletItem>(`/api/v1/me/wallet/${seg(id)}/status-check`, {}),
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
    mutationFn: (id: string) => api.delete(`/api/v1/me/wallet/${seg(id)}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: walletKey });
      void queryClient.invalidateQueries({ queryKey: myPathwaysKey });
    },
  });
}
