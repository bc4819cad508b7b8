import { Select } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { Membership } from '../../api/types';
import { LEARNER_SPACE, rememberCurrentOrg } from './current-org';

const CREATE_ORG = '__new__';

type OrgSwitcherProps = { memberships: Membership[]; current: string | null };

/**
 * Chooses the space the app shows: one of the person's organisations, or their own learning.
 * The choice lives in the URL (`/o/:slug`) and in localStorage for the next visit.
 */
export function OrgSwitcher({ memberships, current }: OrgSwitcherProps) {
  const navigate = useNavigate();
  const data = [
    {
      group: 'Organisations',
      items: [
        ...memberships.map((m) => ({ value: m.org.slug, label: m.org.name })),
        { value: CREATE_ORG, label: '+ Create an organisation' },
      ],
    },
    { group: 'Personal', items: [{ value: LEARNER_SPACE, label: 'My learning' }] },
  ];

  const onChange = (value: string | null) => {
    if (!value) return;
    if (value === CREATE_ORG) {
      void navigate('/orgs/new');
      return;
    }
    rememberCurrentOrg(value);
    void navigate(value === LEARNER_SPACE ? '/me' : `/o/${value}`);
  };

  return (
    <Select
      aria-label="Switch organisation"
      placeholder="Choose a space"
      data={data}
      value={current}
      onChange={onChange}
      allowDeselect={false}
      leftSection={<IconBuilding size={16} aria-hidden />}
      w={{ base: 190, sm: 240 }}
      comboboxProps={{ withinPortal: true }}
      size="sm"
    />
  );
}
