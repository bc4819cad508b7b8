import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBook2, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useMicrocredentials } from '../features/authoring/authoring-api';
import { NewMicrocredentialModal } from '../features/authoring/new-microcredential-modal';
import { MicrocredentialStatusBadge } from '../features/authoring/status';
import { useOrg } from '../features/orgs/orgs-api';

/** Roles that may author (the server checks again). */
const canAuthor = (role: string | undefined) => role === 'owner' || role === 'admin' || role === 'author';

/** `/o/:slug/programmes`: the provider's micro-credentials, drafts and published. */
export default function ProgrammesPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const list = useMicrocredentials(slug);
  const [isNewOpen, newModal] = useDisclosure(false);
  usePageTitle(org ? `Programmes of ${org.name}` : 'Programmes');
  if (!org) return null;
  const isAuthor = canAuthor(org.myRole);
  const newButton = isAuthor ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={newModal.open}>
      New micro-credential
    </Button>
  ) : null;

  let body;
  if (list.isPending) body = <PageLoader label="Loading programmes" />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.length === 0) {
    body = (
      <EmptyState icon={<IconBook2 size={28} />} title="No micro-credentials yet" action={newButton}>
        Write a short programme: modules, outcomes, skills and an assessment. Publishing lists it in the catalogue and
        makes it an Open Badges achievement.
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={400}>
        <Table verticalSpacing="sm" aria-labelledby="programmes-heading" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Title</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Versions</Table.Th>
              <Table.Th visibleFrom="sm">Changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((mc) => (
              <Table.Tr key={mc.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/o/${slug}/programmes/${mc.id}`} fw={600}>
                    {mc.title || mc.slug}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {mc.slug}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <MicrocredentialStatusBadge status={mc.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {mc.publishedVersion ? `v${mc.publishedVersion.versionNumber} live` : 'Not published'}
                    {mc.latestVersion.status === 'draft' ? ` · v${mc.latestVersion.versionNumber} draft` : ''}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{dayjs(mc.updatedAt).format('D MMM YYYY')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={720}>
          <Title order={1} id="programmes-heading">
            Programmes
          </Title>
          <Text c="dimmed">Micro-credentials {org.name} authors. A published version is frozen; edit a new draft to change it.</Text>
        </Stack>
        {list.data && list.data.length > 0 ? newButton : null}
      </Group>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} bg="white">
        {body}
      </Paper>
      <NewMicrocredentialModal orgSlug={slug} opened={isNewOpen} onClose={newModal.close} />
    </Stack>
  );
}
