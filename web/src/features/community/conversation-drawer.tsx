import { Button, Drawer, Paper, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '../../components/form-alert';
import { ErrorState } from '../../components/page-states';
import { useProblemSubmit } from '../../components/use-problem-submit';
import { MarkdownText } from '../markdown/markdown';
import { useConversation, useSendMessage } from './community-api';
import { ReportButton } from './report-button';

/** Direct messages with one person of the cohort, in a side panel. */
export function ConversationDrawer({
  cohortId,
  peer,
  onClose,
}: {
  cohortId: string;
  peer: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const messages = useConversation(cohortId, peer?.id ?? null);
  const send = useSendMessage(cohortId);
  const form = useForm({ initialValues: { body: '' } });
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    if (!peer) return;
    await send.mutateAsync({ recipientId: peer.id, body: values.body });
    form.reset();
  });
  return (
    <Drawer opened={peer !== null} onClose={onClose} position="right" title={peer ? `Messages with ${peer.name}` : ''}>
      <Stack gap="md">
        {messages.isError ? (
          <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
        ) : (
          <ScrollArea.Autosize mah="60vh">
            <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Messages">
              {(messages.data ?? []).map((m) => (
                <li key={m.id}>
                  <Paper p="xs" bg={m.isMine ? 'cairn.0' : 'gray.0'} ml={m.isMine ? 'xl' : 0} mr={m.isMine ? 0 : 'xl'}>
                    <Text size="xs" c="dimmed">
                      {m.isMine ? 'You' : m.sender.name} · {new Date(m.createdAt).toLocaleString()}
                    </Text>
                    <MarkdownText>{m.body}</MarkdownText>
                    {!m.isMine ? <ReportButton target={{ messageId: m.id }} what="this message" /> : null}
                  </Paper>
                </li>
              ))}
              {messages.data?.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No messages yet. Say hello.
                </Text>
              ) : null}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <form onSubmit={onSubmit} noValidate aria-label="Send a message">
          <Stack gap="xs">
            <FormAlert message={formError} />
            <Textarea label="Message" required autosize minRows={2} {...form.getInputProps('body')} />
            <Button type="submit" loading={send.isPending} w="fit-content">
              Send
            </Button>
          </Stack>
        </form>
      </Stack>
    </Drawer>
  );
}
