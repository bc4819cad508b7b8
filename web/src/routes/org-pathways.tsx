import { Anchor, Badge, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconRoute } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import type { Column } from '../components/data-table';
import { ListPage } from '../components/list-page';
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

  const columns: Column<OrgPathwayListItem>[] = [
    {
      header: 'Name',
      cell: (p) => (
        <>
          <Anchor component={Link} to={`/o/${slug}/pathways/${p.id}`} fw={600}>
            {p.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {p.slug}
          </Text>
        </>
      ),
    },
    { header: 'Status', cell: (p) => <StatusBadges pathway={p} /> },
    { header: 'Learners', align: 'right', cell: (p) => p.learners.toLocaleString() },
    { header: 'Awarded', align: 'right', cell: (p) => p.awarded.toLocaleString() },
    {
      header: 'Created',
      visibleFrom: 'sm',
      cell: (p) => <Text size="sm">{dayjs(p.createdAt).format('D MMM YYYY')}</Text>,
    },
    {
      header: <VisuallyHidden>Public page</VisuallyHidden>,
      visibleFrom: 'sm',
      cell: (p) =>
        p.publishedVersion !== null ? (
          <Anchor component={Link} to={pathwayPath(p.id)} size="sm" aria-label={`Public page of ${p.name}`}>
            Public page
          </Anchor>
        ) : null,
    },
  ];

  return (
    <ListPage
      title="Pathways"
      titleId="pathways-heading"
      maw={720}
      description={`Qualifications ${org.name} awards for a stack of credentials. A published version is frozen; learners keep the version they started on.`}
      primaryAction={newButton}
      query={list}
      loadingLabel="Loading pathways"
      empty={{
        icon: <IconRoute size={28} />,
        title: 'No pathways yet',
        description:
          'Stack micro-credentials into a qualification: yours, other providers’ or credentials earned elsewhere, in “all of” and “n of m” groups. Cairn awards it, with a record of every credential in the stack, the moment a learner meets it.',
      }}
      padding={{ base: 'sm', sm: 'lg' }}
      dialogs={
        <NewPathwayModal
          orgSlug={slug}
          opened={isNewOpen}
          onClose={newModal.close}
          takenSlugs={list.data?.map((p) => p.slug) ?? []}
        />
      }
      table={{
        columns: columns,
        rowKey: (p) => p.id,
        minWidth: 420,
        highlightOnHover: true,
      }}
    />
  );
}
