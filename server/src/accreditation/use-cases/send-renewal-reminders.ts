import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { recordEvent } from '../../events/record-event.js';
import { accreditationMail, mailProvider } from '../accreditation-mail.js';
import * as accreditations from '../stores/accreditation.store.js';

export type RenewalScan = { reminded: number; lapsed: number };

const DAY_MS = 24 * 3600 * 1000;

/**
 * The scheduled renewal work (queue `accreditationRenewals`, daily): mails the provider 60 and
 * 14 days before an accreditation expires, and marks those whose validity has ended as expired
 * (status history, catalogue refresh). Each reminder is marked sent in the transaction that
 * queues its mail, so a re-run or a second server sends nothing twice; one that comes inside
 * 14 days for the first time gets the 14-day mail only.
 */
export async function sendRenewalReminders(deps: Deps, options: { batchSize?: number } = {}): Promise<RenewalScan> {
  const batchSize = options.batchSize ?? 100;
  const scan: RenewalScan = { reminded: 0, lapsed: 0 };
  for (const mark of [14, 60] as const) {
    for (;;) {
      const done = await transaction(deps.db, async (trx) => {
        const now = deps.clock();
        const due = await accreditations.lockDueReminders(trx, now, mark, batchSize);
        for (const row of due) {
          const view = (await accreditations.findAccreditationView(trx, row.id))!;
          await mailProvider(
            deps,
            trx,
            row.subject_org_id,
            accreditationMail('reminder', {
              accreditorName: view.accreditor_name,
              schemeName: view.scheme_name,
              subjectName:
                view.subject_type === 'programme'
                  ? (view.programme_title ?? view.programme_slug ?? 'Programme')
                  : view.provider_name,
              providerSlug: view.provider_slug,
              validUntil: row.valid_until,
              publicUrl: deps.publicUrl,
              daysLeft: Math.max(1, Math.ceil((row.valid_until!.getTime() - now.getTime()) / DAY_MS)),
            }),
          );
          await accreditations.markReminderSent(trx, row.id, mark, now);
          // The 14-day mail makes the 60-day one pointless.
          if (mark === 14 && row.reminder_60_sent_at === null)
            await accreditations.markReminderSent(trx, row.id, 60, now);
        }
        return due.length;
      });
      scan.reminded += done;
      if (done < batchSize) break;
    }
  }
  for (;;) {
    const done = await transaction(deps.db, async (trx) => {
      const now = deps.clock();
      const lapsed = await accreditations.lockLapsed(trx, now, batchSize);
      for (const row of lapsed) {
        await accreditations.setAccreditationStatus(trx, row, {
          status: 'expired',
          reason: 'Validity ended',
          at: row.valid_until!,
        });
        await recordEvent(deps, trx, {
          type: 'accreditation.changed',
          orgId: row.accreditor_org_id,
          actor: { kind: 'system', reason: 'accreditation expiry scan' },
          data: { accreditationId: row.id, subjectOrgId: row.subject_org_id, status: 'expired' },
        });
      }
      return lapsed.length;
    });
    scan.lapsed += done;
    if (done < batchSize) break;
  }
  return scan;
}
