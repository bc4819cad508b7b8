import { createHash } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import type { Assignment } from '../activities.js';
import { presentSubmission } from '../enrolment-view.js';
import { detectEvidenceType } from '../evidence-file.js';
import { activityOf } from '../learner-state.js';
import * as enrolmentStore from '../stores/enrolment.store.js';
import * as submissionStore from '../stores/submission.store.js';
import { moduleOf, ownEnrolment, requireActive } from '../own-enrolment.js';

export type SubmissionInput = { text?: string; link?: string; file?: { filename: string; bytes: Buffer } };

/** What is wrong with the evidence for this assignment, and the file's detected media type. */
function checkEvidence(assignment: Assignment, input: SubmissionInput) {
  const kinds = assignment.evidence.kinds;
  const problems: { field: string; message: string }[] = [];
  if (input.text && !kinds.includes('text'))
    problems.push({ field: 'text', message: 'This assignment does not take written evidence.' });
  if (input.link && !kinds.includes('link'))
    problems.push({ field: 'link', message: 'This assignment does not take links.' });
  if (input.file && !kinds.includes('file'))
    problems.push({ field: 'file', message: 'This assignment does not take files.' });
  if (!input.text && !input.link && !input.file)
    problems.push({ field: kinds[0] ?? 'text', message: `Add your evidence: ${kinds.join(', ')}.` });
  let mediaType: string | undefined;
  if (input.file && kinds.includes('file')) {
    const max = assignment.evidence.maxFileBytes ?? 0;
    if (input.file.bytes.length > max)
      problems.push({ field: 'file', message: `The file is larger than ${(max / 1024 / 1024).toFixed(1)} MB.` });
    const detected = detectEvidenceType(input.file.filename, input.file.bytes);
    if ('problem' in detected) problems.push({ field: 'file', message: detected.problem });
    else if (!assignment.evidence.fileTypes.includes(detected.mediaType))
      problems.push({
        field: 'file',
        message: `This assignment takes ${assignment.evidence.fileTypes.join(', ')} files.`,
      });
    else mediaType = detected.mediaType;
  }
  return { problems, mediaType };
}

export async function submitAssignment(deps: Deps, actor: Actor, id: string, moduleId: string, input: SubmissionInput) {
  return transaction(deps.db, async (trx) => {
    const e = await ownEnrolment({ ...deps, db: trx }, actor, id, { forUpdate: true });
    requireActive(e);
    const assignment = activityOf(moduleOf(e, moduleId));
    if (assignment?.type !== 'assignment') throw new AppError('conflict', 'This module has no assignment.');
    const { problems, mediaType } = checkEvidence(assignment, input);
    if (problems.length > 0)
      throw new AppError('validation_failed', 'The submission cannot be accepted. See errors[].', { fields: problems });
    const previous = e.submissions.filter((s) => s.module_id === moduleId);
    const latest = previous.at(-1);
    if (latest?.status === 'pending')
      throw new AppError('conflict', 'Your last submission is still waiting for review.');
    if (latest?.status === 'approved') throw new AppError('conflict', 'Your submission was already approved.');
    let fileId: string | null = null;
    if (input.file && mediaType) {
      const f = await submissionStore.insertEvidenceFile(trx, {
        orgId: e.org_id,
        learnerId: e.learner_id,
        filename: input.file.filename.slice(0, 200),
        mediaType,
        size: input.file.bytes.length,
        sha256: createHash('sha256').update(input.file.bytes).digest('hex'),
        bytes: input.file.bytes,
      });
      fileId = f.id;
    }
    const created = await submissionStore.insertSubmission(trx, {
      orgId: e.org_id,
      enrolmentId: e.id,
      moduleId,
      attemptNumber: previous.length + 1,
      text: input.text ?? null,
      link: input.link ?? null,
      fileId,
    });
    await enrolmentStore.setLastModule(trx, e.id, moduleId);
    const all = await submissionStore.listSubmissionsOfEnrolment(trx, e.id);
    return presentSubmission(all.find((s) => s.id === created.id)!);
  });
}
