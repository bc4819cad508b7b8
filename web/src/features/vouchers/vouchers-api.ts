import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, seg } from '../../api/client';
import type { MicrocredentialListItem } from '../../api/catalog-types';
import type { Voucher, VoucherInput } from '../../api/learning-types';
import type { Items } from '../../api/types';

const vouchersKey = (slug: string) => ['org', slug, 'vouchers'] as const;

export function useVouchers(slug: string, enabled = true) {
  return useQuery({
    queryKey: vouchersKey(slug),
    queryFn: ({ signal }) => api.get<Items<Voucher>>(`/api/v1/orgs/${seg(slug)}/vouchers`, signal),
    select: (data) => data.items,
    enabled,
  });
}

/** The programmes a voucher can be scoped to: those with a published version. */
export function usePublishedProgrammes(slug: string, enabled = true) {
  return useQuery({
    queryKey: ['org', slug, 'microcredentials', 'published'] as const,
    queryFn: ({ signal }) => api.get<Items<MicrocredentialListItem>>(`/api/v1/orgs/${seg(slug)}/microcredentials?status=published`, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateVoucher(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VoucherInput) => api.post<Voucher>(`/api/v1/orgs/${seg(slug)}/vouchers`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vouchersKey(slug) }),
  });
}

export type VoucherStatus = 'active' | 'used_up' | 'expired';

export function voucherStatus(voucher: Voucher, now: Date = new Date()): VoucherStatus {
  if (voucher.expiresAt && new Date(voucher.expiresAt) <= now) return 'expired';
  if (voucher.redeemed >= voucher.maxRedemptions) return 'used_up';
  return 'active';
}
