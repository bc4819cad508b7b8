import { Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { VerificationResult } from '../../api/types';
import { Section } from '../../components/section';

type Finding = {
  by: string;
  atIssue: boolean;
  now: boolean;
  withdrawnAt: string | null;
  /** An accreditation's status in the register now (endorsements have none). */
  status?: string;
  problems: string[];
};

const day = (iso: string) => dayjs(iso).format('D MMMM YYYY');

/** In words: "in force at issue and now", "withdrawn on …", or why it does not count. */
export function findingState(f: Finding): { text: string; tone: 'ok' | 'past' | 'bad' } {
  if (f.atIssue && f.now) return { text: 'in force at issue and now', tone: 'ok' };
  if (f.withdrawnAt) {
    return {
      text: f.atIssue ? `in force at issue; withdrawn on ${day(f.withdrawnAt)}` : `withdrawn on ${day(f.withdrawnAt)}`,
      tone: f.atIssue ? 'past' : 'bad',
    };
  }
  if (f.status === 'expired')
    return { text: f.atIssue ? 'in force at issue; expired now' : 'expired', tone: f.atIssue ? 'past' : 'bad' };
  if (f.atIssue) return { text: 'in force at issue, not now', tone: 'past' };
  if (f.now) return { text: 'in force now, not at issue', tone: 'past' };
  return { text: 'does not hold', tone: 'bad' };
}

function FindingLine({ label, finding }: { label: string; finding: Finding }) {
  const state = findingState(finding);
  const color = state.tone === 'ok' ? 'teal' : state.tone === 'past' ? 'yellow' : 'red';
  const Icon = state.tone === 'ok' ? IconCircleCheck : state.tone === 'past' ? IconAlertTriangle : IconCircleX;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon color={color} variant="light" radius="xl" size="md" aria-hidden>
        <Icon size={16} />
      </ThemeIcon>
      <Stack gap={2}>
        <Text size="sm">
          <strong>
            {label} {finding.by}
          </strong>{' '}
          — {state.text}
        </Text>
        {state.tone === 'bad' && finding.problems.length > 0 ? (
          <List size="xs" c="dimmed">
            {finding.problems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Group>
  );
}

/**
 * The accreditation and endorsement checks of a verification: each on its own, never part of
 * whether the credential itself is valid.
 */
export function RecognitionReport({ result }: { result: VerificationResult }) {
  if (result.accreditations.length === 0 && result.endorsements.length === 0) return null;
  return (
    <Section frame="card" title="Accreditation and endorsement" titleId="recognition-report-heading">
      <Text size="sm" c="dimmed">
        Checked on their own: they do not change whether the credential itself is valid.
      </Text>
      {result.accreditations.map((a) => (
        <FindingLine key={`${a.byId}-${a.scheme}-${a.subject}`} label="Accredited by" finding={a} />
      ))}
      {result.endorsements.map((e, i) => (
        <FindingLine
          key={`${e.credentialId ?? i}`}
          label={e.subject === 'issuer' ? 'Issuer endorsed by' : 'Endorsed by'}
          finding={e}
        />
      ))}
    </Section>
  );
}

/** For the credential's own page: who accredited or endorsed it when it was issued. */
export function RecognitionAtIssue({ result }: { result: VerificationResult }) {
  const accredited = [...new Set(result.accreditations.filter((a) => a.atIssue).map((a) => a.by))];
  const endorsed = [...new Set(result.endorsements.filter((e) => e.atIssue).map((e) => e.by))];
  if (accredited.length === 0 && endorsed.length === 0) return null;
  return (
    <Stack gap={2}>
      {accredited.map((by) => (
        <Text key={`a-${by}`} size="sm" fw={600} c="teal.9">
          Accredited by {by} at the time of issue
        </Text>
      ))}
      {endorsed.map((by) => (
        <Text key={`e-${by}`} size="sm" fw={600} c="teal.9">
          Endorsed by {by} at the time of issue
        </Text>
      ))}
    </Stack>
  );
}
