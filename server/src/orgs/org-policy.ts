import type { MemberRole } from '../db/schema.js';

/**
 * What each membership role may do in its organisation. The single table authorisation
 * reads; areas add their actions here as they arrive.
 */
export const permissions = {
  'org.read': ['owner', 'admin', 'author', 'assessor', 'manager', 'viewer'],
  'org.update': ['owner', 'admin'],
  'members.read': ['owner', 'admin', 'author', 'assessor', 'manager', 'viewer'],
  'members.manage': ['owner', 'admin'],
  'apiKeys.manage': ['owner', 'admin'],
  'audit.read': ['owner', 'admin'],
  'webhooks.manage': ['owner', 'admin'],
  'keys.manage': ['owner', 'admin'],
  'credentials.read': ['owner', 'admin', 'author', 'assessor', 'manager', 'viewer'],
  'credentials.issue': ['owner', 'admin', 'author', 'assessor'],
  'credentials.changeStatus': ['owner', 'admin'],
  'candidates.verify': ['owner', 'admin', 'manager'],
  'learning.review': ['owner', 'admin', 'assessor'],
  'vouchers.manage': ['owner', 'admin'],
  'skills.import': ['owner', 'admin', 'author'],
  'catalog.read': ['owner', 'admin', 'author', 'assessor', 'manager', 'viewer'],
  'catalog.author': ['owner', 'admin', 'author'],
  'catalog.publish': ['owner', 'admin', 'author'],
  'pathways.read': ['owner', 'admin', 'author', 'assessor', 'manager', 'viewer'],
  'pathways.author': ['owner', 'admin', 'author'],
  'pathways.publish': ['owner', 'admin', 'author'],
  'endorsements.manage': ['owner', 'admin'],
  'codevelopment.participate': ['owner', 'admin', 'author'],
  'reviews.moderate': ['owner', 'admin', 'author'],
  'community.manage': ['owner', 'admin', 'author'],
  'community.moderate': ['owner', 'admin', 'author', 'assessor'],
  'workforce.read': ['owner', 'admin', 'manager'],
  'workforce.manage': ['owner', 'admin', 'manager'],
  'accreditation.read': ['owner', 'admin', 'author', 'assessor', 'manager', 'viewer'],
  'accreditation.apply': ['owner', 'admin', 'author'],
  'accreditation.review': ['owner', 'admin', 'assessor'],
  'accreditation.manage': ['owner', 'admin'],
} as const satisfies Record<string, readonly MemberRole[]>;

export type OrgAction = keyof typeof permissions;

export function can(role: MemberRole, action: OrgAction): boolean {
  return (permissions[action] as readonly MemberRole[]).includes(role);
}

const rank: Record<MemberRole, number> = { owner: 4, admin: 3, author: 2, assessor: 2, manager: 2, viewer: 1 };

/** Whether someone holding `granter` may hand out `granted` (to a member, an invitation or an API key). */
export function canGrant(granter: MemberRole, granted: MemberRole): boolean {
  if (granted === 'owner') return granter === 'owner';
  return rank[granter] >= 3 && rank[granter] >= rank[granted];
}
