import { Alert, Badge, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { client, data, errorMessage, isApiError, multipart } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { components } from '../../api/schema';
import { memberRoleLabel } from '../orgs/roles';
import { CsvProblems } from '../../components/csv-problems';
import { DataTable } from '../../components/data-table';

type Preview = components['schemas']['InvitationCsvPreview'];
type Result = components['schemas']['InvitationCsvResult'];

const OUTCOMES: Record<Preview['rows'][number]['outcome'], { label: string; color: string }> = {
  invite: { label: 'Will be invited', color: 'green' },
  already_invited: { label: 'Already invited', color: 'gray' },
  already_member: { label: 'Already a member', color: 'gray' },
};

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/**
 * Invites many people from a CSV (email, role, name): a preview first, line by line, then one
 * confirmation that sends every invitation together. Sending the same file again invites nobody twice.
 */
export function InviteCsv({ slug }: { slug: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const preview = useMutation({
    mutationFn: (csv: File) =>
      data(
        client.POST('/api/v1/orgs/{slug}/invitations/csv/preview', {
          params: { path: { slug } },
          ...multipart(formOf(csv)),
        }),
      ),
  });
  const send = useRefreshingMutation(
    (csv: File) =>
      data(
        client.POST('/api/v1/orgs/{slug}/invitations/csv', { params: { path: { slug } }, ...multipart(formOf(csv)) }),
      ),
    [['org', slug, 'invitations']],
  );
  const rows = preview.data?.rows ?? [];
  const errors = preview.data?.errors ?? [];
  const toInvite = rows.filter((r) => r.outcome === 'invite').length;
  const sendErrors = isApiError(send.error) ? send.error.errors : [];

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        A CSV with a header line: <code>email</code>, and optionally <code>role</code> (viewer by default) and{' '}
        <code>name</code>. Up to 1,000 people.
      </Text>
      <Group align="flex-end">
        <FileInput
          label="CSV of people to invite"
          placeholder="Choose a .csv file"
          accept=".csv,text/csv"
          value={file}
          onChange={(value) => {
            setFile(value);
            setResult(null);
            preview.reset();
            send.reset();
            if (value) preview.mutate(value);
          }}
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the file' }}
          miw={280}
        />
        <Button
          disabled={!file || !preview.data || errors.length > 0 || toInvite === 0}
          loading={send.isPending}
          onClick={() =>
            file &&
            send.mutate(file, {
              onSuccess: (sent) => {
                setResult(sent);
                preview.reset();
                setFile(null);
              },
            })
          }
        >
          Send {toInvite > 0 ? toInvite : ''} {toInvite === 1 ? 'invitation' : 'invitations'}
        </Button>
      </Group>
      {preview.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(preview.error)}
        </Alert>
      ) : null}
      {send.isError ? (
        <Alert color="red" role="alert" title="Nobody was invited">
          {errorMessage(send.error)}
          {sendErrors.length > 0 ? (
            <ul>
              {sendErrors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {result ? (
        <Alert color="green" role="status" title="Invitations sent">
          {result.invited.length} {result.invited.length === 1 ? 'person was' : 'people were'} invited
          {result.skipped.length > 0 ? `; ${result.skipped.length} skipped (already invited or members)` : ''}.
        </Alert>
      ) : null}
      {preview.data ? (
        <Stack gap="xs" aria-live="polite">
          <Text>
            {preview.data.valid} ready, {preview.data.invalid} with problems
            {errors.length > 0 ? ': fix them and choose the file again.' : '.'}
          </Text>
          {errors.length > 0 ? <CsvProblems problems={errors} label="Lines with problems" /> : null}
          {rows.length > 0 ? (
            <DataTable
              rows={rows}
              rowKey={(row) => String(row.line)}
              label="People in the file"
              minWidth={480}
              bordered
              columns={[
                { header: 'Line', cell: (row) => row.line },
                { header: 'Email', cell: (row) => row.email },
                { header: 'Name', cell: (row) => row.name ?? '—' },
                { header: 'Role', cell: (row) => memberRoleLabel(row.role) },
                {
                  header: 'What happens',
                  cell: (row) => (
                    <Badge variant="light" color={OUTCOMES[row.outcome].color}>
                      {OUTCOMES[row.outcome].label}
                    </Badge>
                  ),
                },
              ]}
            />
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
