import type { Actor, Deps } from '../../deps.js';
import type { MemberRole } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { email as emailSchema, memberRole } from '../../http/schemas.js';
import { normaliseEmail } from '../../identity/identity.service.js';
import { findUserById } from '../../identity/identity.store.js';
import { readCsv } from '../../issuance/bulk/bulk-input.js';
import type { RowError } from '../../issuance/bulk/bulk-rows.js';
import { hashToken, randomToken } from '../../lib/tokens.js';
import { queueMails } from '../../mail/queue-mails.js';
import { authorizeOrg, requireUser } from '../org-access.js';
import { canGrant } from '../org-policy.js';
import * as store from '../orgs.store.js';

/** Most people one CSV invites. */
export const MAX_INVITATION_ROWS = 1000;
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const COLUMNS = ['email', 'role', 'name'];
const DEFAULT_ROLE: MemberRole = 'viewer';

/** What happens to a good row: a new invitation, or nothing because it is already done. */
export type InvitationRowOutcome = 'invite' | 'already_invited' | 'already_member';

export type InvitationRow = {
  line: number;
  email: string;
  role: MemberRole;
  name: string | null;
  outcome: InvitationRowOutcome;
};

export type InvitationPreview = {
  rows: InvitationRow[];
  errors: RowError[];
  total: number;
  valid: number;
  invalid: number;
};

/**
 * Reads a CSV of people to invite (header `email`, optional `role` and `name`) and says, line by
 * line, what confirming would do: invite, or skip someone already invited with that role or
 * already a member. Bad emails, unknown roles, roles above the inviter's own and repeated emails
 * are errors with their line numbers.
 */
async function checkCsv(deps: Deps, actor: Actor, slug: string, csv: string) {
  const access = await authorizeOrg(deps, actor, slug, 'members.manage');
  const user = requireUser(actor);
  const records = readCsv(csv, MAX_INVITATION_ROWS);
  const errors: RowError[] = [...records.errors];
  const header = records.header.map((h) => h.toLowerCase());
  if (records.header.length > 0) {
    if (!header.includes('email'))
      errors.push({
        line: 1,
        column: 'email',
        message: 'The CSV needs an “email” column (and may have “role” and “name”).',
      });
    for (const column of header.filter((h) => !COLUMNS.includes(h)))
      errors.push({ line: 1, column, message: `Unknown column “${column}”: use email, role and name.` });
  }
  const members = new Set((await store.listMembers(deps.db, access.org.id)).map((m) => m.email.toLowerCase()));
  const pending = new Map(
    (await store.listPendingInvitations(deps.db, access.org.id, deps.clock())).map((i) => [
      i.email.toLowerCase(),
      i.role,
    ]),
  );
  const seen = new Map<string, number>();
  const rows: InvitationRow[] = [];
  if (errors.length === 0) {
    for (const { line, cells } of records.records) {
      const raw = (cells.email ?? '').trim();
      const address = normaliseEmail(raw);
      const roleText = (cells.role ?? '').trim().toLowerCase();
      const role = roleText === '' ? DEFAULT_ROLE : memberRole.safeParse(roleText).data;
      const rowErrors: RowError[] = [];
      if (raw === '') rowErrors.push({ line, column: 'email', message: 'The email is missing.' });
      else if (!emailSchema.safeParse(address).success)
        rowErrors.push({ line, column: 'email', message: `“${raw}” is not an email address.` });
      else if (seen.has(address))
        rowErrors.push({ line, column: 'email', message: `${address} is already on line ${seen.get(address)}.` });
      if (!role)
        rowErrors.push({
          line,
          column: 'role',
          message: `“${roleText}” is not a role: use ${memberRole.options.join(', ')}.`,
        });
      else if (!canGrant(access.role, role))
        rowErrors.push({
          line,
          column: 'role',
          message: `Your role (${access.role}) cannot invite someone as ${role}.`,
        });
      if (rowErrors.length > 0 || !role) {
        errors.push(...rowErrors);
        continue;
      }
      seen.set(address, line);
      const outcome: InvitationRowOutcome = members.has(address)
        ? 'already_member'
        : pending.get(address) === role
          ? 'already_invited'
          : 'invite';
      rows.push({ line, email: address, role, name: cells.name?.trim().slice(0, 200) || null, outcome });
    }
  }
  return { access, userId: user.userId, rows, errors };
}

/** What confirming this CSV would do, line by line; sends nothing. */
export async function previewInvitationsCsv(
  deps: Deps,
  actor: Actor,
  slug: string,
  csv: string,
): Promise<InvitationPreview> {
  const { rows, errors } = await checkCsv(deps, actor, slug, csv);
  const invalid = new Set(errors.map((e) => e.line)).size;
  return { rows, errors: errors.slice(0, 1000), total: rows.length + invalid, valid: rows.length, invalid };
}

/**
 * Invites everyone of the CSV who is neither a member nor already invited with that role, in one
 * transaction with their mails (outbox). A CSV with any bad line is refused whole, with the
 * line numbers; sending the same CSV again invites nobody twice.
 */
export async function inviteMembersFromCsv(deps: Deps, actor: Actor, slug: string, csv: string) {
  const { access, userId, rows, errors } = await checkCsv(deps, actor, slug, csv);
  if (errors.length > 0)
    throw new AppError(
      'validation_failed',
      `Nobody was invited: line ${errors[0]!.line}: ${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problems; see errors[])` : ''}`,
      {
        fields: errors
          .slice(0, 200)
          .map((e) => ({ field: 'file', line: e.line, ...(e.column ? { column: e.column } : {}), message: e.message })),
      },
    );
  const inviter = await findUserById(deps.db, userId);
  const from = inviter?.name ?? 'A colleague';
  const now = deps.clock();
  const toInvite = rows.filter((r) => r.outcome === 'invite');
  const invited = await transaction(deps.db, async (trx) => {
    const created = [];
    for (const row of toInvite) {
      // A pending invitation with another role is replaced, as inviting one person again does.
      await store.revokePendingInvitationsFor(trx, access.org.id, row.email, now);
      const token = randomToken();
      const inv = await store.insertInvitation(trx, {
        orgId: access.org.id,
        email: row.email,
        role: row.role,
        tokenHash: hashToken(token),
        invitedBy: userId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      });
      created.push({ row, inv, acceptUrl: new URL(`/invitations/${token}`, deps.publicUrl).toString() });
    }
    await queueMails(
      deps,
      trx,
      created.map(({ row, acceptUrl }) => ({
        to: row.email,
        orgId: access.org.id,
        subject: `${from} invited you to ${access.org.name} on Cairn`,
        text: `Hello${row.name ? ` ${row.name}` : ''},\n\n${from} invited you to join ${access.org.name} on Cairn as ${row.role}.\nAccept within 7 days:\n\n${acceptUrl}\n`,
      })),
    );
    return created;
  });
  return {
    invited: invited.map(({ row, inv }) => ({
      line: row.line,
      id: inv.id,
      email: inv.email,
      role: inv.role,
      expiresAt: inv.expires_at,
    })),
    skipped: rows.flatMap((r) => (r.outcome === 'invite' ? [] : [{ line: r.line, email: r.email, reason: r.outcome }])),
  };
}
