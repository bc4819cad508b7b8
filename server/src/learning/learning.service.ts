import { createHash, randomBytes } from 'node:crypto';
import type { JsonObject } from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { issueCredentialAs, lifecycleOf } from '../issuance/issuance.service.js';
import { queueMail } from '../mail/queue-mail.js';
import { authorizeOrg, requireUser } from '../orgs/orgs.service.js';
import { findOrganizationById } from '../orgs/orgs.store.js';
import { eventActorOf, recordEvent } from '../events/record-event.js';
import { answerProblems, assignmentMaxPoints, gradeQuiz, scoreRubric, toLearnerQuestion, type Activity, type Assignment, type QuizAnswers } from './activities.js';
import { detectEvidenceType } from './evidence-file.js';
import { computeProgress } from './progress.js';
import * as store from './learning.store.js';

type Tx = Deps;

const notYours = () => new AppError('not_found', 'No enrolment with this id is yours.');

function activityOf(m: store.ModuleRow): Activity | null {
  return (m.activity as Activity | null) ?? null;
}

async function loadLearnerState(deps: Tx, enrollment: store.EnrollmentRow) {
  const [modules, completions, attempts, submissions] = await Promise.all([
    store.listModules(deps.db, enrollment.version_id),
    store.listCompletions(deps.db, enrollment.id),
    store.listAttempts(deps.db, enrollment.id),
    store.listSubmissionsOfEnrollment(deps.db, enrollment.id),
  ]);
  const progress = computeProgress({
    modules: modules.map((m) => ({ id: m.id, activity: activityOf(m) })),
    completedModuleIds: new Set(completions.map((c) => c.module_id)),
    attempts: attempts.map((a) => ({ moduleId: a.module_id, percent: a.percent, points: a.points, maxPoints: a.max_points, isPassed: a.is_passed })),
    submissions: submissions.map((s) => ({ moduleId: s.module_id, attemptNumber: s.attempt_number, status: s.status, points: s.points, maxPoints: s.max_points })),
    passMark: enrollment.pass_mark,
  });
  return { modules, completions, attempts, submissions, progress };
}

function imageUrl(deps: Deps, fileId: string | null) {
  return fileId ? new URL(`/api/v1/images/${fileId}`, deps.publicUrl).toString() : null;
}

/** Where to resume: the module last worked on while it is unfinished, else the first unfinished one. */
function resumeAt(e: store.EnrollmentRow, progress: { states: Map<string, string>; nextModuleId: string | null }): string | null {
  const last = e.last_module_id;
  if (last && progress.states.has(last) && progress.states.get(last) !== 'done') return last;
  return progress.nextModuleId;
}

function summaryOf(deps: Deps, e: store.EnrollmentRow, progress: { done: number; total: number; percent: number; nextModuleId: string | null; states: Map<string, string> }) {
  return {
    id: e.id,
    status: e.status,
    programme: { providerSlug: e.providerSlug, providerName: e.providerName, slug: e.slug, title: e.title, versionNumber: e.version_number, imageUrl: imageUrl(deps, e.image_file_id) },
    enrolledAt: e.enrolled_at,
    completedAt: e.completed_at,
    progress: { done: progress.done, total: progress.total, percent: progress.percent },
    nextModuleId: resumeAt(e, progress),
    credentialId: e.credential_row_id,
  };
}

function presentSubmission(s: store.SubmissionRow) {
  return {
    id: s.id,
    attemptNumber: s.attempt_number,
    status: s.status,
    text: s.text,
    link: s.link,
    file: s.file_id && s.fileName ? { name: s.fileName, mediaType: s.fileMediaType ?? 'application/octet-stream', size: s.fileSize ?? 0 } : null,
    submittedAt: s.submitted_at,
    reviewedAt: s.reviewed_at,
    feedback: s.feedback,
    points: s.points,
    maxPoints: s.max_points,
  };
}

async function detailOf(deps: Tx, e: store.EnrollmentRow) {
  const state = await loadLearnerState(deps, e);
  const modules = state.modules.map((m) => {
    const activity = activityOf(m);
    let learnerActivity = null;
    if (activity?.type === 'quiz') {
      const attempts = state.attempts.filter((a) => a.module_id === m.id);
      learnerActivity = {
        type: 'quiz' as const,
        passMark: activity.passMark,
        attemptsLimit: activity.attemptsLimit,
        attemptsUsed: attempts.length,
        bestPercent: attempts.length > 0 ? Math.max(...attempts.map((a) => a.percent)) : null,
        isPassed: attempts.some((a) => a.is_passed),
        questions: activity.questions.map(toLearnerQuestion),
      };
    } else if (activity?.type === 'assignment') {
      learnerActivity = {
        type: 'assignment' as const,
        instructions: activity.instructions,
        rubric: activity.rubric,
        evidence: activity.evidence,
        submissions: state.submissions.filter((s) => s.module_id === m.id).map(presentSubmission),
      };
    }
    return {
      id: m.id,
      position: m.position,
      title: m.title,
      content: m.content,
      links: (m.links as { url: string; title?: string; kind: 'link' | 'video' }[]) ?? [],
      estimatedMinutes: m.estimated_minutes,
      state: state.progress.states.get(m.id) ?? 'todo',
      activity: learnerActivity,
    };
  });
  return { ...summaryOf(deps, e, state.progress), modules, overall: { percent: state.progress.overallPercent, passMark: e.pass_mark } };
}

/** The learner's own enrolment, locked when it is about to change. */
async function ownEnrollment(deps: Tx, actor: Actor, id: string, options: { forUpdate?: boolean } = {}) {
  const user = requireUser(actor);
  const e = await store.findEnrollment(deps.db, id, options);
  if (!e || e.learner_id !== user.userId) throw notYours();
  return e;
}

function requireActive(e: store.EnrollmentRow) {
  if (e.status === 'withdrawn') throw new AppError('conflict', 'You withdrew from this programme. Enrol again to continue.');
  if (e.status === 'completed') throw new AppError('conflict', 'You have completed this programme; your credential is issued.');
}

async function moduleOf(deps: Tx, e: store.EnrollmentRow, moduleId: string) {
  const modules = await store.listModules(deps.db, e.version_id);
  const m = modules.find((x) => x.id === moduleId);
  if (!m) throw new AppError('not_found', 'This module is not part of the programme you are enrolled in.');
  return m;
}

export type EnrolOptions = { providerSlug: string; slug: string; voucherCode?: string };

/** Enrols the signed-in person in the latest published version of a programme. */
export async function enrol(deps: Deps, actor: Actor, options: EnrolOptions) {
  const user = requireUser(actor);
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const programme = await store.findListedProgramme(trx, options.providerSlug, options.slug);
    if (!programme) throw new AppError('not_found', 'No published programme at this address.');
    const existing = await store.findLiveEnrollment(trx, user.userId, programme.version_id);
    if (existing) {
      throw new AppError('conflict', 'You are already enrolled in this programme. Continue where you left off.', { fields: [{ field: 'enrolmentId', message: existing.id }] });
    }
    let voucherId: string | null = null;
    const isPaid = programme.cost_amount_minor !== null;
    if (isPaid || options.voucherCode) {
      const code = options.voucherCode?.trim().toUpperCase();
      if (!code) {
        throw new AppError('validation_failed', 'This programme is paid. Enter a voucher code from your employer or the provider; card payments are not part of Cairn yet.', {
          fields: [{ field: 'voucherCode', message: 'Required for a paid programme' }],
        });
      }
      const voucher = await store.lockVoucher(trx, programme.org_id, code);
      const bad = (message: string) => new AppError('validation_failed', message, { fields: [{ field: 'voucherCode', message }] });
      if (!voucher || (voucher.microcredential_id !== null && voucher.microcredential_id !== programme.microcredential_id)) throw bad('This voucher code is not valid for this programme.');
      if (voucher.expires_at && voucher.expires_at <= deps.clock()) throw bad('This voucher has expired.');
      if (voucher.redeemed >= voucher.max_redemptions) throw bad('This voucher has been used up.');
      await store.redeemVoucher(trx, voucher.id);
      voucherId = voucher.id;
    }
    const created = await store.insertEnrollment(trx, { orgId: programme.org_id, microcredentialId: programme.microcredential_id, versionId: programme.version_id, learnerId: user.userId, voucherId });
    if (!created) throw new AppError('conflict', 'You are already enrolled in this programme.');
    await recordEvent(tx, trx, {
      type: 'enrolment.created',
      orgId: programme.org_id,
      actor: eventActorOf(actor),
      data: { enrolmentId: created.id, learnerId: user.userId, microcredentialId: programme.microcredential_id },
    });
    const e = await store.findEnrollment(trx, created.id);
    return detailOf(tx, e!);
  });
}

export async function listMyLearning(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const rows = await store.listEnrollmentsOfLearner(deps.db, user.userId);
  const order = { active: 0, completed: 1, withdrawn: 2 } as const;
  const items = await Promise.all(
    rows.map(async (e) => {
      const state = await loadLearnerState(deps, e);
      return summaryOf(deps, e, state.progress);
    }),
  );
  return items.sort((a, b) => order[a.status] - order[b.status]);
}

export async function getEnrolment(deps: Deps, actor: Actor, id: string) {
  return detailOf(deps, await ownEnrollment(deps, actor, id));
}

export async function withdraw(deps: Deps, actor: Actor, id: string) {
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const e = await ownEnrollment(tx, actor, id, { forUpdate: true });
    requireActive(e);
    await store.setEnrollmentStatus(trx, e.id, 'withdrawn', deps.clock());
    const updated = await store.findEnrollment(trx, e.id);
    const state = await loadLearnerState(tx, updated!);
    return summaryOf(deps, updated!, state.progress);
  });
}

/** Marks a module without an activity as done. */
export async function completeModule(deps: Deps, actor: Actor, id: string, moduleId: string) {
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const e = await ownEnrollment(tx, actor, id, { forUpdate: true });
    requireActive(e);
    const m = await moduleOf(tx, e, moduleId);
    if (m.activity_type) throw new AppError('conflict', `This module is finished by passing its ${m.activity_type}, not by marking it done.`);
    await store.insertCompletion(trx, { enrollmentId: e.id, moduleId, orgId: e.org_id });
    await store.setLastModule(trx, e.id, moduleId);
    await completeIfFinished(tx, actor, e);
    return detailOf(tx, (await store.findEnrollment(trx, e.id))!);
  });
}

/**
 * Grades a quiz attempt on the server. The enrolment row is locked, so two submissions at
 * once are graded one after the other and cannot both use the last attempt.
 */
export async function submitQuizAttempt(deps: Deps, actor: Actor, id: string, moduleId: string, answers: QuizAnswers) {
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const e = await ownEnrollment(tx, actor, id, { forUpdate: true });
    requireActive(e);
    const m = await moduleOf(tx, e, moduleId);
    const quiz = activityOf(m);
    if (quiz?.type !== 'quiz') throw new AppError('conflict', 'This module has no quiz.');
    const problems = answerProblems(quiz, answers);
    if (problems.length > 0) throw new AppError('validation_failed', 'Some answers cannot be graded. See errors[].', { fields: problems });
    const previous = (await store.listAttempts(trx, e.id)).filter((a) => a.module_id === moduleId);
    if (previous.some((a) => a.is_passed)) throw new AppError('conflict', 'You have already passed this quiz.');
    if (quiz.attemptsLimit !== null && previous.length >= quiz.attemptsLimit) {
      throw new AppError('conflict', `You have used all ${quiz.attemptsLimit} attempts at this quiz. Contact the provider if you need another.`);
    }
    const grade = gradeQuiz(quiz, answers);
    const attemptNumber = previous.length + 1;
    await store.insertAttempt(trx, { orgId: e.org_id, enrollmentId: e.id, moduleId, attemptNumber, answers, points: grade.points, maxPoints: grade.maxPoints, percent: grade.percent, isPassed: grade.isPassed });
    if (grade.isPassed) await store.insertCompletion(trx, { enrollmentId: e.id, moduleId, orgId: e.org_id });
    await store.setLastModule(trx, e.id, moduleId);
    await completeIfFinished(tx, actor, e);
    const enrolment = await detailOf(tx, (await store.findEnrollment(trx, e.id))!);
    return {
      attemptNumber,
      percent: grade.percent,
      isPassed: grade.isPassed,
      attemptsLeft: quiz.attemptsLimit === null ? null : quiz.attemptsLimit - attemptNumber,
      questions: grade.questions,
      enrolment,
    };
  });
}

export type SubmissionInput = { text?: string; link?: string; file?: { filename: string; bytes: Buffer } };

export async function submitAssignment(deps: Deps, actor: Actor, id: string, moduleId: string, input: SubmissionInput) {
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const e = await ownEnrollment(tx, actor, id, { forUpdate: true });
    requireActive(e);
    const m = await moduleOf(tx, e, moduleId);
    const assignment = activityOf(m);
    if (assignment?.type !== 'assignment') throw new AppError('conflict', 'This module has no assignment.');
    const kinds = assignment.evidence.kinds;
    const problems: { field: string; message: string }[] = [];
    if (input.text && !kinds.includes('text')) problems.push({ field: 'text', message: 'This assignment does not take written evidence.' });
    if (input.link && !kinds.includes('link')) problems.push({ field: 'link', message: 'This assignment does not take links.' });
    if (input.file && !kinds.includes('file')) problems.push({ field: 'file', message: 'This assignment does not take files.' });
    if (!input.text && !input.link && !input.file) problems.push({ field: kinds[0] ?? 'text', message: `Add your evidence: ${kinds.join(', ')}.` });
    let mediaType: string | undefined;
    if (input.file && kinds.includes('file')) {
      const max = assignment.evidence.maxFileBytes ?? 0;
      if (input.file.bytes.length > max) problems.push({ field: 'file', message: `The file is larger than ${(max / 1024 / 1024).toFixed(1)} MB.` });
      const detected = detectEvidenceType(input.file.filename, input.file.bytes);
      if ('problem' in detected) problems.push({ field: 'file', message: detected.problem });
      else if (!assignment.evidence.fileTypes.includes(detected.mediaType)) problems.push({ field: 'file', message: `This assignment takes ${assignment.evidence.fileTypes.join(', ')} files.` });
      else mediaType = detected.mediaType;
    }
    if (problems.length > 0) throw new AppError('validation_failed', 'The submission cannot be accepted. See errors[].', { fields: problems });
    const previous = (await store.listSubmissionsOfEnrollment(trx, e.id)).filter((s) => s.module_id === moduleId);
    const latest = previous.at(-1);
    if (latest?.status === 'pending') throw new AppError('conflict', 'Your last submission is still waiting for review.');
    if (latest?.status === 'approved') throw new AppError('conflict', 'Your submission was already approved.');
    let fileId: string | null = null;
    if (input.file && mediaType) {
      const f = await store.insertEvidenceFile(trx, {
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
    const created = await store.insertSubmission(trx, { orgId: e.org_id, enrollmentId: e.id, moduleId, attemptNumber: previous.length + 1, text: input.text ?? null, link: input.link ?? null, fileId });
    await store.setLastModule(trx, e.id, moduleId);
    const all = await store.listSubmissionsOfEnrollment(trx, e.id);
    return presentSubmission(all.find((s) => s.id === created.id)!);
  });
}

export async function listReviewQueue(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'learning.review');
  const rows = await store.listReviewQueue(deps.db, org.id);
  return rows.map((r) => ({ id: r.id, submittedAt: r.submitted_at, attemptNumber: r.attempt_number, learner: { name: r.learnerName }, programme: { title: r.programmeTitle }, module: { id: r.moduleId, title: r.moduleTitle } }));
}

export async function getSubmissionForReview(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'learning.review');
  const s = await store.findSubmission(deps.db, org.id, id);
  if (!s) throw new AppError('not_found', 'No submission with this id in this organisation.');
  const assignment = s.activity as Assignment;
  return {
    ...presentSubmission(s),
    learner: { name: s.learnerName },
    programme: { title: s.programmeTitle },
    module: { id: s.module_id, title: s.moduleTitle },
    instructions: assignment.instructions,
    rubric: assignment.rubric,
    passPoints: assignment.passPoints,
    maxPoints: assignmentMaxPoints(assignment),
    scores: (s.scores as Record<string, string> | null) ?? null,
  };
}

export async function readSubmissionFile(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'learning.review');
  const s = await store.findSubmission(deps.db, org.id, id);
  if (!s?.file_id) throw new AppError('not_found', 'This submission has no file.');
  const f = await store.findEvidenceFile(deps.db, org.id, s.file_id);
  if (!f) throw new AppError('not_found', 'The file is no longer available.');
  return { filename: f.filename, mediaType: f.media_type, bytes: Buffer.from(f.bytes) };
}

export type ReviewOptions = { scores: Record<string, string>; feedback: string; decision: 'approve' | 'resubmit' };

/** Records an assessor's review; approving the last missing piece completes the programme. */
export async function reviewSubmission(deps: Deps, actor: Actor, slug: string, id: string, options: ReviewOptions) {
  const access = await authorizeOrg(deps, actor, slug, 'learning.review');
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const s = await store.findSubmission(trx, access.org.id, id, { forUpdate: true });
    if (!s) throw new AppError('not_found', 'No submission with this id in this organisation.');
    if (s.status !== 'pending') throw new AppError('conflict', `This submission was already reviewed (${s.status}).`);
    const e = await store.findEnrollment(trx, s.enrollment_id, { forUpdate: true });
    if (!e || e.status !== 'active') throw new AppError('conflict', 'The learner is no longer enrolled in this programme.');
    const score = scoreRubric(s.activity as Assignment, options.scores);
    if ('problems' in score) throw new AppError('validation_failed', 'Score every criterion of the rubric. See errors[].', { fields: score.problems });
    if (options.decision === 'approve' && !score.isPassing) {
      throw new AppError('validation_failed', `These scores do not reach the pass level (${score.points} of ${score.maxPoints} points). Ask for a resubmission, or revise the scores.`, { fields: [{ field: 'decision', message: 'Below the pass level' }] });
    }
    await store.saveReview(trx, s.id, {
      status: options.decision === 'approve' ? 'approved' : 'resubmit',
      scores: options.scores,
      points: score.points,
      maxPoints: score.maxPoints,
      feedback: options.feedback,
      reviewerId: access.actor.kind === 'user' ? access.actor.userId : null,
      now: deps.clock(),
    });
    if (options.decision === 'approve') {
      await store.insertCompletion(trx, { enrollmentId: e.id, moduleId: s.module_id, orgId: e.org_id });
      await completeIfFinished(tx, actor, e);
    }
    await recordEvent(tx, trx, {
      type: 'submission.reviewed',
      orgId: e.org_id,
      actor: eventActorOf(actor),
      data: { submissionId: s.id, enrolmentId: e.id, learnerId: e.learner_id, decision: options.decision },
    });
    const updated = (await store.listSubmissionsOfEnrollment(trx, e.id)).find((x) => x.id === s.id)!;
    return presentSubmission(updated);
  });
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * Issues the credential when the learner has finished, in the caller's transaction (the
 * enrolment row is locked): exactly once, since the enrolment is then completed and the issue
 * uses the enrolment as its idempotency key. `actor` finished it: the learner, or the assessor
 * approving the last assignment.
 */
async function completeIfFinished(deps: Tx, actor: Actor, locked: store.EnrollmentRow) {
  const e = (await store.findEnrollment(deps.db, locked.id))!;
  if (e.status !== 'active') return;
  const state = await loadLearnerState(deps, e);
  if (!state.progress.isComplete) return;
  const org = await findOrganizationById(deps.db, e.org_id);
  const learner = await store.findUserEmail(deps.db, e.learner_id);
  const achievement = e.achievement as JsonObject;
  const achievementId = typeof achievement.id === 'string' ? achievement.id : '';
  const now = deps.clock();
  const results: JsonObject[] = [];
  if (state.progress.overallPercent !== null) {
    results.push({ type: ['Result'], resultDescription: `${achievementId}#result-overall`, value: String(state.progress.overallPercent), status: 'Completed' });
  }
  const evidence: JsonObject[] = [];
  for (const m of state.modules) {
    const activity = activityOf(m);
    if (activity?.type === 'quiz') {
      const best = Math.max(...state.attempts.filter((a) => a.module_id === m.id).map((a) => a.percent));
      results.push({ type: ['Result'], resultDescription: `${achievementId}#result-${m.id}`, value: String(best), status: 'Completed' });
    } else if (activity?.type === 'assignment') {
      const approved = state.submissions.filter((s) => s.module_id === m.id && s.status === 'approved').at(-1);
      if (approved) {
        results.push({ type: ['Result'], resultDescription: `${achievementId}#result-${m.id}`, value: String(approved.points ?? 0), status: 'Completed' });
        evidence.push({
          type: ['Evidence'],
          ...(approved.link ? { id: approved.link } : {}),
          name: `Assignment: ${m.title}`,
          ...(approved.text ? { narrative: approved.text.slice(0, 4000) } : {}),
          description: `Assessed against the rubric: ${approved.points ?? 0} of ${approved.max_points ?? 0} points.`,
        });
      }
    }
  }
  const issued = await issueCredentialAs(
    deps,
    { id: org!.id, slug: org!.slug, name: org!.name, roles: org!.roles, did: org!.did, createdAt: org!.created_at },
    { actor: eventActorOf(actor), userId: e.learner_id },
    {
      credential: {
        name: typeof achievement.name === 'string' ? achievement.name : e.title,
        ...(e.validity_months ? { validUntil: addMonths(now, e.validity_months).toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
        credentialSubject: {
          type: ['AchievementSubject'],
          achievement,
          activityStartDate: e.enrolled_at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          activityEndDate: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          ...(results.length > 0 ? { result: results } : {}),
        },
        ...(evidence.length > 0 ? { evidence } : {}),
      },
      recipientEmail: learner.email,
      // Linked to the account only if its email is verified; otherwise when it is.
      recipientUserId: e.learner_id,
      idempotencyKey: `enrollment:${e.id}`,
      context: { kind: 'completion', microcredentialId: e.microcredential_id },
    },
  );
  await store.setEnrollmentStatus(deps.db, e.id, 'completed', now, issued.id);
  // Only this programme's credential is issued here (one organisation's status list is locked);
  // pathways the learner now completes are awarded by the consumers of these events.
  await recordEvent(deps, deps.db, {
    type: 'enrolment.completed',
    orgId: e.org_id,
    actor: eventActorOf(actor),
    data: { enrolmentId: e.id, learnerId: e.learner_id, microcredentialId: e.microcredential_id, credentialId: issued.id },
  });
  await queueMail(deps, deps.db, {
    to: learner.email,
    orgId: e.org_id,
    subject: `Your credential for ${e.title} is ready`,
    text: `Congratulations, ${learner.name}!\n\nYou completed ${e.title} with ${org!.name}. Your signed credential is here:\n\n${issued.credentialId}\n\nShare the link, download the badge or add it to your LinkedIn profile from that page.\n${
      learner.email_verified_at
        ? ''
        : `\nIt joins My credentials (and counts toward your pathways) once you confirm ${learner.email}: open the link Cairn mailed you when you signed up, or log in and ask for a new one.\n`
    }`,
  });
}

export async function listMyCredentials(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const rows = await store.listCredentialsOfRecipient(deps.db, user.userId);
  const now = deps.clock();
  return rows.map((r) => ({
    id: r.id,
    achievementName: r.achievement_name,
    issuedAt: r.issued_at,
    status: lifecycleOf(r, now),
    verifiableCredential: r.format === 'jwt' ? r.document : (JSON.parse(r.document) as JsonObject),
    issuer: { name: r.issuerName, did: r.issuerDid },
    credentialUrl: r.credential_id,
  }));
}

export async function listVouchers(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'vouchers.manage');
  const rows = await store.listVouchers(deps.db, org.id);
  return rows.map((v) => ({ id: v.id, code: v.code, microcredentialId: v.microcredential_id, maxRedemptions: v.max_redemptions, redeemed: v.redeemed, expiresAt: v.expires_at }));
}

export async function createVoucher(deps: Deps, actor: Actor, slug: string, options: { code?: string; microcredentialId?: string; maxRedemptions: number; expiresAt?: Date }) {
  const access = await authorizeOrg(deps, actor, slug, 'vouchers.manage');
  const code = (options.code ?? randomBytes(6).toString('hex')).toUpperCase();
  const row = await transaction(deps.db, async (trx) => {
    // A voucher unlocks a programme for free, so it may name only this organisation's own. Another
    // organisation's programme answers like a missing one, so its existence is not revealed.
    if (options.microcredentialId && !(await store.lockOwnMicrocredential(trx, access.org.id, options.microcredentialId))) {
      const message = `${access.org.name} has no programme with this id: a voucher can name only your own programmes.`;
      throw new AppError('not_found', message, { fields: [{ field: 'microcredentialId', message: 'Not one of your programmes' }] });
    }
    return store.insertVoucher(trx, {
      orgId: access.org.id,
      code,
      microcredentialId: options.microcredentialId ?? null,
      maxRedemptions: options.maxRedemptions,
      expiresAt: options.expiresAt ?? null,
      createdBy: access.actor.kind === 'user' ? access.actor.userId : null,
    });
  });
  if (!row) throw new AppError('conflict', `The code ${code} is already in use.`, { fields: [{ field: 'code', message: 'Already in use' }] });
  return { id: row.id, code: row.code, microcredentialId: row.microcredential_id, maxRedemptions: row.max_redemptions, redeemed: row.redeemed, expiresAt: row.expires_at };
}

export async function getLearningStats(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'org.read');
  const s = await store.learningStats(deps.db, org.id);
  const decided = s.totals.completed + s.totals.withdrawn + s.totals.active;
  return {
    enrolments: s.totals.enrolments,
    active: s.totals.active,
    completed: s.totals.completed,
    withdrawn: s.totals.withdrawn,
    completionRate: decided === 0 ? null : s.totals.completed / decided,
    medianDaysToComplete: s.totals.medianSeconds === null ? null : s.totals.medianSeconds / 86_400,
    reviewQueue: s.reviewQueue,
    byProgramme: s.byProgramme.map((p) => ({ microcredentialId: p.microcredential_id, title: p.title, enrolments: p.enrolments, completed: p.completed })),
    quizzes: s.quizzes.map((q) => ({ moduleId: q.module_id, title: q.title, programme: q.programme, attempts: q.attempts, passRate: q.passRate })),
    enrolmentsByWeek: s.weekly,
  };
}
