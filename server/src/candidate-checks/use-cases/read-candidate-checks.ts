import type { Actor, Deps } from '../../deps.js';
import { csvCell } from '../../audit/audit-csv.js';
import type { CandidateItemStatus } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import { authorizeCandidateChecks } from '../candidate-check-access.js';
import * as store from '../candidate-checks.store.js';

export type CandidateItemView = {
  position: number;
  name: string;
  source: 'file' | 'url';
  candidateEmail: string | null;
  status: CandidateItemStatus;
  reason: string | null;
  holder: string | null;
  issuer: string | null;
  achievement: string | null;
  skills: { name: string; url: string | null }[];
};

export type CandidateCheckView = {
  id: string;
  status: store.CheckRow['status'];
  total: number;
  done: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  deleteAfter: Date;
  counts: Partial<Record<CandidateItemStatus, number>>;
};

const notFound = () => new AppError('not_found', 'No candidate check with this id in this organisation.');

function checkView(row: store.CheckRow, items: store.ItemRow[] = []): CandidateCheckView {
  const counts: CandidateCheckView['counts'] = {};
  for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1;
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    done: row.done,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    deleteAfter: row.delete_after,
    counts,
  };
}

function itemView(row: store.ItemRow): CandidateItemView {
  return {
    position: row.position,
    name: row.name,
    source: row.source,
    candidateEmail: row.candidate_email,
    status: row.status,
    reason: row.reason,
    holder: row.holder,
    issuer: row.issuer,
    achievement: row.achievement,
    skills: Array.isArray(row.skills) ? (row.skills as CandidateItemView['skills']) : [],
  };
}

async function checkOf(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org } = await authorizeCandidateChecks(deps, actor, slug);
  const check = await store.findCheck(deps.db, org.id, id);
  if (!check) throw notFound();
  return { orgId: org.id, check };
}

/** One check with its progress and every item's outcome so far. */
export async function getCandidateCheck(deps: Deps, actor: Actor, slug: string, id: string) {
  const { orgId, check } = await checkOf(deps, actor, slug, id);
  const items = await store.listItems(deps.db, orgId, id);
  return { ...checkView(check, items), items: items.map(itemView) };
}

/** The organisation's checks, newest first (50). */
export async function listCandidateChecks(deps: Deps, actor: Actor, slug: string): Promise<CandidateCheckView[]> {
  const { org } = await authorizeCandidateChecks(deps, actor, slug);
  return (await store.listChecks(deps.db, org.id, 50)).map((row) => checkView(row));
}

const STATUS_LABELS: Record<CandidateItemStatus, string> = {
  pending: 'not checked yet',
  valid: 'valid',
  expired: 'expired',
  revoked: 'revoked',
  suspended: 'suspended',
  signature_invalid: 'signature invalid',
  issuer_unknown: 'issuer unknown',
  not_addressed_to_candidate: 'not addressed to the candidate',
  unverifiable: 'could not be verified',
};

/** The report as CSV (UTF-8 with BOM for spreadsheets): one line per credential. */
export async function candidateCheckReportCsv(deps: Deps, actor: Actor, slug: string, id: string): Promise<string> {
  const { orgId } = await checkOf(deps, actor, slug, id);
  const items = (await store.listItems(deps.db, orgId, id)).map(itemView);
  const line = (cells: (string | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  const header = line(['file', 'holder', 'issuer', 'achievement', 'status', 'skills evidenced', 'reason']);
  const rows = items.map((item) =>
    line([
      item.name,
      item.holder,
      item.issuer,
      item.achievement,
      STATUS_LABELS[item.status],
      item.skills.map((s) => s.name).join('; '),
      item.reason,
    ]),
  );
  return `\uFEFF${header}${rows.join('')}`;
}
