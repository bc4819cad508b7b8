import { Button, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { useProblemSubmit } from '../../components/use-problem-submit';
import { threadPath, useStartThread } from './community-api';

/** Starts a thread in a space and opens it. */
export function NewThreadForm({ spaceId }: { spaceId: string }) {
  const start = useStartThread(spaceId);
  const navigate = useNavigate();
  const form = useForm({ initialValues: { title: '', body: '' } });
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    const { id } = await start.mutateAsync(values);
    form.reset();
    void navigate(threadPath(id));
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Start a thread">
      <Stack gap="sm">
        <FormAlert message={formError} />
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <Textarea
          label="Message"
          description="Markdown works. Mention someone with @ and their full name, like @Lena Fischer."
          required
          autosize
          minRows={3}
          {...form.getInputProps('body')}
        />
        <Button type="submit" loading={start.isPending} w="fit-content">
          Start the thread
        </Button>
      </Stack>
    </form>
  );
}
