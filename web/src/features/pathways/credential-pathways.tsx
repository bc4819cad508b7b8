import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, seg } from '../../api/client';
import type { Items } from '../../api/types';
import { useSession } from '../auth/use-session';
import { myPathwayPath } from './pathway-format';
import type { MyPathway } from './pathways-types';

/**
 * On a credential's page, for its holder: the pathways it counts toward. Shows nothing to anyone
 * else (the server answers 404 for a credential that is not yours) or when it counts toward none.
 */
export function CredentialPathways({ credentialId }: { credentialId: string }) {
  const { session } = useSession();
  const pathways = useQuery({
    queryKey: ['me', 'credential-pathways', credentialId],
    queryFn: ({ signal }) => api.get<Items<MyPathway>>(`/api/v1/me/credentials/${seg(credentialId)}/pathways`, signal),
    enabled: Boolean(session),
    retry: false,
  });
  const items = Array.isArray(pathways.data?.items) ? pathways.data.items : [];
  if (items.length === 0) return null;
  return (
    <Card bg="white" component="section" aria-labelledby="credential-pathways-heading">
      <Stack gap="xs">
        <Title order={2} fz="lg" id="credential-pathways-heading">
          Counts toward
        </Title>
        <List size="sm" spacing={4}>
          {items.map((p) => (
            <List.Item key={p.id}>
              <Group gap={6} wrap="wrap">
                <Anchor component={Link} to={myPathwayPath(p.id)} size="sm">
                  {p.name}
                </Anchor>
                <Text span size="xs" c="dimmed">
                  {p.awarded ? (p.isSuspended ? 'awarded, suspended' : 'awarded') : `${p.progress.done} of ${p.progress.required} done`}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
