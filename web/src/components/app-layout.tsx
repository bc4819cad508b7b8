import {
  AppShell,
  Avatar,
  Box,
  Burger,
  Group,
  Menu,
  NavLink as MantineNavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAward,
  IconBook2,
  IconBriefcase,
  IconBooks,
  IconCertificate,
  IconChartBar,
  IconChevronDown,
  IconClipboardList,
  IconClipboardCheck,
  IconFingerprint,
  IconHistory,
  IconHome,
  IconTarget,
  IconId,
  IconKey,
  IconLogout,
  IconPlus,
  IconRosetteDiscountCheck,
  IconRosette,
  IconRoute,
  IconSchool,
  IconServerCog,
  IconShare,
  IconSettings,
  IconTags,
  IconTicket,
  IconUpload,
  IconUserCheck,
  IconUsers,
  IconUsersGroup,
  IconWallet,
  IconWebhook,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { errorMessage } from '../api/client';
import type { Membership } from '../api/types';
import { logout, sessionKey } from '../features/auth/auth-api';
import { EmailVerificationBanner } from '../features/auth/email-verification-banner';
import { useSession } from '../features/auth/use-session';
import { LEARNER_SPACE } from '../features/orgs/current-org';
import { OrgSwitcher } from '../features/orgs/org-switcher';
import { ReviewCountBadge } from '../features/reviews/review-count-badge';
import { canReview } from '../features/reviews/reviews-api';
import { canIssueCredentials, isAdminRole, isIssuingOrg } from '../features/orgs/roles';
import { Brand } from './brand';
import { SkipLink } from './skip-link';

type NavItem = { to: string; label: string; icon: ReactNode; end?: boolean; badge?: ReactNode };

function navItemsFor(orgSlug: string | undefined, membership: Membership | undefined): NavItem[] {
  if (orgSlug) {
    const items: NavItem[] = [
      { to: `/o/${orgSlug}`, label: 'Overview', icon: <IconHome size={18} aria-hidden />, end: true },
    ];
    const isProvider = membership?.org.roles.includes('provider') ?? false;
    if (isProvider) {
      items.push({ to: `/o/${orgSlug}/programmes`, label: 'Programmes', icon: <IconBook2 size={18} aria-hidden /> });
      items.push({ to: `/o/${orgSlug}/pathways`, label: 'Pathways', icon: <IconRoute size={18} aria-hidden /> });
      items.push({
        to: `/o/${orgSlug}/community`,
        label: 'Cohorts and reviews',
        icon: <IconUsersGroup size={18} aria-hidden />,
      });
      if (canReview(membership?.role)) {
        items.push({
          to: `/o/${orgSlug}/reviews`,
          label: 'Reviews',
          icon: <IconClipboardCheck size={18} aria-hidden />,
          badge: <ReviewCountBadge slug={orgSlug} />,
        });
      }
    }
    if (isIssuingOrg(membership?.org.roles)) {
      items.push({
        to: `/o/${orgSlug}/credentials`,
        label: 'Credentials',
        icon: <IconCertificate size={18} aria-hidden />,
      });
      if (canIssueCredentials(membership?.role))
        items.push({
          to: `/o/${orgSlug}/issue/bulk`,
          label: 'Issue in bulk',
          icon: <IconUpload size={18} aria-hidden />,
        });
    }
    const role = membership?.role;
    if (membership?.org.roles.includes('accreditor') || isProvider) {
      items.push({
        to: `/o/${orgSlug}/accreditation`,
        label: 'Accreditation',
        icon: <IconAward size={18} aria-hidden />,
      });
    }
    if (membership?.org.roles.includes('employer') && (isAdminRole(role) || role === 'manager')) {
      items.push({
        to: `/o/${orgSlug}/candidate-checks`,
        label: 'Candidate checks',
        icon: <IconUserCheck size={18} aria-hidden />,
      });
    }
    if (membership?.org.roles.includes('employer') && (isAdminRole(role) || role === 'manager')) {
      items.push({
        to: `/o/${orgSlug}/workforce`,
        label: 'Team dashboard',
        icon: <IconChartBar size={18} aria-hidden />,
      });
      items.push({ to: `/o/${orgSlug}/roles`, label: 'Roles and gaps', icon: <IconBriefcase size={18} aria-hidden /> });
    }
    if (membership?.org.roles.includes('partner') || isProvider)
      items.push({
        to: `/o/${orgSlug}/endorsements`,
        label: membership?.org.roles.includes('partner') ? 'Endorsements' : 'Co-development',
        icon: <IconRosette size={18} aria-hidden />,
      });
    items.push({ to: `/o/${orgSlug}/members`, label: 'Members', icon: <IconUsers size={18} aria-hidden /> });
    if (isAdminRole(membership?.role)) {
      items.push({
        to: `/o/${orgSlug}/settings`,
        label: 'Settings',
        icon: <IconSettings size={18} aria-hidden />,
        end: true,
      });
      items.push({ to: `/o/${orgSlug}/settings/api-keys`, label: 'API keys', icon: <IconKey size={18} aria-hidden /> });
      items.push({
        to: `/o/${orgSlug}/settings/webhooks`,
        label: 'Webhooks',
        icon: <IconWebhook size={18} aria-hidden />,
      });
      items.push({
        to: `/o/${orgSlug}/settings/audit-log`,
        label: 'Audit log',
        icon: <IconHistory size={18} aria-hidden />,
      });
      if (isProvider) {
        items.push({
          to: `/o/${orgSlug}/settings/vouchers`,
          label: 'Vouchers',
          icon: <IconTicket size={18} aria-hidden />,
        });
      }
    }
    if (isProvider && (isAdminRole(membership?.role) || membership?.role === 'author')) {
      items.push({ to: `/o/${orgSlug}/settings/skills`, label: 'Skills', icon: <IconTags size={18} aria-hidden /> });
    }
    if (isIssuingOrg(membership?.org.roles)) {
      items.push({
        to: `/o/${orgSlug}/settings/keys`,
        label: 'Signing keys',
        icon: <IconFingerprint size={18} aria-hidden />,
      });
    }
    return items;
  }
  return [
    { to: '/me', label: 'My learning', icon: <IconSchool size={18} aria-hidden />, end: true },
    { to: '/me/credentials', label: 'My credentials', icon: <IconCertificate size={18} aria-hidden /> },
    { to: '/me/pathways', label: 'My pathways', icon: <IconRoute size={18} aria-hidden /> },
    { to: '/me/wallet', label: 'Wallet', icon: <IconWallet size={18} aria-hidden /> },
    { to: '/me/goals', label: 'My goals', icon: <IconTarget size={18} aria-hidden /> },
    { to: '/me/cpd', label: 'My CPD', icon: <IconClipboardList size={18} aria-hidden /> },
    { to: '/me/sharing', label: 'Sharing', icon: <IconShare size={18} aria-hidden /> },
    { to: '/me/profile', label: 'My profile', icon: <IconId size={18} aria-hidden /> },
    { to: '/community', label: 'Community', icon: <IconUsersGroup size={18} aria-hidden /> },
  ];
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The signed-in shell: header (mark, organisation switcher, user menu), navigation, main. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { session } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const orgMatch = useMatch('/o/:slug/*');
  const orgSlug = orgMatch?.params.slug;
  const memberships = session?.memberships ?? [];
  const membership = memberships.find((m) => m.org.slug === orgSlug);
  const current =
    orgSlug ?? (location.pathname.startsWith('/me') || location.pathname.startsWith('/learn') ? LEARNER_SPACE : null);
  const user = session?.user;

  // Close the mobile navigation after a navigation.
  useEffect(() => close(), [location.pathname, close]);

  const onLogout = async () => {
    try {
      await logout();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not log out', message: errorMessage(error) });
      return;
    }
    queryClient.setQueryData(sessionKey, null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    await navigate('/');
    notifications.show({ title: 'Logged out', message: 'See you next time.' });
  };

  const navItems = navItemsFor(orgSlug, membership);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? 'Close navigation' : 'Open navigation'}
              />
              <Brand to="/home" isCompact />
            </Group>
            <Group gap="sm" wrap="nowrap">
              <OrgSwitcher memberships={memberships} current={current} />
              <Menu position="bottom-end" width={240} withinPortal>
                <Menu.Target>
                  <UnstyledButton style={{ borderRadius: 999 }}>
                    {/* Named by its content, not aria-label: the initials picture the person and are
                        hidden from assistive technology, so the name is only what the button opens. */}
                    <VisuallyHidden>Account menu for {user?.name ?? 'you'}</VisuallyHidden>
                    <Group gap={6} wrap="nowrap" aria-hidden>
                      <Avatar color="ember" radius="xl" size={34}>
                        {initials(user?.name ?? '')}
                      </Avatar>
                      <Box visibleFrom="sm" display="flex">
                        <IconChevronDown size={14} aria-hidden />
                      </Box>
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    <Text size="sm" fw={600} c="dark" truncate>
                      {user?.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {user?.email}
                    </Text>
                  </Menu.Label>
                  <Menu.Divider />
                  <Menu.Item
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() => void navigate('/orgs/new')}
                  >
                    Create an organisation
                  </Menu.Item>
                  <Menu.Item
                    leftSection={<IconLogout size={16} aria-hidden />}
                    color="red"
                    onClick={() => void onLogout()}
                  >
                    Log out
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" component="nav" aria-label="Main">
          <AppShell.Section grow component={ScrollArea}>
            <Stack gap={4}>
              {membership ? (
                <Text size="xs" tt="uppercase" fw={700} c="dimmed" px="sm" pt="xs" pb={4}>
                  {membership.org.name}
                </Text>
              ) : null}
              {navItems.map((item) => (
                <MantineNavLink
                  key={item.to}
                  component={NavLink}
                  to={item.to}
                  end={item.end}
                  label={item.label}
                  leftSection={item.icon}
                  rightSection={item.badge}
                  active={
                    item.end
                      ? location.pathname === item.to || (item.to === '/me' && location.pathname.startsWith('/learn/'))
                      : location.pathname.startsWith(item.to)
                  }
                  style={{ borderRadius: 8 }}
                />
              ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            {session?.isOperator ? (
              <MantineNavLink
                component={NavLink}
                to="/admin/jobs"
                label="Operations"
                leftSection={<IconServerCog size={18} aria-hidden />}
                style={{ borderRadius: 8 }}
              />
            ) : null}
            <MantineNavLink
              component={NavLink}
              to="/catalog"
              label="Catalogue"
              leftSection={<IconBooks size={18} aria-hidden />}
              style={{ borderRadius: 8 }}
            />
            <MantineNavLink
              component={NavLink}
              to="/pathways"
              label="Explore pathways"
              leftSection={<IconRoute size={18} aria-hidden />}
              style={{ borderRadius: 8 }}
            />
            <MantineNavLink
              component={NavLink}
              to="/verify"
              label="Verify a credential"
              leftSection={<IconRosetteDiscountCheck size={18} aria-hidden />}
              style={{ borderRadius: 8 }}
            />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)">
          <EmailVerificationBanner />
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
