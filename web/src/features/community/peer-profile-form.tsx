import { Button, Card, Checkbox, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { FormAlert } from '../../components/form-alert';
import { useProblemSubmit } from '../../components/use-problem-submit';
import { useMyPeerProfile, useUpdatePeerProfile, type PeerProfile } from './community-api';

/** The opt-in card other learners of my cohorts see in their peer directory. */
export function PeerProfileForm() {
  const profile = useMyPeerProfile();
  const update = useUpdatePeerProfile();
  const form = useForm<PeerProfile>({
    initialValues: { isListed: false, headline: '', skills: [], showsCredentials: false },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (profile.data) {
      setValues(profile.data);
      resetDirty(profile.data);
    }
  }, [profile.data, setValues, resetDirty]);
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    await update.mutateAsync(values);
    notifications.show({ message: 'Your directory card is saved', color: 'teal' });
  });
  return (
    <Card withBorder component="section" aria-labelledby="peer-profile-heading">
      <form onSubmit={onSubmit} noValidate aria-labelledby="peer-profile-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="peer-profile-heading">
            Your card in the peer directory
          </Title>
          <Text size="sm" c="dimmed">
            Off unless you turn it on. People in your cohorts and programme discussions see your name, headline and
            skills, and your credentials if you choose.
          </Text>
          <FormAlert message={formError} />
          <Checkbox label="List me in the peer directory" {...form.getInputProps('isListed', { type: 'checkbox' })} />
          <TextInput
            label="Headline"
            placeholder="Data analyst at a logistics firm"
            {...form.getInputProps('headline')}
          />
          <TagsInput
            label="Skills"
            description="Press Enter after each skill"
            maxTags={15}
            {...form.getInputProps('skills')}
          />
          <Checkbox
            label="Show the credentials I hold"
            {...form.getInputProps('showsCredentials', { type: 'checkbox' })}
          />
          <Button type="submit" loading={update.isPending} w="fit-content">
            Save my card
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
