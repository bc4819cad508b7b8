import { Anchor, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconAward } from '@tabler/icons-react';
import { Link } from 'react-router';
import { isAnyAwardPending } from './award-polling';
import { myPathwayPath } from './pathway-format';
import { useCredentialPathways, useRefreshWhenAwarded } from './pathways-api';

/**
 * On the learning page once a programme is completed: the pathways its credential counts
 * toward. A pathway it completes is awarded in the background; until then it reads "Issuing
 * your credential…" and the list is asked again every 1.5 s, so the award appears without a
 * reload. Nothing is shown when the credential counts toward no pathway (or is not yet the
 * learner's, before they confirm their email).
 */
export function CompletionPathways({ credentialId }: { credentialId: string }) {
  const pathways = useCredentialPathways(credentialId, { isEnabled: true });
  const items = Array.isArray(pathways.data?.items) ? pathways.data.items : [];
  const isPending = isAnyAwardPending(items);
  useRefreshWhenAwarded(isPending);
  if (items.length === 0) return null;
  return (
    // Rendered inside the completion notice, a live region (role="status"): the award is announced when it arrives.
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        {isPending ? 'Issuing your credential…' : 'Toward your pathways'}
      </Text>
      <List size="sm" spacing={4} listStyleType="none" p={0}>
        {items.map((p) => (
          <List.Item key={p.id}>
            <Group gap={6} wrap="wrap">
              {p.isAwardPending ? (
                <Loader size={14} color="teal" aria-hidden />
              ) : p.awarded ? (
                <IconAward size={16} color="var(--mantine-color-teal-8)" aria-hidden />
              ) : null}
              <Anchor component={Link} to={myPathwayPath(p.id)} size="sm">
                {p.name}
              </Anchor>
              <Text span size="sm">
                {p.awarded
                  ? p.isSuspended
                    ? 'awarded, suspended'
                    : 'awarded: your pathway credential is ready'
                  : p.isAwardPending
                    ? 'complete: issuing your pathway credential…'
                    : `${p.progress.done} of ${p.progress.required} done`}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
