import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useOrg } from '../features/orgs/orgs-api';
import { NewPathwayModal } from '../features/pathways/new-pathway-modal';
import { useOrgPathways, type OrgPathwayListItem } from '../features/pathways/pathway-editor-api';
import { pathwayPath } from '../features/pathways/pathway-format';

/** Roles that may build pathways (the server checks again). */
const canAuthor = (role: string | undefined) => role === 'owner' || role === 'admin' || role === 'author';

function StatusBadges({ pathway: p }: { pathway: OrgPathwayListItem }) {
  return (
    <Group gap={6}>
      {p.publishedVersion !== null ? (
        <Badge color="teal" variant="light">
          Version {p.publishedVersion} published
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          Not published
        </Badge>
      )}
      {p.hasDraft ? (
        <Badge color="blue" variant="outline">
          Draft
        </Badge>
      ) : null}
    </Group>
  );
}

/** `/o/:slug/pathways`: the provider's pathways, drafts and published. */
export default function OrgPathwaysPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const list = useOrgPathways(slug);
  const [isNewOpen, newModal] = useDisclosure(false);
  usePageTitle(org ? `Pathways of ${org.name}` : 'Pathways');
  if (!org) return null;
  const newButton = canAuthor(org.myRole) ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={newModal.open}>
      New pathway
    </Button>
  ) : null;

  let body;
  if (list.isPending) body = <PageLoader label="Loading pathways" />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.length === 0) {
    body = (
      <EmptyState icon={<IconRoute size={28} />} title="No pathways yet" action={newButton}>
        Stack micro-credentials into a qualification: yours, other providers’ or credentials earned elsewhere, in
        “all of” and “n of m” groups. Cairn awards it, with a record of every credential in the stack, the moment a
        learner meets it.
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="sm" aria-labelledby="pathways-heading" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Learners</Table.Th>
              <Table.Th ta="right">Awarded</Table.Th>
              <Table.Th visibleFrom="sm">Created</Table.Th>
              <Table.Th visibleFrom="sm">
                <VisuallyHidden>Public page</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/o/${slug}/pathways/${p.id}`} fw={600}>
                    {p.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {p.slug}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadges pathway={p} />
                </Table.Td>
                <Table.Td ta="right">{p.learners.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{p.awarded.toLocaleString()}</Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{dayjs(p.createdAt).format('D MMM YYYY')}</Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  {p.publishedVersion !== null ? (
                    <Anchor component={Link} to={pathwayPath(p.id)} size="sm" aria-label={`Public page of ${p.name}`}>
                      Public page
                    </Anchor>
                  ) : null}
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
          <Title order={1} id="pathways-heading">
            Pathways
          </Title>
          <Text c="dimmed">Qualifications {org.name} awards for a stack of credentials. A published version is frozen; learners keep the version they started on.</Text>
        </Stack>
        {list.data && list.data.length > 0 ? newButton : null}
      </Group>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} bg="white">
        {body}
      </Paper>
      <NewPathwayModal orgSlug={slug} opened={isNewOpen} onClose={newModal.close} takenSlugs={list.data?.map((p) => p.slug) ?? []} />
    </Stack>
  );
}
