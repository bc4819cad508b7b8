import type { Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { statusView } from '../credential-lifecycle.js';
import * as store from '../credentials.store.js';

/** A credential as stored, for its public URL (unguessable id). */
export async function getCredentialDocument(deps: Deps, id: string) {
  const row = await store.findCredential(deps.db, id);
  if (!row) throw new AppError('not_found', 'No credential with this id.');
  return { format: row.format, document: row.document, status: statusView(row, deps.clock()) };
}
