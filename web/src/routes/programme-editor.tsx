import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconExternalLink, IconLock, IconRocket } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage, isApiError } from '../api/client';
import { applyProblemToForm, toFormPath } from '../api/form-errors';
import type { Microcredential } from '../api/types';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useSession } from '../features/auth/use-session';
import {
  useCreateDraft,
  useMicrocredential,
  usePublishVersion,
  useUpdateVersion,
} from '../features/authoring/authoring-api';
import {
  DETAIL_LABELS,
  DetailsForm,
  detailsFromVersion,
  patchFromDetails,
  type DetailsValues,
} from '../features/authoring/details-form';
import { ModulesList } from '../features/authoring/modules-list';
import { MicrocredentialStatusBadge } from '../features/authoring/status';
import { RequestError } from '../components/request-error';
import { ProgrammeAudience } from '../features/workforce/programme-audience';

type Missing = { field: string; message: string };

function Editor({ orgSlug, mc }: { orgSlug: string; mc: Microcredential }) {
  const v = mc.current;
  const isReadOnly = v.status === 'published';
  const { session } = useSession();
  const update = useUpdateVersion(orgSlug, mc.id, v.id);
  const publish = usePublishVersion(orgSlug, mc.id, v.id);
  const createDraft = useCreateDraft(orgSlug, mc.id);
  const [tab, setTab] = useState<string | null>('details');
  const [formError, setFormError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Missing[]>([]);
  const form = useForm<DetailsValues>({ mode: 'controlled', initialValues: detailsFromVersion(v) });

  // A new current version (a new draft, or the one just published) resets the form.
  useEffect(() => {
    form.setInitialValues(detailsFromVersion(v));
    form.reset();
  }, [v.id, v.status]);

  const save = async (): Promise<boolean> => {
    setFormError(null);
    try {
      await update.mutateAsync(patchFromDetails(form.getValues()));
      form.resetDirty();
      return true;
    } catch (error) {
      setFormError(applyProblemToForm(form, error));
      setTab('details');
      return false;
    }
  };

  const onPublish = async () => {
    setMissing([]);
    setFormError(null);
    if (form.isDirty() && !(await save())) return;
    try {
      await publish.mutateAsync();
      notifications.show({
        color: 'teal',
        title: 'Published',
        message: `Version ${v.versionNumber} of ${form.getValues().title} is in the catalogue.`,
      });
    } catch (error) {
      if (isApiError(error) && error.status === 400 && error.errors.length > 0) {
        setMissing(error.errors.map((e) => ({ field: toFormPath(e.field), message: e.message })));
        applyProblemToForm(form, error);
        setTab(error.errors.every((e) => e.field === 'modules') ? 'modules' : 'details');
      } else {
        setFormError(errorMessage(error));
      }
    }
  };

  const modulesError = missing.find((m) => m.field === 'modules')?.message;

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to={`/o/${orgSlug}/programmes`} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            Programmes
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {v.title || mc.slug}
            </Title>
            <Group gap="xs">
              <MicrocredentialStatusBadge status={mc.status} />
              <Badge variant="outline" color="gray">
                Editing version {v.versionNumber} ({v.status})
              </Badge>
              {mc.catalogUrl ? (
                <Anchor href={mc.catalogUrl} target="_blank" rel="noopener noreferrer" size="sm">
                  <Group gap={4} component="span">
                    In the catalogue <IconExternalLink size={14} aria-hidden />
                  </Group>
                </Anchor>
              ) : null}
            </Group>
          </Stack>
          {isReadOnly ? (
            <Button onClick={() => createDraft.mutate()} loading={createDraft.isPending}>
              Create new draft
            </Button>
          ) : (
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => void save()}
                loading={update.isPending}
                disabled={!form.isDirty()}
              >
                {form.isDirty() ? 'Save draft' : 'Saved'}
              </Button>
              <Button
                leftSection={<IconRocket size={18} aria-hidden />}
                onClick={() => void onPublish()}
                loading={publish.isPending}
              >
                Publish
              </Button>
            </Group>
          )}
        </Group>
      </Stack>

      {isReadOnly ? (
        <Alert color="blue" icon={<IconLock aria-hidden />} title="Published versions are frozen">
          Learners enrolled in version {v.versionNumber} keep it, and issued credentials name it. To change anything,
          create a new draft: it starts as a copy of this version.
        </Alert>
      ) : null}
      <RequestError error={createDraft.error} />
      {missing.length > 0 ? (
        <Alert color="orange" title="Not ready to publish yet" role="alert">
          <List size="sm">
            {missing.map((m) => (
              <List.Item key={m.field}>
                <Text span fw={600} size="sm">
                  {DETAIL_LABELS[m.field] ?? m.field}:
                </Text>{' '}
                {m.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {formError ? (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      ) : null}

      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab
            value="modules"
            rightSection={
              <Badge size="xs" variant="light" color={modulesError ? 'red' : 'gray'}>
                {v.modules.length}
              </Badge>
            }
          >
            Modules
          </Tabs.Tab>
          <Tabs.Tab value="versions">Versions</Tabs.Tab>
          <Tabs.Tab value="audience">Audience</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="lg">
          <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="white">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
              noValidate
            >
              <DetailsForm
                key={`${v.id}-${v.status}`}
                orgSlug={orgSlug}
                form={form}
                version={v}
                memberships={session?.memberships ?? []}
                isReadOnly={isReadOnly}
              />
              {isReadOnly ? null : (
                <Group mt="lg">
                  <Button type="submit" loading={update.isPending}>
                    Save draft
                  </Button>
                </Group>
              )}
            </form>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="modules" pt="lg">
          <ModulesList
            orgSlug={orgSlug}
            mcId={mc.id}
            versionId={v.id}
            modules={v.modules}
            isReadOnly={isReadOnly}
            error={modulesError}
          />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="lg">
          <Paper withBorder p="md" bg="white">
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {mc.versions.map((ver) => (
                <Group component="li" key={ver.id} justify="space-between">
                  <Text>
                    Version {ver.versionNumber}: {ver.title}
                  </Text>
                  <Group gap="xs">
                    <MicrocredentialStatusBadge status={ver.status} />
                    <Text size="sm" c="dimmed">
                      {ver.publishedAt
                        ? `published ${new Date(ver.publishedAt).toLocaleDateString()}`
                        : `changed ${new Date(ver.updatedAt).toLocaleDateString()}`}
                    </Text>
                  </Group>
                </Group>
              ))}
            </Stack>
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="audience" pt="lg">
          <ProgrammeAudience orgSlug={orgSlug} microcredentialId={mc.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** `/o/:slug/programmes/:id`: the micro-credential editor. */
export default function ProgrammeEditorPage() {
  const { slug = '', id = '' } = useParams();
  const mc = useMicrocredential(slug, id);
  usePageTitle(mc.data ? `Edit ${mc.data.current.title}` : 'Programme');
  if (mc.isPending) return <PageLoader label="Loading the micro-credential" />;
  if (mc.isError) return <ErrorState error={mc.error} onRetry={() => void mc.refetch()} />;
  return <Editor orgSlug={slug} mc={mc.data} />;
}
