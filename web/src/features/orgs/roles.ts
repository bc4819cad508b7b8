import type { MemberRole, OrgRole } from '../../api/types';

export const ORG_ROLES: { value: OrgRole; label: string; description: string }[] = [
  {
    value: 'provider',
    label: 'Training provider',
    description: 'Authors micro-credentials, assesses learners and issues signed credentials.',
  },
  {
    value: 'employer',
    label: 'Employer',
    description: 'Defines role skill profiles, sponsors training and checks verified skills.',
  },
  {
    value: 'accreditor',
    label: 'Accrediting body',
    description: 'Reviews providers and programmes and grants verifiable accreditation.',
  },
  {
    value: 'partner',
    label: 'Industry partner',
    description: 'Co-develops programmes and endorses them with a signed endorsement.',
  },
];

export const orgRoleLabel = (role: OrgRole): string => ORG_ROLES.find((r) => r.value === role)?.label ?? role;

export const MEMBER_ROLES: { value: MemberRole; label: string; description: string }[] = [
  { value: 'owner', label: 'Owner', description: 'Everything, including deleting the organisation.' },
  { value: 'admin', label: 'Admin', description: 'Manages members, settings and API keys.' },
  { value: 'author', label: 'Author', description: 'Writes and publishes programmes.' },
  { value: 'assessor', label: 'Assessor', description: 'Reviews learner evidence.' },
  { value: 'manager', label: 'Manager', description: 'Follows a team and assigns training.' },
  { value: 'viewer', label: 'Viewer', description: 'Reads, without changing anything.' },
];

export const memberRoleLabel = (role: MemberRole): string => MEMBER_ROLES.find((r) => r.value === role)?.label ?? role;

const rank: Record<MemberRole, number> = { owner: 6, admin: 5, author: 4, assessor: 3, manager: 2, viewer: 1 };

export const isAdminRole = (role: MemberRole | undefined): boolean => role === 'owner' || role === 'admin';

/** Roles a member with `myRole` may hand out: never above their own. */
export const grantableRoles = (myRole: MemberRole) => MEMBER_ROLES.filter((r) => rank[r.value] <= rank[myRole]);

/** Organisation roles that may issue credentials (the server refuses the others). */
export const ISSUING_ORG_ROLES: readonly OrgRole[] = ['provider', 'accreditor', 'partner'];

export const isIssuingOrg = (roles: readonly OrgRole[] | undefined): boolean =>
  (roles ?? []).some((role) => ISSUING_ORG_ROLES.includes(role));

/** Members who may issue a credential in an issuing organisation. */
export const canIssueCredentials = (role: MemberRole | undefined): boolean =>
  role === 'owner' || role === 'admin' || role === 'author' || role === 'assessor';
