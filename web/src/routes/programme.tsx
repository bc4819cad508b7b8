import {
  Anchor,
  Badge,
  Box,
  Breadcrumbs,
  Button,
  Card,
  Container,
  Grid,
  Group,
  List,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCheck, IconClipboardCheck, IconFileText, IconListCheck, IconMapSearch } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import type { Programme } from '../api/types';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { BadgePreview } from '../features/catalog/badge-preview';
import { useProgramme } from '../features/catalog/catalog-api';
import {
  costLabel,
  formatLabel,
  hoursLabel,
  languageLabel,
  levelLabel,
  minutesLabel,
} from '../features/catalog/catalog-format';
import { ProgrammeImage } from '../features/catalog/programme-image';
import { ProgrammeRecognition } from '../features/endorsement/recognition-badges';
import { EnrolPanel } from '../features/learning/enrol-panel';
import { MarkdownText } from '../features/markdown/markdown';
import { ProgrammeReviews } from '../features/ratings/programme-reviews';
import { providerPath } from '../features/providers/provider-api';
import { Section } from '../components/section';
import { FactGrid, type Fact } from '../components/fact-grid';

function activityLabel(activity: Programme['modules'][number]['activity']): { label: string; color: string } | null {
  if (!activity) return null;
  if (activity.type === 'quiz')
    return {
      label: `Quiz · ${activity.questionCount} ${activity.questionCount === 1 ? 'question' : 'questions'}`,
      color: 'ember',
    };
  return { label: 'Assignment', color: 'grape' };
}

function KeyFacts({ programme }: { programme: Programme }) {
  const facts: Fact[] = [
    ['Cost', costLabel(programme.cost)],
    ['Effort', hoursLabel(programme.effortHours)],
    ['Duration', `${programme.durationWeeks} ${programme.durationWeeks === 1 ? 'week' : 'weeks'}`],
    ['CPD hours', hoursLabel(programme.cpdHours)],
    ['Level', levelLabel(programme.level)],
    ...(programme.fieldOfStudy ? [['Field of study', programme.fieldOfStudy] as Fact] : []),
    ['Format', formatLabel(programme.format)],
    ['Language', languageLabel(programme.language)],
    ['Credential valid', programme.validityMonths ? `${programme.validityMonths} months` : 'Does not expire'],
  ];
  return <FactGrid facts={facts} cols={{ base: 2, sm: 4 }} />;
}

/** `/catalog/:providerSlug/:slug`: everything a learner weighs before enrolling. */
export default function ProgrammePage() {
  const { providerSlug = '', slug = '' } = useParams();
  const programme = useProgramme(providerSlug, slug);
  usePageTitle(programme.data?.title ?? 'Programme');

  if (programme.isPending) {
    return (
      <Container size="lg" py="xl">
        <PageLoader label="Loading the programme" />
      </Container>
    );
  }
  if (programme.isError) {
    return (
      <Container size="lg" py="xl">
        {isApiError(programme.error) && programme.error.status === 404 ? (
          <EmptyState
            icon={<IconMapSearch size={28} />}
            title="No programme at this address"
            action={
              <Button component={Link} to="/catalog">
                Search the catalogue
              </Button>
            }
          >
            It may have been renamed or not be published yet.
          </EmptyState>
        ) : (
          <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />
        )}
      </Container>
    );
  }
  const p = programme.data;

  return (
    <Container size="lg" py={{ base: 'lg', sm: 'xl' }}>
      <Stack gap="xl">
        <Breadcrumbs separator="›">
          <Anchor component={Link} to="/catalog" size="sm">
            Catalogue
          </Anchor>
          <Anchor component={Link} to={`/catalog?provider=${encodeURIComponent(p.provider.slug)}`} size="sm">
            {p.provider.name}
          </Anchor>
        </Breadcrumbs>
        <Group align="flex-start" gap="lg" wrap="nowrap">
          <ProgrammeImage src={p.imageUrl} size={96} />
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {p.title}
            </Title>
            <Text c="dimmed">
              By{' '}
              <Anchor component={Link} to={providerPath(p.provider.slug)}>
                {p.provider.name}
              </Anchor>
              {p.partners.length > 0 ? ` · with industry partners ${p.partners.map((x) => x.name).join(', ')}` : ''} ·
              version {p.versionNumber}
            </Text>
            <Text size="lg">{p.summary}</Text>
          </Stack>
        </Group>

        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="xl">
              <KeyFacts programme={p} />
              <ProgrammeRecognition programme={p} />

              {p.skills.length > 0 ? (
                <Section gap="xs" title="Skills" titleId="skills-heading">
                  <Group gap={6}>
                    {p.skills.map((skill) => (
                      <Badge
                        key={skill.id}
                        component={Link}
                        to={`/catalog?skill=${encodeURIComponent(skill.id)}`}
                        variant="outline"
                        tt="none"
                        fw={500}
                        size="lg"
                        title={skill.description || skill.name}
                        style={{ cursor: 'pointer' }}
                      >
                        {skill.name}
                      </Badge>
                    ))}
                  </Group>
                </Section>
              ) : null}

              {p.outcomes.length > 0 ? (
                <Section gap="xs" title="What you will be able to do" titleId="outcomes-heading">
                  <List
                    spacing={6}
                    icon={
                      <ThemeIcon size={20} radius="xl" color="teal" aria-hidden>
                        <IconCheck size={14} />
                      </ThemeIcon>
                    }
                  >
                    {p.outcomes.map((o) => (
                      <List.Item key={o}>{o}</List.Item>
                    ))}
                  </List>
                </Section>
              ) : null}

              {p.description ? (
                <Section gap="xs" title="About this programme" titleId="about-heading">
                  <MarkdownText>{p.description}</MarkdownText>
                </Section>
              ) : null}

              <Section
                gap="xs"
                title="Modules"
                titleId="modules-heading"
                actions={
                  <Text size="sm" c="dimmed">
                    {p.modules.length} modules · {minutesLabel(p.totalMinutes)} in all
                  </Text>
                }
              >
                <Card bg="white" p={0}>
                  <Stack component="ol" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
                    {p.modules.map((m, i) => {
                      const activity = activityLabel(m.activity);
                      return (
                        <Group
                          component="li"
                          key={m.id}
                          justify="space-between"
                          wrap="nowrap"
                          p="md"
                          style={{ borderTop: i === 0 ? undefined : '1px solid var(--mantine-color-gray-2)' }}
                        >
                          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                            <Text c="dimmed" fw={600} w={24} aria-hidden>
                              {i + 1}
                            </Text>
                            <Stack gap={2} style={{ minWidth: 0 }}>
                              <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                                {m.title}
                              </Text>
                              {activity ? (
                                <Badge variant="light" color={activity.color} size="sm" w="fit-content">
                                  {activity.label}
                                </Badge>
                              ) : null}
                            </Stack>
                          </Group>
                          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                            {minutesLabel(m.estimatedMinutes)}
                          </Text>
                        </Group>
                      );
                    })}
                  </Stack>
                </Card>
              </Section>

              <Section gap="xs" title="Assessment" titleId="assessment-heading">
                <Group gap="md">
                  <Group gap={6}>
                    <IconListCheck size={18} aria-hidden />
                    <Text size="sm">
                      {p.assessment.quizCount} {p.assessment.quizCount === 1 ? 'quiz' : 'quizzes'}
                    </Text>
                  </Group>
                  <Group gap={6}>
                    <IconFileText size={18} aria-hidden />
                    <Text size="sm">
                      {p.assessment.assignmentCount} {p.assessment.assignmentCount === 1 ? 'assignment' : 'assignments'}
                    </Text>
                  </Group>
                  <Group gap={6}>
                    <IconClipboardCheck size={18} aria-hidden />
                    <Text size="sm">Pass mark {p.assessment.passMark}%</Text>
                  </Group>
                </Group>
                {p.assessment.summary ? <Text size="sm">{p.assessment.summary}</Text> : null}
                {p.modules.some((m) => m.activity?.type === 'assignment') ? (
                  <List size="sm">
                    {p.modules.flatMap((m) =>
                      m.activity?.type === 'assignment'
                        ? [
                            <List.Item key={m.id}>
                              {m.title}: assessed on {m.activity.criteria.join(', ')} ({m.activity.maxPoints} points);
                              evidence as {m.activity.evidenceKinds.join(', ')}.
                            </List.Item>,
                          ]
                        : [],
                    )}
                  </List>
                ) : null}
              </Section>
              <ProgrammeReviews providerSlug={p.provider.slug} slug={p.slug} />
              <Box hiddenFrom="md">
                <BadgePreview achievement={p.achievement} imageUrl={p.imageUrl} />
              </Box>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Stack gap="lg" style={{ position: 'sticky', top: 16 }}>
              <EnrolPanel programme={p} />
              <Box visibleFrom="md">
                <BadgePreview achievement={p.achievement} imageUrl={p.imageUrl} />
              </Box>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
