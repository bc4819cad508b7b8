import { createHash } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { detectEvidenceType } from '../../learning/evidence-file.js';
import { requireUser } from '../../orgs/orgs.service.js';
import type { CpdCategory } from '../cpd-record.js';
import * as store from '../stores/cpd.store.js';

export type CpdActivityInput = {
  date: string;
  title: string;
  hours: number;
  category: CpdCategory;
  evidenceLink?: string | undefined;
  evidenceFileId?: string | undefined;
  /** Reflection: what I learned. */
  learned: string;
  /** Reflection: how I will apply it. */
  application: string;
};

/** Logs a self-directed (or structured) activity the learner did, with its reflection and evidence. */
export async function logCpdActivity(deps: Deps, actor: Actor, input: CpdActivityInput): Promise<{ id: string }> {
  const user = requireUser(actor);
  const today = deps.clock().toISOString().slice(0, 10);
  if (input.date > today)
    throw new AppError('validation_failed', 'Log activities you have done.', {
      fields: [{ field: 'date', message: 'The date is in the future' }],
    });
  if (input.evidenceFileId && !(await store.hasEvidenceFile(deps.db, user.userId, input.evidenceFileId)))
    throw new AppError('validation_failed', 'That evidence file is not one of yours.', {
      fields: [{ field: 'evidenceFileId', message: 'Upload the file first' }],
    });
  const id = await store.insertSelfEntry(deps.db, user.userId, {
    date: input.date,
    title: input.title.trim(),
    hours: input.hours,
    category: input.category,
    evidenceLink: input.evidenceLink ?? null,
    evidenceFileId: input.evidenceFileId ?? null,
    learned: input.learned.trim(),
    application: input.application.trim(),
  });
  return { id };
}

export const MAX_CPD_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Stores an evidence file for a self-logged activity; its bytes must match its name. */
export async function uploadCpdEvidence(
  deps: Deps,
  actor: Actor,
  file: { filename: string; bytes: Uint8Array },
): Promise<{ id: string; filename: string; mediaType: string }> {
  const user = requireUser(actor);
  if (file.bytes.length === 0) throw new AppError('validation_failed', 'The file is empty.');
  const type = detectEvidenceType(file.filename, file.bytes);
  if ('problem' in type) throw new AppError('unsupported_media_type', type.problem);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const id = await store.insertEvidenceFile(deps.db, user.userId, {
    filename: file.filename,
    mediaType: type.mediaType,
    bytes: file.bytes,
    sha256,
  });
  return { id, filename: file.filename, mediaType: type.mediaType };
}

export async function deleteCpdActivity(deps: Deps, actor: Actor, id: string): Promise<void> {
  const user = requireUser(actor);
  if (!(await store.deleteSelfEntry(deps.db, user.userId, id)))
    throw new AppError('not_found', 'No self-logged activity with this id is yours.');
}
