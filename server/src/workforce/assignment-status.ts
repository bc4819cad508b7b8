/** Where an assignment stands, from the learner's enrolment in the programme (if they share with the employer). */
export type AssignmentStatus = 'assigned' | 'in_progress' | 'overdue' | 'completed' | 'not_shared';

export function assignmentStatusOf(
  a: { dueAt: Date; isShared: boolean },
  enrolment: { status: 'active' | 'completed' | 'withdrawn'; completedAt: Date | null } | undefined,
  now: Date,
): AssignmentStatus {
  if (!a.isShared) return 'not_shared';
  if (enrolment?.status === 'completed') return 'completed';
  if (a.dueAt.getTime() < now.getTime()) return 'overdue';
  if (enrolment?.status === 'active') return 'in_progress';
  return 'assigned';
}
