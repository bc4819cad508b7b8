import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { ProgrammeImage } from './programme-image';
import { Section } from '../../components/section';

type Alignment = { targetName?: string; targetCode?: string; targetFramework?: string; targetUrl?: string };
type ResultDescription = { name?: string; resultType?: string; requiredValue?: string };

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(record) : []);

/** The OB 3.0 Achievement a learner will hold: its name, description, criteria and alignments. */
export function BadgePreview({
  achievement,
  imageUrl,
}: {
  achievement: Record<string, unknown>;
  imageUrl: string | null;
}) {
  const headingId = useId();
  const name = str(achievement.name) ?? 'Credential';
  const description = str(achievement.description);
  const criteria = str(record(achievement.criteria).narrative);
  const type = str(achievement.achievementType);
  const alignments = list(achievement.alignment) as Alignment[];
  const results = list(achievement.resultDescription) as ResultDescription[];
  return (
    <Section frame="card" title="The credential you earn" titleId={headingId}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ProgrammeImage src={imageUrl} size={64} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          {type ? (
            <Badge variant="light" w="fit-content">
              {type.replace(/([a-z])([A-Z])/g, '$1 $2')}
            </Badge>
          ) : null}
          <Text fw={650}>{name}</Text>
          {description ? (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          ) : null}
        </Stack>
      </Group>
      {criteria ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Criteria
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {criteria}
          </Text>
        </Stack>
      ) : null}
      {results.length > 0 ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Results recorded
          </Text>
          <List size="sm">
            {results.map((r, i) => (
              <List.Item key={`${r.name ?? ''}-${i}`}>
                {r.name}
                {r.requiredValue ? ` (pass: ${r.requiredValue}${r.resultType === 'Percent' ? '%' : ''})` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {alignments.length > 0 ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Aligned skills
          </Text>
          <List size="sm">
            {alignments.map((a, i) => (
              <List.Item key={`${a.targetCode ?? ''}-${i}`}>
                {a.targetName}
                {a.targetFramework ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {a.targetFramework}
                    {a.targetCode ? ` ${a.targetCode}` : ''}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <Text size="xs" c="dimmed">
        Signed as an Open Badges 3.0 credential by the provider; anyone can verify it.
      </Text>
    </Section>
  );
}
