/** Enrolments and submissions as the API answers them: dates as ISO text. */
import { iso, isoOrNull } from '../../http/schemas.js';
import type { getEnrolment } from '../use-cases/get-enrolment.js';

type Dated = { enrolledAt: Date; completedAt: Date | null };
export function presentSummary<T extends Dated>(e: T) {
  return { ...e, enrolledAt: iso(e.enrolledAt), completedAt: isoOrNull(e.completedAt) };
}
type SubmissionDates = { submittedAt: Date; reviewedAt: Date | null };
export function presentSubmission<T extends SubmissionDates>(s: T) {
  return { ...s, submittedAt: iso(s.submittedAt), reviewedAt: isoOrNull(s.reviewedAt) };
}
export function presentDetail(d: Awaited<ReturnType<typeof getEnrolment>>) {
  return {
    ...presentSummary(d),
    modules: d.modules.map((m) => ({
      ...m,
      activity:
        m.activity?.type === 'assignment'
          ? { ...m.activity, submissions: m.activity.submissions.map(presentSubmission) }
          : m.activity,
    })),
  };
}
