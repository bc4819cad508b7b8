import { useQuery } from '@tanstack/react-query';
import { client, data } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { Voucher, VoucherInput } from '../../api/types';

const vouchersKey = (slug: string) => ['org', slug, 'vouchers'] as const;

export function useVouchers(slug: string, enabled = true) {
  return useItemsQuery(
    vouchersKey(slug),
    (signal) => data(client.GET('/api/v1/orgs/{slug}/vouchers', { params: { path: { slug } }, signal })),
    enabled,
  );
}

/** The programmes a voucher can be scoped to: those with a published version. */
export function usePublishedProgrammes(slug: string, enabled = true) {
  return useQuery({
    queryKey: ['org', slug, 'microcredentials', 'published'] as const,
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/microcredentials', {
          params: { path: { slug }, query: { status: 'published' } },
          signal,
        }),
      ),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateVoucher(slug: string) {
  return useRefreshingMutation(
    (input: VoucherInput) =>
      data(client.POST('/api/v1/orgs/{slug}/vouchers', { params: { path: { slug } }, body: input })),
    [vouchersKey(slug)],
  );
}

export type VoucherStatus = 'active' | 'used_up' | 'expired';

export function voucherStatus(voucher: Voucher, now: Date = new Date()): VoucherStatus {
  if (voucher.expiresAt && new Date(voucher.expiresAt) <= now) return 'expired';
  if (voucher.redeemed >= voucher.maxRedemptions) return 'used_up';
  return 'active';
}
