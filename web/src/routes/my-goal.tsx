import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../api/client';
import { DataTable } from '../components/data-table';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import {
  formatMoney,
  useEnrolFromPlan,
  useGoalPlan,
  type GoalPlan,
  type PlanFilters,
} from '../features/goals/goals-api';

type Step = GoalPlan['steps'][number];

function StepAction({ goalId, step }: { goalId: string; step: Step }) {
  const enrol = useEnrolFromPlan(goalId);
  const navigate = useNavigate();
  if (step.enrolment)
    return (
      <Button component={Link} to={`/learn/${step.enrolment.id}`} size="xs" variant="light">
        {step.enrolment.status === 'completed' ? 'Completed' : 'Continue'}
      </Button>
    );
  if (step.kind !== 'programme' || !step.slug || !step.providerSlug)
    return (
      <Button component={Link} to={`/pathways/${step.id}`} size="xs" variant="default">
        View pathway
      </Button>
    );
  const isFree = !step.cost || step.cost.amountMinor === 0;
  if (!isFree)
    return (
      <Button component={Link} to={`/catalog/${step.providerSlug}/${step.slug}`} size="xs" variant="default">
        Enrol with a voucher
      </Button>
    );
  return (
    <Stack gap={2}>
      <Button
        size="xs"
        loading={enrol.isPending}
        aria-label={`Enrol in ${step.name}`}
        onClick={() =>
          enrol.mutate(
            { providerSlug: step.providerSlug!, slug: step.slug! },
            { onSuccess: (detail) => void navigate(`/learn/${detail.id}`) },
          )
        }
      >
        Enrol
      </Button>
      {enrol.isError ? (
        <Text size="xs" c="red" role="alert">
          {errorMessage(enrol.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** `/me/goals/:id`: the gap, the plan (cheapest or quickest), its totals and a week-by-week schedule. */
export default function MyGoalPage() {
  const { id = '' } = useParams();
  const [filters, setFilters] = useState<PlanFilters>({
    optimise: 'cost',
    accreditedOnly: false,
    language: '',
    currency: '',
  });
  const plan = useGoalPlan(id, filters);
  usePageTitle(plan.data ? `Goal: ${plan.data.goal.title}` : 'Goal');
  if (plan.isPending) return <PageLoader label="Planning" />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const skillName = new Map(p.required.map((s) => [s.id, s.name]));
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Anchor component={Link} to="/me/goals" size="sm">
          ← My goals
        </Anchor>
        <Title order={1}>{p.goal.title}</Title>
        <Text c="dimmed">
          {p.goal.targetDate ? `Target: ${p.goal.targetDate}` : 'No target date'}
          {p.goal.weeklyHours ? ` · ${p.goal.weeklyHours} hours a week` : ''}
        </Text>
      </Stack>

      <Card withBorder bg="white">
        <Stack gap="xs">
          <Title order={2} fz="lg" id="gap-heading">
            Skills: {p.required.filter((s) => s.isHeld).length} of {p.required.length} held
          </Title>
          <Group gap="xs" aria-labelledby="gap-heading" role="list">
            {p.required.map((s) => (
              <Badge
                role="listitem"
                key={s.id}
                variant={s.isHeld ? 'filled' : 'outline'}
                color={s.isHeld ? 'teal' : 'gray'}
                leftSection={s.isHeld ? <IconCircleCheck size={12} aria-hidden /> : null}
              >
                {s.name}
                {s.isHeld ? ' (held)' : ' (to learn)'}
              </Badge>
            ))}
          </Group>
          <Text size="sm" c="dimmed">
            Held means a credential you hold now, issued here or verified in your wallet, carries the skill.
          </Text>
        </Stack>
      </Card>

      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="optimise-label">
            Plan for
          </Text>
          <SegmentedControl
            aria-labelledby="optimise-label"
            value={filters.optimise}
            onChange={(v) => setFilters({ ...filters, optimise: v as 'cost' | 'time' })}
            data={[
              { value: 'cost', label: 'Lowest cost' },
              { value: 'time', label: 'Least time' },
            ]}
          />
        </Stack>
        <Checkbox
          label="Accredited programmes only"
          checked={filters.accreditedOnly}
          onChange={(e) => setFilters({ ...filters, accreditedOnly: e.currentTarget.checked })}
        />
        <TextInput
          label="Language"
          placeholder="en"
          w={90}
          value={filters.language}
          onChange={(e) => setFilters({ ...filters, language: e.currentTarget.value.trim().toLowerCase() })}
        />
        <TextInput
          label="Convert to"
          placeholder="GBP"
          w={100}
          value={filters.currency}
          onChange={(e) => setFilters({ ...filters, currency: e.currentTarget.value.trim().toUpperCase() })}
        />
      </Group>

      {p.feasible ? null : (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="This plan does not fit">
          {p.reason}
        </Alert>
      )}

      <Stack gap="sm">
        <Title order={2} fz="lg" id="steps-heading">
          {p.gap.length === 0
            ? 'Nothing left to learn'
            : `Plan: ${p.steps.length} step${p.steps.length === 1 ? '' : 's'}`}
        </Title>
        {p.steps.length > 0 ? (
          <DataTable
            labelledBy="steps-heading"
            minWidth={720}
            rows={p.steps}
            rowKey={(s) => s.id}
            columns={[
              {
                header: 'Step',
                isRowHeader: true,
                cell: (s) =>
                  s.slug && s.providerSlug ? (
                    <Anchor component={Link} to={`/catalog/${s.providerSlug}/${s.slug}`}>
                      {s.name}
                    </Anchor>
                  ) : (
                    s.name
                  ),
              },
              { header: 'Covers', cell: (s) => s.covers.map((c) => skillName.get(c) ?? c).join(', ') },
              { header: 'Cost', cell: (s) => formatMoney(s.cost), align: 'right' },
              { header: 'Hours', cell: (s) => s.hours, align: 'right' },
              { header: 'CPD hours', cell: (s) => s.cpdHours, align: 'right', visibleFrom: 'sm' },
              { header: 'Action', cell: (s) => <StepAction goalId={id} step={s} /> },
            ]}
          />
        ) : null}
        <Text size="sm" aria-live="polite">
          Total: {p.totals.cost.length === 0 ? 'free' : p.totals.cost.map(formatMoney).join(' + ')}
          {p.totals.converted ? ` (about ${formatMoney(p.totals.converted)})` : ''} · {p.totals.hours} hours ·{' '}
          {p.totals.cpdHours} CPD hours
        </Text>
        {p.totals.rateNote ? (
          <Text size="xs" c="dimmed">
            {p.totals.rateNote}
          </Text>
        ) : null}
      </Stack>

      {p.schedule.weeks.length > 0 ? (
        <Stack gap="sm">
          <Title order={2} fz="lg" id="schedule-heading">
            Week by week{p.schedule.finishesOn ? ` (done by ${p.schedule.finishesOn})` : ''}
          </Title>
          <DataTable
            labelledBy="schedule-heading"
            minWidth={480}
            rows={p.schedule.weeks}
            rowKey={(w) => String(w.week)}
            columns={[
              { header: 'Week', isRowHeader: true, cell: (w) => `${w.week} (from ${w.startsOn})` },
              { header: 'Work', cell: (w) => w.items.map((i) => `${i.name}: ${i.hours} h`).join('; ') },
            ]}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
