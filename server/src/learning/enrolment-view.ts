import type { Deps } from '../deps.js';
import { assessmentViewOf } from './quiz-policy.js';
import { activityOf, progressOf } from './learner-state.js';
import type { EnrolmentRow } from './stores/enrolment.store.js';
import type { SubmissionRow } from './stores/submission.store.js';
import type { Progress } from './progress.js';

function imageUrl(deps: Deps, fileId: string | null) {
  return fileId ? new URL(`/api/v1/images/${fileId}`, deps.publicUrl).toString() : null;
}

/** Where to resume: the module last worked on while it is unfinished, else the first unfinished one. */
function resumeAt(e: EnrolmentRow, progress: Progress): string | null {
  const last = e.last_module_id;
  if (last && progress.states.has(last) && progress.states.get(last) !== 'done') return last;
  return progress.nextModuleId;
}

function summaryWith(deps: Deps, e: EnrolmentRow, progress: Progress) {
  return {
    id: e.id,
    status: e.status,
    programme: {
      providerSlug: e.providerSlug,
      providerName: e.providerName,
      slug: e.slug,
      title: e.title,
      versionNumber: e.version_number,
      imageUrl: imageUrl(deps, e.image_file_id),
    },
    enrolledAt: e.enrolled_at,
    completedAt: e.completed_at,
    progress: { done: progress.done, total: progress.total, percent: progress.percent },
    nextModuleId: resumeAt(e, progress),
    credentialId: e.credential_row_id,
  };
}

/** An enrolment as listed in My learning. */
export function summaryOf(deps: Deps, e: EnrolmentRow) {
  return summaryWith(deps, e, progressOf(e));
}

export function presentSubmission(s: SubmissionRow) {
  return {
    id: s.id,
    attemptNumber: s.attempt_number,
    status: s.status,
    text: s.text,
    link: s.link,
    file:
      s.file_id && s.fileName
        ? { name: s.fileName, mediaType: s.fileMediaType ?? 'application/octet-stream', size: s.fileSize ?? 0 }
        : null,
    submittedAt: s.submitted_at,
    reviewedAt: s.reviewed_at,
    feedback: s.feedback,
    points: s.points,
    maxPoints: s.max_points,
  };
}

/** An enrolment with every module as the learner sees it (never quiz answers). */
export function detailOf(deps: Deps, e: EnrolmentRow) {
  const progress = progressOf(e);
  const modules = e.modules.map((m) => {
    const activity = activityOf(m);
    let learnerActivity = null;
    if (activity?.type === 'quiz') {
      const attempts = e.attempts.filter((a) => a.module_id === m.id);
      learnerActivity = {
        type: 'quiz' as const,
        passMark: activity.passMark,
        attemptsLimit: activity.attemptsLimit,
        attemptsUsed: attempts.length,
        bestPercent: attempts.length > 0 ? Math.max(...attempts.map((a) => a.percent)) : null,
        isPassed: attempts.some((a) => a.is_passed),
        ...assessmentViewOf(activity),
      };
    } else if (activity?.type === 'assignment') {
      learnerActivity = {
        type: 'assignment' as const,
        instructions: activity.instructions,
        rubric: activity.rubric,
        evidence: activity.evidence,
        submissions: e.submissions.filter((s) => s.module_id === m.id).map(presentSubmission),
      };
    }
    return {
      id: m.id,
      position: m.position,
      title: m.title,
      content: m.content,
      links: (m.links as { url: string; title?: string; kind: 'link' | 'video' }[]) ?? [],
      estimatedMinutes: m.estimated_minutes,
      state: progress.states.get(m.id) ?? 'todo',
      activity: learnerActivity,
    };
  });
  return {
    ...summaryWith(deps, e, progress),
    modules,
    overall: { percent: progress.overallPercent, passMark: e.pass_mark },
  };
}

export type EnrolmentDetail = ReturnType<typeof detailOf>;
