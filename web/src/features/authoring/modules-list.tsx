import { ActionIcon, Alert, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { AuthoringModule } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { minutesLabel } from '../catalog/catalog-format';
import { useRemoveModule, useReorderModules } from './authoring-api';
import { ModuleEditor } from './module-editor';
import { RequestError } from '../../components/request-error';
import { AddButton } from '../../components/add-button';

type ModulesListProps = {
  orgSlug: string;
  mcId: string;
  versionId: string;
  modules: AuthoringModule[];
  isReadOnly: boolean;
  error?: string;
};

function activityBadge(m: AuthoringModule) {
  if (!m.activity) return null;
  return m.activity.type === 'quiz' ? (
    <Badge variant="light" color="ember" size="sm">
      Quiz · {m.activity.questions.length} {m.activity.questions.length === 1 ? 'question' : 'questions'}
    </Badge>
  ) : (
    <Badge variant="light" color="grape" size="sm">
      Assignment · {m.activity.rubric.criteria.length} criteria
    </Badge>
  );
}

/** The ordered modules of a version: add, edit, remove, and move with buttons (keyboard friendly). */
export function ModulesList({ orgSlug, mcId, versionId, modules, isReadOnly, error }: ModulesListProps) {
  const [editing, setEditing] = useState<AuthoringModule | 'new' | null>(null);
  const [removing, setRemoving] = useState<AuthoringModule | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const reorder = useReorderModules(orgSlug, mcId, versionId);
  const remove = useRemoveModule(orgSlug, mcId, versionId);
  const sorted = [...modules].sort((a, b) => a.position - b.position);

  const move = (index: number, delta: -1 | 1) => {
    const ids = sorted.map((m) => m.id);
    const target = index + delta;
    const [moved] = ids.splice(index, 1);
    if (!moved || target < 0 || target > ids.length) return;
    ids.splice(target, 0, moved);
    reorder.mutate(ids, {
      onSuccess: () =>
        setAnnouncement(`${sorted[index]?.title ?? 'Module'} moved to position ${target + 1} of ${ids.length}.`),
    });
  };

  return (
    <Stack gap="md">
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <RequestError error={reorder.error} />
      <Text
        size="sm"
        className="visually-hidden"
        role="status"
        aria-live="polite"
        style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
      >
        {announcement}
      </Text>
      {sorted.length === 0 ? (
        <Text c="dimmed">No modules yet. A programme needs at least one before it can be published.</Text>
      ) : (
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Modules">
          {sorted.map((m, i) => (
            <Paper component="li" key={m.id} withBorder p="sm" bg="white">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text fw={700} c="dimmed" w={24} ta="center" aria-hidden>
                    {i + 1}
                  </Text>
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {m.title}
                    </Text>
                    <Group gap="xs">
                      <Text size="xs" c="dimmed">
                        {minutesLabel(m.estimatedMinutes)}
                        {m.links.length > 0 ? ` · ${m.links.length} links` : ''}
                      </Text>
                      {activityBadge(m)}
                    </Group>
                  </Stack>
                </Group>
                <Group gap={4} wrap="nowrap">
                  {isReadOnly ? null : (
                    <>
                      <Tooltip label="Move up">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Move ${m.title} up`}
                          disabled={i === 0 || reorder.isPending}
                          onClick={() => move(i, -1)}
                        >
                          <IconArrowUp size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Move down">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Move ${m.title} down`}
                          disabled={i === sorted.length - 1 || reorder.isPending}
                          onClick={() => move(i, 1)}
                        >
                          <IconArrowDown size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </>
                  )}
                  <Tooltip label={isReadOnly ? 'View' : 'Edit'}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${isReadOnly ? 'View' : 'Edit'} ${m.title}`}
                      onClick={() => setEditing(m)}
                    >
                      <IconPencil size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  {isReadOnly ? null : (
                    <Tooltip label="Remove">
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove ${m.title}`}
                        onClick={() => setRemoving(m)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {isReadOnly ? null : <AddButton onClick={() => setEditing('new')}>Add a module</AddButton>}
      {editing ? (
        <ModuleEditor
          orgSlug={orgSlug}
          mcId={mcId}
          versionId={versionId}
          module={editing === 'new' ? null : editing}
          isReadOnly={isReadOnly}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        opened={removing !== null}
        title="Remove this module?"
        confirmLabel="Remove module"
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        isPending={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        {removing?.title} and its activity will be removed from this draft.
      </ConfirmDialog>
    </Stack>
  );
}
