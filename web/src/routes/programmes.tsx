import { Anchor, Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBook2, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { ListPage } from '../components/list-page';
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

  return (
    <ListPage
      title="Programmes"
      titleId="programmes-heading"
      maw={720}
      description={`Micro-credentials ${org.name} authors. A published version is frozen; edit a new draft to change it.`}
      primaryAction={newButton}
      query={list}
      loadingLabel="Loading programmes"
      empty={{
        icon: <IconBook2 size={28} />,
        title: 'No micro-credentials yet',
        description:
          'Write a short programme: modules, outcomes, skills and an assessment. Publishing lists it in the catalogue and makes it an Open Badges achievement.',
      }}
      padding={{ base: 'sm', sm: 'lg' }}
      dialogs={<NewMicrocredentialModal orgSlug={slug} opened={isNewOpen} onClose={newModal.close} />}
      table={{
        rowKey: (mc) => mc.id,
        minWidth: 400,
        highlightOnHover: true,
        columns: [
          {
            header: 'Title',
            cell: (mc) => (
              <>
                <Anchor component={Link} to={`/o/${slug}/programmes/${mc.id}`} fw={600}>
                  {mc.title || mc.slug}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {mc.slug}
                </Text>
              </>
            ),
          },
          { header: 'Status', cell: (mc) => <MicrocredentialStatusBadge status={mc.status} /> },
          {
            header: 'Versions',
            cell: (mc) => (
              <Text size="sm">
                {mc.publishedVersion ? `v${mc.publishedVersion.versionNumber} live` : 'Not published'}
                {mc.latestVersion.status === 'draft' ? ` · v${mc.latestVersion.versionNumber} draft` : ''}
              </Text>
            ),
          },
          {
            header: 'Changed',
            visibleFrom: 'sm',
            cell: (mc) => <Text size="sm">{dayjs(mc.updatedAt).format('D MMM YYYY')}</Text>,
          },
        ],
      }}
    />
  );
}
