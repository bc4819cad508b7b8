import type { Deps } from '../deps.js';
import type { Db } from '../db/transaction.js';
import { queueMail } from '../mail/queue-mail.js';
import { listOrganizationAdminEmails } from './stores/provider-lookup.store.js';

export type AccreditationMailFacts = {
  accreditorName: string;
  schemeName: string;
  subjectName: string;
  providerSlug: string;
  validUntil: Date | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The text of each mail a provider receives about an accreditation. Pure. */
export function accreditationMail(
  kind: 'decided' | 'suspended' | 'reinstated' | 'withdrawn' | 'reminder',
  facts: AccreditationMailFacts & { publicUrl: URL; status?: string; reason?: string | null; daysLeft?: number },
): { subject: string; text: string } {
  const page = new URL(`/orgs/${facts.providerSlug}/accreditation`, facts.publicUrl).toString();
  const what = `${facts.subjectName} under “${facts.schemeName}”`;
  const because = facts.reason ? `\n\nReason given: ${facts.reason}` : '';
  switch (kind) {
    case 'decided':
      return {
        subject: `${facts.accreditorName} decided your application: ${facts.status}`.slice(0, 250),
        text: `Hello,\n\n${facts.accreditorName} decided the application for ${what}: ${facts.status}.${because}\n\nSee the decision and the signed accreditation here:\n\n${page}\n`,
      };
    case 'suspended':
      return {
        subject: `${facts.accreditorName} suspended the accreditation of ${facts.subjectName}`.slice(0, 250),
        text: `Hello,\n\n${facts.accreditorName} suspended the accreditation of ${what}. Verifiers now see it as suspended until it is reinstated.${because}\n\n${page}\n`,
      };
    case 'reinstated':
      return {
        subject: `${facts.accreditorName} reinstated the accreditation of ${facts.subjectName}`.slice(0, 250),
        text: `Hello,\n\n${facts.accreditorName} reinstated the accreditation of ${what}.\n\n${page}\n`,
      };
    case 'withdrawn':
      return {
        subject: `${facts.accreditorName} withdrew the accreditation of ${facts.subjectName}`.slice(0, 250),
        text: `Hello,\n\n${facts.accreditorName} withdrew the accreditation of ${what}. Verifiers now see it as revoked; this cannot be undone — apply again to be reconsidered.${because}\n\n${page}\n`,
      };
    case 'reminder':
      return {
        subject: `Accreditation of ${facts.subjectName} expires in ${facts.daysLeft} days`.slice(0, 250),
        text: `Hello,\n\nThe accreditation of ${what} by ${facts.accreditorName} expires on ${facts.validUntil ? day(facts.validUntil) : '(no date)'}, in ${facts.daysLeft} days. Apply for renewal from your accreditation page; the renewal carries the history of your earlier applications:\n\n${page}\n`,
      };
  }
}

/** Queues one mail per owner and admin of the provider, in the transaction of the change. */
export async function mailProvider(
  deps: Pick<Deps, 'jobs'>,
  db: Db,
  providerOrgId: string,
  mail: { subject: string; text: string },
): Promise<void> {
  for (const to of await listOrganizationAdminEmails(db, providerOrgId)) {
    await queueMail(deps, db, { to, subject: mail.subject, text: mail.text, orgId: providerOrgId });
  }
}
