import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBriefcase, IconFileImport } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { type Column, DataTable } from '../components/data-table';
import { ListPage } from '../components/list-page';
import { usePageTitle } from '../components/use-page-title';
import { AddRoleButton, ImportRolesModal, RoleFormModal } from '../features/workforce/role-form-modal';
import { type Role, levelLabel, useImportRoles, useRoles } from '../features/workforce/workforce-api';

/** The employer's role skill profiles: each role's required skills, levels and versions. */
export default function WorkforceRolesPage() {
  const { slug = '' } = useParams();
  usePageTitle('Roles');
  const roles = useRoles(slug);
  const importRoles = useImportRoles(slug);
  const [isCreating, creating] = useDisclosure(false);
  const [isImporting, importing] = useDisclosure(false);
  const columns: Column<Role>[] = [
    {
      header: 'Role',
      isRowHeader: true,
      cell: (role) => (
        <Anchor component={Link} to={`/o/${slug}/roles/${role.id}`} fw={600}>
          {role.name}
        </Anchor>
      ),
    },
    {
      header: 'Required skills',
      cell: (role) => (
        <Group gap={6}>
          {role.skills.map((s) => (
            <Badge key={s.skillId} variant={s.essential ? 'light' : 'outline'} color={s.essential ? 'blue' : 'gray'}>
              {s.name}: {levelLabel(s.level)}
              {s.essential ? '' : ' (optional)'}
            </Badge>
          ))}
        </Group>
      ),
    },
    { header: 'Version', visibleFrom: 'sm', cell: (role) => <Text size="sm">v{role.version}</Text> },
  ];
  return (
    <ListPage
      title="Roles"
      titleId="roles-heading"
      description="What each role needs: skills at Cairn's 1-5 levels. Gaps are measured against these from credentials your people share."
      primaryAction={<AddRoleButton onClick={creating.open} />}
      actions={
        <Button variant="default" leftSection={<IconFileImport size={18} aria-hidden />} onClick={importing.open}>
          Import CSV
        </Button>
      }
      query={roles}
      loadingLabel="Loading roles"
      empty={{
        icon: <IconBriefcase size={26} />,
        title: 'No roles yet',
        description: 'Define a role by the skills it needs, or import roles from a CSV.',
      }}
      dialogs={
        <>
          <RoleFormModal slug={slug} opened={isCreating} onClose={creating.close} />
          <ImportRolesModal
            opened={isImporting}
            onClose={importing.close}
            onImport={async (input) => {
              const result = await importRoles.mutateAsync(input);
              notifications.show({
                title: 'Roles imported',
                message: `${result.created} created, ${result.updated} updated.`,
              });
            }}
          />
        </>
      }
    >
      {(rows) => (
        <DataTable rows={rows} columns={columns} rowKey={(r) => r.id} labelledBy="roles-heading" minWidth={520} />
      )}
    </ListPage>
  );
}
