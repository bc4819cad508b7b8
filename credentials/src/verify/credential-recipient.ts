// The recipient check of a credential: it names the expected email.
import { identityMatches } from '../model/identity.js';
import type { Report } from './credential-report.js';
import type { SignedFacts } from './signed-meaning.js';

export function checkRecipient(facts: SignedFacts, email: string, report: Report): void {
  const identities = facts.subjects.flatMap((s) => s.identifiers);
  if (identities.length === 0) {
    report.add('recipient', 'Belongs to this person', 'failed', 'The credential does not name its recipient by email');
    return;
  }
  if (identities.some((identity) => identityMatches(identity, email))) {
    report.add('recipient', 'Belongs to this person', 'passed', `Issued to ${email.trim()}`);
  } else {
    report.add('recipient', 'Belongs to this person', 'failed', `Not issued to ${email.trim()}`);
  }
}
