import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import * as store from './credentials.store.js';

export type ExpiryScan = { recorded: number };

/**
 * Records `credential.expired` once for every credential whose validity has ended (the
 * scheduled job `credentialExpiry`). Expiry changes no row by itself, so without this scan no
 * consumer would hear of it. Each batch is one transaction: its events, their consumers' jobs
 * and the mark that they were recorded commit together, so a retried scan never repeats one.
 */
export async function recordExpiredCredentials(deps: Deps, options: { batchSize?: number } = {}): Promise<ExpiryScan> {
  const batchSize = options.batchSize ?? 200;
  const scan: ExpiryScan = { recorded: 0 };
  for (;;) {
    const now = deps.clock();
    const recorded = await transaction(deps.db, async (trx) => {
      const due = await store.lockExpiredWithoutEvent(trx, now, batchSize);
      for (const row of due) {
        await recordEvent(deps, trx, {
          type: 'credential.expired',
          orgId: row.org_id,
          actor: { kind: 'system', reason: 'credential expiry scan' },
          data: {
            credentialId: row.id,
            recipientUserId: row.recipient_user_id,
            expiredAt: row.valid_until!.toISOString(),
          },
        });
      }
      await store.markExpiryRecorded(
        trx,
        due.map((r) => r.id),
        now,
      );
      return due.length;
    });
    scan.recorded += recorded;
    if (recorded < batchSize) return scan;
  }
}
