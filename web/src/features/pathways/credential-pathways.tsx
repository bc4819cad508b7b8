import { Anchor, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session';
import { isAnyAwardPending } from './award-polling';
import { myPathwayPath } from './pathway-format';
import { useCredentialPathways, useRefreshWhenAwarded } from './pathways-api';
import type { MyPathway } from './pathways-types';
import { Section } from '../../components/section';

/** Where the learner stands on a pathway, in a few words. */
export function pathwayStanding(p: MyPathway): string {
  if (p.awarded) return p.isSuspended ? 'awarded, suspended' : 'awarded';
  if (p.isAwardPending) return 'issuing your credential…';
  return `${p.progress.done} of ${p.progress.required} done`;
}

/**
 * On a credential's page, for its holder: the pathways it counts toward. Shows nothing to anyone
 * else (the server answers 404 for a credential that is not yours) or when it counts toward none.
 */
export function CredentialPathways({ credentialId }: { credentialId: string }) {
  const { session } = useSession();
  const pathways = useCredentialPathways(credentialId, { isEnabled: Boolean(session) });
  const items = Array.isArray(pathways.data?.items) ? pathways.data.items : [];
  useRefreshWhenAwarded(isAnyAwardPending(items));
  if (items.length === 0) return null;
  return (
    <Section frame="card" gap="xs" title="Counts toward" titleId="credential-pathways-heading">
      <List size="sm" spacing={4}>
        {items.map((p) => (
          <List.Item key={p.id}>
            <Group gap={6} wrap="wrap">
              <Anchor component={Link} to={myPathwayPath(p.id)} size="sm">
                {p.name}
              </Anchor>
              <Text span size="xs" c="dimmed">
                {pathwayStanding(p)}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
