import { Alert, Badge, Card, Group, Image, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAward, IconCircleCheckFilled, IconCircleXFilled } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { VerificationResult, VerificationSummary } from '../../api/types';
import { RecognitionReport } from '../endorsement/recognition-report';
import { VerificationChecklist } from './verification-checklist';

/** The first reason a credential failed, in words: an error, else the first failed check. */
export function failureReason(result: VerificationResult): string {
  const failed = result.checks.find((c) => c.status === 'failed');
  return result.errors[0] ?? (failed ? `${failed.label}: ${failed.message}` : 'One of the checks did not pass.');
}

function Verdict({ result }: { result: VerificationResult }) {
  const isValid = result.verified;
  return (
    <Paper
      p="lg"
      radius="md"
      withBorder
      bg={isValid ? 'var(--mantine-color-teal-0)' : 'var(--mantine-color-red-0)'}
      style={{ borderColor: isValid ? 'var(--mantine-color-teal-4)' : 'var(--mantine-color-red-4)' }}
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={56} radius="xl" color={isValid ? 'teal' : 'red'} variant="transparent" aria-hidden>
          {isValid ? <IconCircleCheckFilled size={56} /> : <IconCircleXFilled size={56} />}
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={2} fz={26} c={isValid ? 'teal.9' : 'red.9'}>
            {isValid ? 'Valid credential' : 'Not valid'}
          </Title>
          <Text>
            {isValid
              ? 'The signature is genuine and the credential has not been changed, revoked or expired.'
              : failureReason(result)}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function AchievementCard({ summary }: { summary: VerificationSummary }) {
  const date = (value: string | null) => (value ? dayjs(value).format('D MMMM YYYY') : null);
  return (
    <Card bg="white">
      <Group align="flex-start" wrap="nowrap" gap="lg">
        {summary.image ? (
          <Image
            src={summary.image}
            alt={`Badge image of ${summary.achievementName ?? 'the achievement'}`}
            w={96}
            h={96}
            fit="contain"
            radius="md"
          />
        ) : (
          <ThemeIcon size={96} radius="md" variant="light" color="ember" aria-hidden>
            <IconAward size={56} />
          </ThemeIcon>
        )}
        <Stack gap={6} style={{ minWidth: 0 }}>
          {summary.achievementType ? (
            <Badge variant="light" w="fit-content">
              {summary.achievementType.replace(/([a-z])([A-Z])/g, '$1 $2')}
            </Badge>
          ) : null}
          <Title order={2} fz="xl">
            {summary.achievementName ?? 'Unnamed achievement'}
          </Title>
          <Text size="sm">
            Issued by <strong>{summary.issuerName || 'an unnamed issuer'}</strong>
          </Text>
          {summary.issuerId ? (
            <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {summary.issuerId}
            </Text>
          ) : null}
          {summary.achievementDescription ? (
            <Text size="sm" c="gray.7">
              {summary.achievementDescription}
            </Text>
          ) : null}
          <Text size="sm" c="dimmed">
            {summary.recipient ? <>Awarded to {summary.recipient}. </> : null}
            Valid from {date(summary.validFrom) ?? 'an unknown date'}
            {summary.validUntil ? ` until ${date(summary.validUntil)}` : ', with no end date'}.
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

/** Everything a verification returned: verdict, what was verified, and each check. */
export function VerificationResultView({ result }: { result: VerificationResult }) {
  return (
    <Stack gap="lg" aria-live="polite">
      <Verdict result={result} />
      {result.summary ? <AchievementCard summary={result.summary} /> : null}
      <RecognitionReport result={result} />
      {result.warnings.length > 0 ? (
        <Alert color="yellow" title="Worth knowing">
          <List size="sm">
            {result.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Card bg="white">
        <Stack gap="md">
          <Title order={2} fz="lg">
            What we checked
          </Title>
          {result.checks.length > 0 ? (
            <VerificationChecklist checks={result.checks} />
          ) : (
            <Text c="dimmed">No checks could run on this input.</Text>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
