import { Anchor, Button, Card, Checkbox, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MyCredential } from '../api/types';
import { FormAlert } from '../components/form-alert';
import { PageHeader } from '../components/page-header';
import { ErrorState, PageLoader } from '../components/page-states';
import { useProblemSubmit } from '../components/use-problem-submit';
import { usePageTitle } from '../components/use-page-title';
import { useSession } from '../features/auth/use-session';
import { useMyCredentials } from '../features/learning/learning-api';
import { profilePath, useMyProfile, useSaveProfile, type MyProfile } from '../features/showcase/showcase-api';
import { ProfilePhotoCard } from '../features/showcase/profile-photo-card';
import { ShareLinksCard } from '../features/showcase/share-links-card';

const suggestHandle = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || '';

function ProfileForm({
  profile,
  credentials,
  name,
}: {
  profile: MyProfile;
  credentials: MyCredential[];
  name: string;
}) {
  const save = useSaveProfile();
  const form = useForm({
    initialValues: {
      handle: profile.handle ?? suggestHandle(name),
      isPublic: profile.isPublic,
      isNameShown: profile.isNameShown,
      isCpdShown: profile.isCpdShown,
      headline: profile.headline,
      credentialIds: profile.credentialIds,
    },
    validate: {
      handle: (v) =>
        /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/.test(v.trim().toLowerCase())
          ? null
          : '3 to 40 lower-case letters, digits or hyphens, starting and ending with a letter or digit',
    },
  });
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    await save.mutateAsync({ ...values, handle: values.handle.trim().toLowerCase() });
    notifications.show({ color: 'teal', message: 'Profile saved.' });
  });
  const shown = credentials.filter((c) => c.status !== 'revoked');
  return (
    <Card bg="white" component="section" aria-labelledby="profile-settings-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="lg" id="profile-settings-title">
            Your profile
          </Title>
          <FormAlert message={formError} />
          <Switch
            label="Public profile"
            description="Off: only you (and people you give a share link) can open it. On: anyone with the address can."
            {...form.getInputProps('isPublic', { type: 'checkbox' })}
          />
          <TextInput
            label="Handle"
            description={`Your profile's address: ${window.location.origin}/p/${form.values.handle || 'your-handle'}`}
            required
            {...form.getInputProps('handle')}
          />
          <TextInput
            label="Headline"
            placeholder="Data analyst in training"
            maxLength={160}
            {...form.getInputProps('headline')}
          />
          <Switch
            label="Show my name on my credentials' public pages"
            description={`Visitors of a credential's page (and its certificate) then see "Issued to ${name}". Off, they see the credential but not whose it is.`}
            {...form.getInputProps('isNameShown', { type: 'checkbox' })}
          />
          <Switch
            label="Show my CPD summary on my profile"
            description="Visitors then see this period's CPD hours against your target, by category. Your activities, evidence and reflections stay private."
            {...form.getInputProps('isCpdShown', { type: 'checkbox' })}
          />
          <Checkbox.Group
            label="Credentials on your profile"
            description="Each is verified live when someone opens your profile."
            {...form.getInputProps('credentialIds')}
          >
            <Stack gap="xs" mt="xs">
              {shown.length === 0 ? (
                <Text size="sm" c="dimmed">
                  You hold no credentials yet.
                </Text>
              ) : (
                shown.map((c) => (
                  <Checkbox
                    key={c.id}
                    value={c.id}
                    label={c.achievementName ?? 'Credential'}
                    description={`${c.issuer.name}${c.status !== 'active' ? ` · ${c.status}` : ''}`}
                  />
                ))
              )}
            </Stack>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save profile
            </Button>
            {profile.handle ? (
              <Anchor component={Link} to={profilePath(profile.handle)}>
                <Group gap={4}>
                  View your profile <IconExternalLink size={14} aria-hidden />
                </Group>
              </Anchor>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** `/me/profile`: the learner's public profile (off by default), name consent and share links. */
export default function MyProfilePage() {
  usePageTitle('My profile');
  const { session } = useSession();
  const profile = useMyProfile();
  const credentials = useMyCredentials();
  if (profile.isPending || credentials.isPending) return <PageLoader label="Loading your profile" />;
  if (profile.isError) return <ErrorState error={profile.error} title="Your profile could not be loaded" />;
  if (credentials.isError) return <ErrorState error={credentials.error} title="Your credentials could not be loaded" />;
  const items = credentials.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="My profile"
        description="A page to send an interviewer: your chosen credentials, verified live, and the skills they show."
        actions={
          <Button component={Link} to="/me/resume" variant="default">
            Export a CV
          </Button>
        }
      />
      <ProfileForm profile={profile.data} credentials={items} name={session?.user.name ?? ''} />
      <ProfilePhotoCard profile={profile.data} name={session?.user.name ?? ''} />
      <ShareLinksCard credentials={items} hasProfile={profile.data.handle !== null} />
    </Stack>
  );
}
