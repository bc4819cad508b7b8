import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClipboardCheck, IconDownload, IconPencil, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { AssignModal } from '../features/workforce/assign-modal';
import { ManagerAssessmentModal } from '../features/workforce/assessment-modal';
import { GapHeatMap } from '../features/workforce/gap-heat-map';
import { RoleFormModal } from '../features/workforce/role-form-modal';
import { RoleVersions } from '../features/workforce/role-versions';
import { SeatsModal } from '../features/workforce/seats-modal';
import {
  type GapFilter,
  type Recommendations,
  gapsCsvUrl,
  useRecommendations,
  useRole,
  useRoleGaps,
  useTeams,
} from '../features/workforce/workforce-api';
import { Section } from '../components/section';
import { DataTable } from '../components/data-table';

const money = (m: { amountMinor: number; currency: string }) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(m.amountMinor / 100);

function Plan({
  title,
  plan,
  onAssign,
  onSeats,
}: {
  title: string;
  plan: Recommendations['cheapest'];
  onAssign: (step: { id: string; name: string }) => void;
  onSeats: (step: { id: string; name: string }) => void;
}) {
  const headingId = `plan-${title.toLowerCase()}`;
  return (
    <Paper withBorder p="md" bg="white" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} fz="md" id={headingId}>
          {title}
        </Title>
        {plan.steps.length === 0 ? (
          <Text size="sm" c="dimmed">
            No programme covers these gaps yet.
          </Text>
        ) : (
          plan.steps.map((step) => (
            <Group key={step.id} justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {step.name} {step.isPrivate ? <Badge size="xs">Private</Badge> : null}
                </Text>
                <Text size="xs" c="dimmed">
                  {step.cost ? money(step.cost) : 'Free'} · {step.hours} h · covers {step.covers.length} skill(s)
                </Text>
              </Stack>
              {step.kind === 'programme' ? (
                <Group gap={6} wrap="nowrap">
                  {step.cost ? (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Sponsored seats on ${step.name}`}
                      onClick={() => onSeats({ id: step.id, name: step.name })}
                    >
                      Seats
                    </Button>
                  ) : null}
                  <Button size="xs" variant="light" onClick={() => onAssign({ id: step.id, name: step.name })}>
                    Assign
                  </Button>
                </Group>
              ) : null}
            </Group>
          ))
        )}
        <Text size="xs" c="dimmed">
          Total: {plan.totals.cost.length === 0 ? 'free' : plan.totals.cost.map(money).join(' + ')} ·{' '}
          {plan.totals.hours} h
          {plan.uncovered.length > 0 ? ` · ${plan.uncovered.length} skill(s) no programme covers` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

/** A role's gaps: the heat map (skills × people), filters, expiring evidence, CSV export and recommendations. */
export default function WorkforceGapsPage() {
  const { slug = '', roleId = '' } = useParams();
  const [filter, setFilter] = useState<GapFilter>({});
  const gaps = useRoleGaps(slug, roleId, filter);
  const recommendations = useRecommendations(slug, roleId, filter);
  const teams = useTeams(slug);
  const [assigning, setAssigning] = useState<{ id: string; name: string } | null>(null);
  const [seating, setSeating] = useState<{ id: string; name: string } | null>(null);
  const role = useRole(slug, roleId);
  const [isEditing, setEditing] = useState(false);
  const [isAssessing, setAssessing] = useState(false);
  usePageTitle(gaps.data ? `Gaps: ${gaps.data.role.name}` : 'Gaps');

  if (gaps.isPending) return <PageLoader label="Verifying shared credentials" />;
  if (gaps.isError) return <ErrorState error={gaps.error} onRetry={() => void gaps.refetch()} />;
  const report = gaps.data;
  const expiring = report.members.flatMap((m) =>
    m.skills
      .filter((s) => s.expiresAt)
      .map((s) => ({
        member: m.name,
        skill: report.role.skills.find((r) => r.skillId === s.skillId)?.name ?? '',
        at: s.expiresAt!,
      })),
  );
  return (
    <Stack gap="xl">
      <PageHeader
        title={`Gaps: ${report.role.name}`}
        titleId="gaps-heading"
        description={`From credentials your people share that verify now. ${report.summary.members} sharing, ${report.summary.metPercent}% of requirements met.`}
        actions={
          <Group gap="sm">
            <Anchor component={Link} to={`/o/${slug}/roles`} size="sm">
              All roles
            </Anchor>
            <Button
              variant="default"
              leftSection={<IconPencil size={18} aria-hidden />}
              disabled={!role.data}
              onClick={() => setEditing(true)}
            >
              Edit role
            </Button>
            <Button
              variant="default"
              leftSection={<IconClipboardCheck size={18} aria-hidden />}
              disabled={report.members.length === 0}
              onClick={() => setAssessing(true)}
            >
              Manager assessment
            </Button>
            <Button
              component="a"
              href={gapsCsvUrl(slug, roleId, filter)}
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              Export CSV
            </Button>
          </Group>
        }
      />
      <Group gap="md" align="flex-end">
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={[
            { value: 'missing', label: 'Someone is missing a skill' },
            { value: 'below', label: 'Someone is below the level' },
            { value: 'met', label: 'Someone meets a skill' },
          ]}
          value={filter.status ?? null}
          onChange={(v) => setFilter((f) => ({ ...f, status: (v as GapFilter['status']) ?? undefined }))}
        />
        <Select
          label="Team"
          placeholder="Everyone who shares"
          clearable
          data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={filter.teamId ?? null}
          onChange={(v) => setFilter((f) => ({ ...f, teamId: v ?? undefined }))}
        />
      </Group>
      <Paper withBorder p="lg" bg="white">
        {report.members.length === 0 ? (
          <EmptyState icon={<IconUsers size={26} />} title="Nobody to show">
            Only members who share their credentials with you appear here. Ask your people to share from their Sharing
            page.
          </EmptyState>
        ) : (
          <GapHeatMap gaps={report} labelledBy="gaps-heading" />
        )}
      </Paper>
      {expiring.length > 0 ? (
        <Section frame="paper" title="Expiring in the next 90 days" titleId="expiring-heading">
          <DataTable
            rows={expiring}
            rowKey={(e) => `${e.member}-${e.skill}`}
            labelledBy="expiring-heading"
            minWidth={420}
            columns={[
              { header: 'Person', cell: (e) => e.member },
              { header: 'Skill', cell: (e) => e.skill },
              { header: 'Gap opens', cell: (e) => new Date(e.at).toLocaleDateString() },
            ]}
          />
        </Section>
      ) : null}
      <Section title="Close the gaps" titleId="recommendations-heading">
        {recommendations.isPending ? (
          <PageLoader label="Planning" />
        ) : recommendations.isError ? (
          <ErrorState error={recommendations.error} onRetry={() => void recommendations.refetch()} />
        ) : recommendations.data.needed.length === 0 ? (
          <Text c="dimmed">No gaps to close.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Plan title="Cheapest" plan={recommendations.data.cheapest} onAssign={setAssigning} onSeats={setSeating} />
            <Plan title="Shortest" plan={recommendations.data.shortest} onAssign={setAssigning} onSeats={setSeating} />
          </SimpleGrid>
        )}
      </Section>
      <Section frame="paper" title="Versions of this role" titleId="versions-heading">
        {role.isPending ? (
          <PageLoader label="Loading versions" />
        ) : role.isError ? (
          <ErrorState error={role.error} onRetry={() => void role.refetch()} />
        ) : (
          <RoleVersions role={role.data} labelledBy="versions-heading" />
        )}
      </Section>
      {role.data ? (
        <RoleFormModal
          key={role.data.version}
          slug={slug}
          role={role.data}
          opened={isEditing}
          onClose={() => setEditing(false)}
        />
      ) : null}
      <ManagerAssessmentModal
        slug={slug}
        people={report.members.map((m) => ({ userId: m.userId, name: m.name }))}
        skills={report.role.skills.map((s) => ({ skillId: s.skillId, name: s.name }))}
        opened={isAssessing}
        onClose={() => setAssessing(false)}
      />
      <SeatsModal slug={slug} programme={seating} onClose={() => setSeating(null)} />
      <AssignModal
        slug={slug}
        roleId={roleId}
        programme={assigning}
        people={report.members.map((m) => ({ userId: m.userId, name: m.name }))}
        onClose={() => setAssigning(null)}
      />
    </Stack>
  );
}
