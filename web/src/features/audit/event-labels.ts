/** The event types an audit log may hold, as people read them (the server's `EVENT_TYPES`). */
export const AUDIT_EVENT_TYPES: { value: string; label: string; group: string }[] = [
  { value: 'credential.issued', label: 'Credential issued', group: 'Credentials' },
  { value: 'credential.revoked', label: 'Credential revoked', group: 'Credentials' },
  { value: 'credential.suspended', label: 'Credential suspended', group: 'Credentials' },
  { value: 'credential.reinstated', label: 'Credential reinstated', group: 'Credentials' },
  { value: 'credential.expired', label: 'Credential expired', group: 'Credentials' },
  { value: 'enrolment.created', label: 'Enrolment', group: 'Learning' },
  { value: 'enrolment.completed', label: 'Programme completed', group: 'Learning' },
  { value: 'submission.reviewed', label: 'Submission reviewed', group: 'Learning' },
  { value: 'pathway.published', label: 'Pathway published', group: 'Learning' },
  { value: 'pathway.awarded', label: 'Pathway awarded', group: 'Learning' },
  { value: 'wallet.status-changed', label: 'Wallet credential changed', group: 'Learning' },
  { value: 'organization.updated', label: 'Organisation changed', group: 'Organisation' },
  { value: 'accreditation.changed', label: 'Accreditation changed', group: 'Organisation' },
  { value: 'member.added', label: 'Member added', group: 'Organisation' },
  { value: 'member.removed', label: 'Member removed', group: 'Organisation' },
  { value: 'member.role-changed', label: 'Member role changed', group: 'Organisation' },
  { value: 'api-key.created', label: 'API key created', group: 'Organisation' },
  { value: 'api-key.revoked', label: 'API key revoked', group: 'Organisation' },
  { value: 'webhook.created', label: 'Webhook added', group: 'Webhooks' },
  { value: 'webhook.updated', label: 'Webhook changed', group: 'Webhooks' },
  { value: 'webhook.deleted', label: 'Webhook deleted', group: 'Webhooks' },
  { value: 'webhook.disabled', label: 'Webhook disabled', group: 'Webhooks' },
  { value: 'webhook.test', label: 'Webhook test', group: 'Webhooks' },
];

export const auditEventLabel = (type: string): string => AUDIT_EVENT_TYPES.find((t) => t.value === type)?.label ?? type;
