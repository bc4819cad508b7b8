import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconRosette, IconShieldCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Programme } from '../../api/types';
import { MarkdownText } from '../markdown/markdown';
import { credentialPagePath } from './endorsement-api';
import { Section } from '../../components/section';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The endorsements a programme's Achievement carries (as a credential issued now would embed them). */
export function endorsementsOf(achievement: Json): { id: string; by: string; comment: string | null }[] {
  const list = Array.isArray(achievement.endorsement) ? achievement.endorsement : [];
  return list.filter(isObject).flatMap((e) => {
    const issuer = isObject(e.issuer) ? e.issuer : {};
    const subject = isObject(e.credentialSubject) ? e.credentialSubject : {};
    return typeof e.id === 'string'
      ? [
          {
            id: e.id,
            by: typeof issuer.name === 'string' ? issuer.name : 'An industry partner',
            comment: typeof subject.endorsementComment === 'string' ? subject.endorsementComment : null,
          },
        ]
      : [];
  });
}

function CredentialBadge({ to, icon, label }: { to: string; icon: React.ReactNode; label: string }) {
  const path = credentialPagePath(to);
  const look = {
    size: 'lg',
    variant: 'light',
    color: 'teal',
    tt: 'none',
    fw: 600,
    leftSection: icon,
    style: { cursor: 'pointer' },
    title: 'Open the signed credential',
  } as const;
  return path.startsWith('/') ? (
    <Badge component={Link} to={path} {...look}>
      {label}
    </Badge>
  ) : (
    <Badge component="a" href={to} {...look}>
      {label}
    </Badge>
  );
}

/**
 * "Accredited by" and "Endorsed by" on a programme page: each a badge that opens the signed
 * credential (where it is verified), with the partner's comment.
 */
export function ProgrammeRecognition({ programme }: { programme: Programme }) {
  const endorsements = endorsementsOf(programme.achievement);
  const accreditations = programme.accreditations;
  if (endorsements.length === 0 && accreditations.length === 0) return null;
  return (
    <Section gap="xs" title="Recognition" titleId="recognition-heading">
      <Group gap={6}>
        {accreditations.map((a) => (
          <CredentialBadge
            key={a.credentialUrl}
            to={a.credentialUrl}
            icon={<IconShieldCheck size={16} aria-hidden />}
            label={`Accredited by ${a.accreditor.name}${a.subject === 'organization' ? ' (provider)' : ''}`}
          />
        ))}
        {endorsements.map((e) => (
          <CredentialBadge
            key={e.id}
            to={e.id}
            icon={<IconRosette size={16} aria-hidden />}
            label={`Endorsed by ${e.by}`}
          />
        ))}
      </Group>
      {endorsements
        .filter((e) => e.comment)
        .map((e) => (
          <Stack key={e.id} gap={2}>
            <Text size="sm" fw={600}>
              {e.by}:
            </Text>
            <MarkdownText>{e.comment!}</MarkdownText>
          </Stack>
        ))}
      <Text size="xs" c="dimmed">
        Signed credentials: open one to see it verified.{' '}
        <Anchor component={Link} to="/verify" size="xs">
          Verify a credential
        </Anchor>
      </Text>
    </Section>
  );
}
