import { Alert, Badge, Button, Group, Loader, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/client';
import { ErrorState } from '../../components/page-states';
import { useProgrammeAudience, useSetProgrammeAudience } from './workforce-api';
import { Section } from '../../components/section';

/**
 * Commissioned training: the provider makes a programme private to one employer's members
 * before its first publication. It is then listed only to them, never in the public catalogue.
 */
export function ProgrammeAudience({ orgSlug, microcredentialId }: { orgSlug: string; microcredentialId: string }) {
  const audience = useProgrammeAudience(orgSlug, microcredentialId);
  const setAudience = useSetProgrammeAudience(orgSlug, microcredentialId);
  const form = useForm<{ employerSlug: string }>({
    initialValues: { employerSlug: '' },
    validate: {
      employerSlug: (v) =>
        /^[a-z0-9-]{2,}$/.test(v.trim()) ? null : "The employer's address on Cairn, e.g. harbor-logistics",
    },
  });
  const save = (employerSlug: string | null) =>
    setAudience.mutate(employerSlug, {
      onSuccess: (result) => {
        form.reset();
        notifications.show({
          title: 'Audience saved',
          message: result.audience
            ? `Only members of ${result.audience.name} will see this programme.`
            : 'Everyone will see this programme once it is published.',
        });
      },
      onError: (error) => form.setFieldError('employerSlug', errorMessage(error)),
    });
  return (
    <Section
      frame="paper"
      padding={{ base: 'md', sm: 'lg' }}
      title="Who this programme is for"
      titleId="audience-heading"
    >
      {audience.isPending ? (
        <Loader size="sm" aria-label="Loading the audience" />
      ) : audience.isError ? (
        <ErrorState error={audience.error} onRetry={() => void audience.refetch()} />
      ) : (
        <>
          <Group gap="xs">
            {audience.data.audience ? (
              <Badge color="grape" variant="light">
                Private to {audience.data.audience.name}
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                Public
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            Commissioned training: a private programme is listed only to one employer's members, never in the public
            catalogue. Its audience is set before its first publication.
          </Text>
          {!audience.data.canChange ? (
            <Alert color="blue" title="Published">
              The audience of a published programme cannot change.
            </Alert>
          ) : (
            <form onSubmit={form.onSubmit((v) => save(v.employerSlug.trim()))} noValidate aria-label="Audience">
              <Group align="flex-end" gap="sm">
                <TextInput
                  label="Make it private to an employer"
                  description="The employer's address on Cairn, as in cairn/o/harbor-logistics"
                  placeholder="harbor-logistics"
                  w={320}
                  {...form.getInputProps('employerSlug')}
                />
                <Button type="submit" loading={setAudience.isPending && setAudience.variables !== null}>
                  Make private
                </Button>
                {audience.data.audience ? (
                  <Button
                    variant="default"
                    loading={setAudience.isPending && setAudience.variables === null}
                    onClick={() => save(null)}
                  >
                    Make public
                  </Button>
                ) : null}
              </Group>
            </form>
          )}
        </>
      )}
    </Section>
  );
}
