import { Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { client, data } from '../../api/client';
import { FormModal, useFreshFormModal } from '../../components/form-modal';
import { ErrorState, PageLoader } from '../../components/page-states';
import { MarkdownText } from '../markdown/markdown';
import {
  type CoDevelopmentInvitation,
  useCoDevelopmentDetail,
  useCommentOnCoDevelopment,
  useDecideCoDevelopment,
  useInviteCoDeveloper,
} from './endorsement-api';

const statusColor: Record<CoDevelopmentInvitation['status'], string> = {
  pending: 'blue',
  approved: 'teal',
  declined: 'gray',
  withdrawn: 'gray',
};

export function InvitationStatus({ status }: { status: CoDevelopmentInvitation['status'] }) {
  return (
    <Badge color={statusColor[status]} variant="light">
      {status[0]!.toUpperCase() + status.slice(1)}
    </Badge>
  );
}

/** One invitation: the draft as it is now, the comments, a comment box and (for the partner) the decision. */
export function CoDevelopmentDialog({ slug, id, onClose }: { slug: string; id: string | null; onClose: () => void }) {
  const detail = useCoDevelopmentDetail(slug, id);
  const comment = useCommentOnCoDevelopment(slug, id ?? '');
  const decide = useDecideCoDevelopment(slug, id ?? '');
  const [text, setText] = useState('');
  const d = detail.data;
  return (
    <Modal opened={id !== null} onClose={onClose} size="xl" title={<Text fw={650}>Co-development</Text>}>
      {detail.isPending ? (
        <PageLoader label="Loading the invitation" />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : d ? (
        <Stack gap="md">
          <Group justify="space-between">
            <Text>
              {d.provider.name} invited {d.partner.name} · <InvitationStatus status={d.status} />
            </Text>
          </Group>
          {d.message ? <Text size="sm">“{d.message}”</Text> : null}
          {d.draft ? (
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Title order={3} fz="md">
                  {d.draft.title || 'Untitled'} · version {d.draft.versionNumber} ({d.draft.status})
                </Title>
                <Text size="sm">{d.draft.summary}</Text>
                {d.draft.description ? <MarkdownText>{d.draft.description}</MarkdownText> : null}
                {d.draft.outcomes.length > 0 ? <Text size="sm">Outcomes: {d.draft.outcomes.join('; ')}</Text> : null}
                <Text size="sm" fw={600}>
                  Modules
                </Text>
                <ol style={{ margin: 0 }}>
                  {d.draft.modules.map((m) => (
                    <li key={m.id}>
                      <Text size="sm">
                        {m.title} ({m.estimatedMinutes} min{m.activityType ? `, ${m.activityType}` : ''})
                      </Text>
                    </li>
                  ))}
                </ol>
              </Stack>
            </Paper>
          ) : null}
          <Stack gap="xs" component="section" aria-label="Comments">
            <Title order={3} fz="md">
              Comments
            </Title>
            {d.comments.length === 0 ? (
              <Text size="sm" c="dimmed">
                No comments yet.
              </Text>
            ) : (
              d.comments.map((c) => (
                <Paper key={c.id} withBorder p="sm">
                  <Text size="xs" c="dimmed">
                    {c.authorName ?? 'Someone'} ({c.organization.name}) ·{' '}
                    {dayjs(c.createdAt).format('D MMM YYYY HH:mm')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {c.body}
                  </Text>
                </Paper>
              ))
            )}
            {d.status === 'pending' || d.status === 'approved' ? (
              <>
                <Textarea
                  label="Add a comment"
                  autosize
                  minRows={2}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                />
                <Group>
                  <Button
                    variant="default"
                    disabled={text.trim() === ''}
                    loading={comment.isPending}
                    onClick={() => comment.mutate(text, { onSuccess: () => setText('') })}
                  >
                    Comment
                  </Button>
                </Group>
              </>
            ) : null}
          </Stack>
          {d.role === 'partner' && d.status === 'pending' ? (
            <Group>
              <Button loading={decide.isPending} onClick={() => decide.mutate('approve')}>
                Approve
              </Button>
              <Button variant="default" loading={decide.isPending} onClick={() => decide.mutate('decline')}>
                Decline
              </Button>
            </Group>
          ) : null}
          {comment.isError || decide.isError ? (
            <ErrorState error={comment.error ?? decide.error} title="That did not go through" />
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}

type InviteForm = { microcredentialId: string; partnerSlug: string; message: string };

/** A provider invites an industry partner (by its Cairn address) to co-develop one of its programmes. */
export function InviteCoDeveloperModal({
  slug,
  opened,
  onClose,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
}) {
  const invite = useInviteCoDeveloper(slug);
  const programmes = useQuery({
    queryKey: ['org', slug, 'microcredentials'] as const,
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/microcredentials', { params: { path: { slug } }, signal })),
    select: (d) => d.items,
    enabled: opened,
  });
  const form = useForm<InviteForm>({
    mode: 'controlled',
    initialValues: { microcredentialId: '', partnerSlug: '', message: '' },
    validate: {
      microcredentialId: (v) => (v ? null : 'Choose a programme'),
      partnerSlug: (v) =>
        /^[a-z0-9-]{3,40}$/.test(v.trim()) ? null : 'The partner’s address on Cairn, like atlas-industry-alliance',
    },
  });
  const modal = useFreshFormModal({
    opened,
    onClose,
    form,
    onSubmit: (v) => invite.mutateAsync({ ...v, partnerSlug: v.partnerSlug.trim() }),
  });
  return (
    <FormModal {...modal} title="Invite a co-developer" submitLabel="Send invitation">
      <Select
        data-autofocus
        label="Programme"
        data={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.title || p.slug }))}
        placeholder={programmes.isPending ? 'Loading…' : 'Choose a programme'}
        {...form.getInputProps('microcredentialId')}
      />
      <TextInput label="Industry partner" description="Its address on Cairn" {...form.getInputProps('partnerSlug')} />
      <Textarea label="Message" autosize minRows={2} {...form.getInputProps('message')} />
    </FormModal>
  );
}
