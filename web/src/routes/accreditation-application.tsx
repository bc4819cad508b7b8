import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormAlert } from '../components/form-alert';
import { ErrorState, PageLoader } from '../components/page-states';
import { PageHeader } from '../components/page-header';
import { RequestError } from '../components/request-error';
import { usePageTitle } from '../components/use-page-title';
import { useProblemSubmit } from '../components/use-problem-submit';
import {
  stateLabels,
  useApplication,
  useDecide,
  useRecordCheck,
  useSendMessage,
  useUploadEvidence,
  type Application,
  type DecisionInput,
} from '../features/accreditation/accreditation-api';
import { AccreditationStatusBadge } from '../features/accreditation/accreditation-status-badge';
import { MarkdownText } from '../features/markdown/markdown';
import { useOrg } from '../features/orgs/orgs-api';

const when = (value: string | null) => (value ? dayjs(value).format('D MMM YYYY, HH:mm') : '—');
const kindLabels: Record<Application['messages'][number]['kind'], string> = {
  comment: 'Comment',
  information_request: 'Information requested',
  answer: 'Answer',
  decision: 'Decision',
};

/** A one-field form that posts a message (comment, request for information, answer). */
function MessageForm({
  label,
  submitLabel,
  send,
}: {
  label: string;
  submitLabel: string;
  send: (body: string) => Promise<unknown>;
}) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim() ? null : 'Write a message.') },
  });
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    await send(values.body.trim());
    form.reset();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <Stack gap="xs">
        <FormAlert message={formError} />
        <Textarea label={label} autosize minRows={3} {...form.getInputProps('body')} />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EvidenceUpload({ slug, id, items }: { slug: string; id: string; items: string[] }) {
  const upload = useUploadEvidence(slug, id);
  const [file, setFile] = useState<File | null>(null);
  const [item, setItem] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <FileInput
          label="Evidence file"
          placeholder="Choose a file"
          value={file}
          onChange={setFile}
          leftSection={<IconUpload size={16} aria-hidden />}
          style={{ flex: 1 }}
        />
        {items.length > 0 ? <Select label="Answers" data={items} value={item} onChange={setItem} clearable /> : null}
        <Button
          disabled={!file}
          loading={upload.isPending}
          onClick={() => {
            if (!file) return;
            upload.mutate(
              { file, evidenceItem: item ?? '' },
              {
                onSuccess: () => {
                  setFile(null);
                  notifications.show({ title: 'Evidence added', message: file.name });
                },
              },
            );
          }}
        >
          Upload
        </Button>
      </Group>
      <RequestError error={upload.error} />
    </Stack>
  );
}

function Checklist({ slug, application }: { slug: string; application: Application }) {
  const record = useRecordCheck(slug, application.id);
  const isOpen = application.state !== 'decided';
  return (
    <Stack gap="xs">
      {(application.checklist ?? []).map((c) => (
        <Group key={c.criterion} justify="space-between" wrap="nowrap">
          <Text size="sm">{c.criterion}</Text>
          <Select
            aria-label={`Outcome for ${c.criterion}`}
            w={160}
            disabled={!isOpen}
            value={c.outcome}
            placeholder="Not reviewed"
            data={[
              { value: 'met', label: 'Met' },
              { value: 'not_met', label: 'Not met' },
              { value: 'unclear', label: 'Unclear' },
            ]}
            onChange={(value) => {
              if (value) record.mutate({ criterion: c.criterion, outcome: value as 'met', note: c.note });
            }}
          />
        </Group>
      ))}
      <RequestError error={record.error} />
    </Stack>
  );
}

function DecisionForm({ slug, id }: { slug: string; id: string }) {
  const decide = useDecide(slug, id);
  const form = useForm<{ decision: DecisionInput['decision'] | ''; reasons: string; publicReportUrl: string }>({
    mode: 'controlled',
    initialValues: { decision: '', reasons: '', publicReportUrl: '' },
    validate: {
      decision: (v) => (v ? null : 'Choose a decision.'),
      reasons: (v) => (v.trim().length >= 3 ? null : 'Give the reasons.'),
    },
  });
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    await decide.mutateAsync({
      decision: values.decision as DecisionInput['decision'],
      reasons: values.reasons.trim(),
      publicReportUrl: values.publicReportUrl.trim() || null,
    });
    notifications.show({ title: 'Decision recorded', message: 'The provider has been mailed.' });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Decision">
      <Stack gap="xs">
        <FormAlert message={formError} />
        <Select
          label="Decision"
          required
          data={[
            { value: 'accredited', label: 'Accredit' },
            { value: 'candidate', label: 'Grant candidacy' },
            { value: 'refused', label: 'Refuse' },
          ]}
          {...form.getInputProps('decision')}
        />
        <Textarea label="Reasons" required autosize minRows={3} {...form.getInputProps('reasons')} />
        <TextInput label="Public report (link)" placeholder="https://" {...form.getInputProps('publicReportUrl')} />
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending}>
            Record decision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function AccreditationApplicationPage() {
  const { slug = '', id = '' } = useParams();
  const { data: org } = useOrg(slug);
  const query = useApplication(slug, id);
  const comment = useSendMessage(slug, id, 'comments');
  const ask = useSendMessage(slug, id, 'information-requests');
  const answer = useSendMessage(slug, id, 'answers');
  usePageTitle('Application');
  if (query.isPending || !org) return <PageLoader label="Loading the application" />;
  if (!query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const isAccreditor = org.id === a.accreditor.id;
  const isReviewable = a.state === 'submitted' || a.state === 'resubmitted';
  const renewed = a.renewsId ? a.history.find((h) => h.id === a.renewsId) : undefined;
  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/o/${slug}/accreditation`} size="sm">
        ← Accreditation
      </Anchor>
      <PageHeader
        title={`${a.scheme.name}: ${a.provider.name}`}
        description={
          <Group gap="xs">
            <Badge variant="light">
              {a.state === 'decided' && a.decision ? `Decided: ${a.decision}` : stateLabels[a.state]}
            </Badge>
            {a.renewsId ? <Badge variant="outline">Renewal</Badge> : null}
            <Text size="sm" c="dimmed">
              Sent {when(a.createdAt)} to {a.accreditor.name}
            </Text>
          </Group>
        }
      />
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Application
          </Title>
          <Text size="sm">
            For:{' '}
            {a.subjectType === 'organization'
              ? `${a.provider.name} (the organisation)`
              : a.programmes.map((p) => `${p.title ?? p.slug}${p.level ? ` (EQF ${p.level})` : ''}`).join(', ')}
          </Text>
          {a.jurisdiction ? <Text size="sm">Jurisdiction: {a.jurisdiction}</Text> : null}
          {renewed ? (
            <Text size="sm">
              Renews the application of {when(renewed.createdAt)}, decided
              {renewed.decidedAt ? ` ${when(renewed.decidedAt)}` : ''}: {renewed.decision ?? stateLabels[renewed.state]}
              {renewed.decisionReasons ? ` — ${renewed.decisionReasons}` : ''}
            </Text>
          ) : null}
          <MarkdownText>{a.statement}</MarkdownText>
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Evidence
          </Title>
          {a.evidence.length === 0 ? (
            <Text size="sm" c="dimmed">
              No files yet.
              {a.scheme.evidenceItems.length ? ` The scheme asks for: ${a.scheme.evidenceItems.join('; ')}.` : ''}
            </Text>
          ) : (
            <Stack gap={4} component="ul" style={{ paddingLeft: 18 }}>
              {a.evidence.map((e) => (
                <li key={e.id}>
                  <Anchor href={`/api/v1/orgs/${slug}/accreditation/applications/${a.id}/evidence/${e.id}`}>
                    {e.filename}
                  </Anchor>
                  {e.evidenceItem ? <Text span size="sm" c="dimmed">{` — ${e.evidenceItem}`}</Text> : null}
                </li>
              ))}
            </Stack>
          )}
          {!isAccreditor && a.state !== 'decided' ? (
            <EvidenceUpload slug={slug} id={a.id} items={a.scheme.evidenceItems} />
          ) : null}
        </Stack>
      </Paper>
      {isAccreditor && a.checklist ? (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Review checklist
            </Title>
            <Checklist slug={slug} application={a} />
          </Stack>
        </Paper>
      ) : null}
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Conversation
          </Title>
          {a.messages.length === 0 ? (
            <Text size="sm" c="dimmed">
              No messages yet.
            </Text>
          ) : (
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0 }}>
              {a.messages.map((m) => (
                <li key={m.id}>
                  <Text size="xs" c="dimmed">
                    {kindLabels[m.kind]} · {m.authorName ?? m.orgName} ({m.orgName}) · {when(m.createdAt)}
                  </Text>
                  <MarkdownText>{m.body}</MarkdownText>
                </li>
              ))}
            </Stack>
          )}
          {!isAccreditor && a.state === 'information_requested' ? (
            <MessageForm label="Your answer" submitLabel="Send answer" send={(body) => answer.mutateAsync(body)} />
          ) : null}
          {isAccreditor && isReviewable ? (
            <MessageForm
              label="Ask for more information"
              submitLabel="Request information"
              send={(body) => ask.mutateAsync(body)}
            />
          ) : null}
          {a.state !== 'decided' ? (
            <MessageForm label="Comment" submitLabel="Add comment" send={(body) => comment.mutateAsync(body)} />
          ) : null}
        </Stack>
      </Paper>
      {isAccreditor && isReviewable ? (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Decision
            </Title>
            <DecisionForm slug={slug} id={a.id} />
          </Stack>
        </Paper>
      ) : null}
      {a.accreditations.length > 0 ? (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Accreditations
            </Title>
            {a.accreditations.map((acc) => (
              <Group key={acc.id} justify="space-between">
                <Text size="sm">
                  {acc.subject.name} · until {when(acc.validUntil)} ·{' '}
                  <Text span ff="monospace">
                    {acc.verificationCode}
                  </Text>
                </Text>
                <Group gap="xs">
                  <AccreditationStatusBadge status={acc.status} />
                  {acc.credentialId ? (
                    <Anchor component={Link} to={`/credentials/${acc.credentialId}`} size="sm">
                      Signed credential
                    </Anchor>
                  ) : null}
                </Group>
              </Group>
            ))}
          </Stack>
        </Paper>
      ) : null}
      {a.history.length > 0 ? (
        <Paper withBorder p="lg">
          <Stack gap="xs">
            <Title order={2} size="h4">
              Earlier applications to this scheme
            </Title>
            {a.history.map((h) => (
              <Text key={h.id} size="sm">
                {when(h.createdAt)}: {h.decision ? `decided ${h.decision}` : stateLabels[h.state]}
                {h.decisionReasons ? ` — ${h.decisionReasons}` : ''}
              </Text>
            ))}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
