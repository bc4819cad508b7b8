import type { Db } from '../db/transaction.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { authorizeOrg, type OrgAccess, type OrgView } from '../orgs/orgs.service.js';
import * as store from './microcredentials.store.js';

// Who may author a provider's micro-credentials, loading what they ask for, and the errors when it is not there or is frozen.

export function userIdOf(access: OrgAccess): string | null {
  return access.actor.kind === 'user' ? access.actor.userId : null;
}

export function requireProvider(org: OrgView) {
  if (!org.roles.includes('provider')) {
    throw new AppError(
      'forbidden',
      `${org.name} is not a provider organisation, so it cannot author micro-credentials. An owner can add the provider role in the organisation's settings.`,
    );
  }
}

export const notFound = () => new AppError('not_found', 'No micro-credential with this id in this organisation.');

export const versionNotFound = () => new AppError('not_found', 'No version with this id for this micro-credential.');

function frozen(v: { version_number: number }) {
  return new AppError(
    'conflict',
    `Version ${v.version_number} is published and cannot change. Create a new draft (POST …/drafts) and edit that instead.`,
  );
}

export async function loadMicrocredential(deps: Deps, org: OrgView, id: string) {
  const mc = await store.findMicrocredential(deps.db, org.id, id);
  if (!mc) throw notFound();
  return mc;
}

/** Locks a draft of this organisation's micro-credential for a change; 409 when it is published. */
export async function lockDraft(db: Db, org: OrgView, id: string, versionId: string) {
  const mc = await store.findMicrocredential(db, org.id, id);
  if (!mc) throw notFound();
  const v = await store.findVersion(db, org.id, id, versionId, { forUpdate: true });
  if (!v) throw versionNotFound();
  if (v.status !== 'draft') throw frozen(v);
  return v;
}

export async function authorAccess(deps: Deps, actor: Actor, orgSlug: string) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'catalog.author');
  requireProvider(access.org);
  return access;
}

export const moduleNotFound = () => new AppError('not_found', 'No module with this id in this version.');
