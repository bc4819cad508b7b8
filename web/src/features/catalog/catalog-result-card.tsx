import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAward, IconClock, IconSchool, IconWorld } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CatalogItem } from '../../api/types';
import { costLabel, formatLabel, hoursLabel, levelLabel, programmePath } from './catalog-format';
import { ProgrammeImage } from './programme-image';
import { providerPath } from '../providers/provider-api';
import { CompareToggle } from '../compare/compare-toggle';
import { RatingSummaryLine } from '../ratings/rating-summary';

const MAX_SKILLS = 4;

/** One search result: what a learner scans before opening the programme. */
export function CatalogResultCard({
  item,
  rating,
}: {
  item: CatalogItem;
  /** Average and count of approved reviews, once loaded. */
  rating?: { average: number | null; count: number } | undefined;
}) {
  const extraSkills = item.skills.length - MAX_SKILLS;
  return (
    <Card component="article" bg="white" p={{ base: 'md', sm: 'lg' }}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ProgrammeImage src={item.imageUrl} size={72} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Title order={3} fz="lg" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={programmePath(item.provider.slug, item.slug)} c="cairn.9" inherit>
                {item.title}
              </Anchor>
            </Title>
            <Badge
              variant={item.cost ? 'light' : 'filled'}
              color={item.cost ? 'gray' : 'teal'}
              style={{ flexShrink: 0 }}
            >
              {costLabel(item.cost)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={providerPath(item.provider.slug)} c="dimmed" inherit>
              {item.provider.name}
            </Anchor>
            {item.partners.length > 0 ? ` · with ${item.partners.map((p) => p.name).join(', ')}` : ''}
          </Text>
          {item.summary ? (
            <Text size="sm" lineClamp={2}>
              {item.summary}
            </Text>
          ) : null}
          <Group gap="md" mt={2}>
            <Fact icon={<IconClock size={16} aria-hidden />} label={`${hoursLabel(item.effortHours)} effort`} />
            <Fact icon={<IconAward size={16} aria-hidden />} label={`${hoursLabel(item.cpdHours)} CPD`} />
            <Fact icon={<IconSchool size={16} aria-hidden />} label={levelLabel(item.level)} />
            <Fact icon={<IconWorld size={16} aria-hidden />} label={formatLabel(item.format)} />
          </Group>
          <Group justify="space-between" gap="sm" mt={2}>
            {rating ? <RatingSummaryLine average={rating.average} count={rating.count} size="xs" /> : <span />}
            <CompareToggle id={item.id} title={item.title} />
          </Group>
          {item.skills.length > 0 ? (
            <Group gap={6} mt={4} aria-label="Skills">
              {item.skills.slice(0, MAX_SKILLS).map((skill) => (
                <Badge key={skill.id} variant="outline" color="cairn" tt="none" fw={500}>
                  {skill.name}
                </Badge>
              ))}
              {extraSkills > 0 ? (
                <Text size="xs" c="dimmed">
                  +{extraSkills} more
                </Text>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}

function Fact({ icon, label }: { icon: React.ReactNode; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text c="cairn.7" display="flex">
        {icon}
      </Text>
      <Text size="sm">{label}</Text>
    </Group>
  );
}
