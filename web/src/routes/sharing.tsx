import { Badge, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingSkyscraper } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { ListContent } from '../components/list-page';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import { useMyCredentials } from '../features/learning/learning-api';
import { useWallet } from '../features/pathways/pathways-api';
import { PrivateProgrammes } from '../features/workforce/private-programmes';
import { SelfAssessments } from '../features/workforce/self-assessments';
import { type Share, useMySharing, useShare, useWithdrawSharing } from '../features/workforce/workforce-api';
import { Section } from '../components/section';

type Held = { id: string; name: string; from: string };

function ShareCard({ share, held }: { share: Share; held: Held[] }) {
  const shareMutation = useShare();
  const withdraw = useWithdrawSharing();
  const [isChoosing, setChoosing] = useState(false);
  const [chosen, setChosen] = useState<string[]>(Array.isArray(share.credentials) ? share.credentials : []);
  const headingId = `share-${share.orgSlug}`;
  const save = (credentials: 'all' | string[]) =>
    shareMutation.mutate(
      { orgSlug: share.orgSlug, credentials },
      {
        onSuccess: () => {
          setChoosing(false);
          notifications.show({ title: 'Sharing saved', message: `${share.orgName} now sees what you chose.` });
        },
        onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) }),
      },
    );
  const status =
    share.credentials === null
      ? { label: 'Not shared', color: 'gray' }
      : share.credentials === 'all'
        ? { label: 'All credentials', color: 'teal' }
        : { label: `${share.credentials.length} chosen`, color: 'blue' };
  return (
    <Section
      frame="paper"
      title={share.orgName}
      titleId={headingId}
      actions={
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
      }
    >
      <Text size="sm" c="dimmed">
        {share.credentials === null
          ? `${share.orgName} sees none of your credentials or skills. Share to appear in its skills reports.`
          : `${share.orgName} sees the skills your shared credentials prove, while they verify. You can stop at any time.`}
      </Text>
      {isChoosing ? (
        <Checkbox.Group label="Credentials to share" value={chosen} onChange={setChosen}>
          <Stack gap={6} mt="xs">
            {held.length === 0 ? <Text size="sm">You hold no credentials yet.</Text> : null}
            {held.map((h) => (
              <Checkbox key={h.id} value={h.id} label={`${h.name} (${h.from})`} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : null}
      <Group gap="sm">
        {isChoosing ? (
          <>
            <Button onClick={() => save(chosen)} loading={shareMutation.isPending}>
              Share the chosen ones
            </Button>
            <Button variant="default" onClick={() => setChoosing(false)}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button
              onClick={() => save('all')}
              loading={shareMutation.isPending}
              disabled={share.credentials === 'all'}
            >
              Share all my credentials
            </Button>
            <Button variant="default" onClick={() => setChoosing(true)}>
              Choose credentials
            </Button>
            {share.credentials !== null ? (
              <Button
                variant="subtle"
                color="red"
                loading={withdraw.isPending}
                onClick={() =>
                  withdraw.mutate(share.orgSlug, {
                    onSuccess: () =>
                      notifications.show({
                        title: 'Sharing stopped',
                        message: `${share.orgName} sees nothing of yours now.`,
                      }),
                    onError: (error) =>
                      notifications.show({ color: 'red', title: 'Not stopped', message: errorMessage(error) }),
                  })
                }
              >
                Stop sharing
              </Button>
            ) : null}
          </>
        )}
      </Group>
      {share.credentials !== null ? <SelfAssessments orgSlug={share.orgSlug} orgName={share.orgName} /> : null}
    </Section>
  );
}

/** The learner's consent page: what each employer they belong to may see. */
export default function SharingPage() {
  usePageTitle('Sharing');
  const sharing = useMySharing();
  const credentials = useMyCredentials();
  const wallet = useWallet();
  const held: Held[] = [
    ...(credentials.data ?? []).map((c) => ({
      id: c.id,
      name: c.achievementName ?? 'Credential',
      from: c.issuer.name ?? 'Cairn',
    })),
    ...(wallet.data ?? []).map((w) => ({
      id: w.id,
      name: w.achievementName ?? 'Credential',
      from: w.issuer.name ?? 'Wallet',
    })),
  ];
  return (
    <Stack gap="xl">
      <PageHeader
        title="Sharing"
        description="Employers you belong to see your skills only when you share credentials with them. Nothing is shared until you say so."
        maw={720}
      />
      <ListContent
        query={sharing}
        loadingLabel="Loading your employers"
        empty={{
          icon: <IconBuildingSkyscraper size={26} />,
          title: 'No employers yet',
          description: 'When an employer invites you and you join, you can choose here what it may see.',
        }}
      >
        {(rows) => (
          <Stack gap="md">
            {rows.map((share) => (
              <ShareCard key={share.orgSlug} share={share} held={held} />
            ))}
          </Stack>
        )}
      </ListContent>
      <PrivateProgrammes />
    </Stack>
  );
}
