import { randomBytes } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import * as catalogueLookup from '../stores/catalogue-lookup.store.js';
import * as voucherStore from '../stores/voucher.store.js';

type VoucherRow = NonNullable<Awaited<ReturnType<typeof voucherStore.insertVoucher>>>;

function presentVoucher(v: VoucherRow) {
  return {
    id: v.id,
    code: v.code,
    microcredentialId: v.microcredential_id,
    maxRedemptions: v.max_redemptions,
    redeemed: v.redeemed,
    expiresAt: v.expires_at,
  };
}

export async function listVouchers(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'vouchers.manage');
  return (await voucherStore.listVouchers(deps.db, org.id)).map(presentVoucher);
}

export type CreateVoucherOptions = {
  code?: string;
  microcredentialId?: string;
  maxRedemptions: number;
  expiresAt?: Date;
};

export async function createVoucher(deps: Deps, actor: Actor, slug: string, options: CreateVoucherOptions) {
  const access = await authorizeOrg(deps, actor, slug, 'vouchers.manage');
  const code = (options.code ?? randomBytes(6).toString('hex')).toUpperCase();
  const row = await transaction(deps.db, async (trx) => {
    // A voucher unlocks a programme for free, so it may name only this organisation's own. Another
    // organisation's programme answers like a missing one, so its existence is not revealed.
    if (
      options.microcredentialId &&
      !(await catalogueLookup.lockOwnMicrocredential(trx, access.org.id, options.microcredentialId))
    ) {
      const message = `${access.org.name} has no programme with this id: a voucher can name only your own programmes.`;
      throw new AppError('not_found', message, {
        fields: [{ field: 'microcredentialId', message: 'Not one of your programmes' }],
      });
    }
    return voucherStore.insertVoucher(trx, {
      orgId: access.org.id,
      code,
      microcredentialId: options.microcredentialId ?? null,
      maxRedemptions: options.maxRedemptions,
      expiresAt: options.expiresAt ?? null,
      createdBy: access.actor.kind === 'user' ? access.actor.userId : null,
    });
  });
  if (!row)
    throw new AppError('conflict', `The code ${code} is already in use.`, {
      fields: [{ field: 'code', message: 'Already in use' }],
    });
  return presentVoucher(row);
}
