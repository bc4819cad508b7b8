/** Headings for the event checkboxes, by the part of the type before the dot. */
const GROUP_LABELS: Record<string, string> = {
  credential: 'Credentials',
  enrolment: 'Enrolments',
  submission: 'Submissions',
  pathway: 'Pathways',
  organization: 'Organisation',
  wallet: 'Learner wallets',
  member: 'Members',
  'api-key': 'API keys',
  webhook: 'Webhooks',
};

export type EventGroup = { key: string; label: string; types: string[] };

/** Groups event types (`credential.issued`, …) by area, in the order the server lists them. */
export function groupEventTypes(types: readonly string[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const type of types) {
    const key = type.split('.')[0] ?? type;
    const group = groups.get(key) ?? { key, label: GROUP_LABELS[key] ?? key, types: [] };
    group.types.push(type);
    groups.set(key, group);
  }
  return [...groups.values()];
}
