import {
  Alert,
  Badge,
  Button,
  Card,
  Container,
  CopyButton,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconCircleCheckFilled,
  IconCircleXFilled,
  IconClockX,
  IconDownload,
  IconLink,
  IconPhoto,
  IconPlayerPause,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import type { SignedCredential, VerificationSummary } from '../api/types';
import { CairnMark } from '../components/cairn-mark';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { BadgeImage } from '../features/credentials/badge-image';
import { CredentialPathways } from '../features/pathways/credential-pathways';
import { AddToWallet, WalletPickupLog } from '../features/exchanges/add-to-wallet-dialog';
import { criteriaNarrative, readDetails } from '../features/credentials/credential-details';
import { credentialVerdict, verdictView, type CredentialVerdict } from '../features/credentials/credential-verdict';
import {
  badgeImagePath,
  credentialPageUrl,
  parseCredentialText,
  useLiveVerification,
  usePublishedCredential,
} from '../features/credentials/credentials-api';
import { clickDownload, credentialFile, downloadText } from '../features/credentials/download';
import { CredentialShowcasePanel } from '../features/showcase/credential-showcase-panel';
import { useCredentialShowcase } from '../features/showcase/showcase-api';
import { RecognitionAtIssue, RecognitionReport } from '../features/endorsement/recognition-report';
import { VerificationChecklist } from '../features/verify/verification-checklist';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const longDate = (value: string | null | undefined) => (value ? dayjs(value).format('D MMMM YYYY') : null);

const verdictIcon: Record<CredentialVerdict, typeof IconCheck> = {
  verified: IconCircleCheckFilled,
  revoked: IconCircleXFilled,
  suspended: IconPlayerPause,
  expired: IconClockX,
  unverified: IconAlertTriangle,
};

function NotFound() {
  return (
    <Stack align="center" ta="center" gap="md" py={48}>
      <CairnMark size={72} />
      <Title order={1}>No credential at this address</Title>
      <Text c="dimmed" maw={520}>
        The link may be incomplete, or the credential was never issued on this Cairn. Check the link you were sent, or
        verify a credential file you have.
      </Text>
      <Group justify="center">
        <Button component={Link} to="/verify">
          Verify a credential file
        </Button>
        <Button component={Link} to="/" variant="default">
          Go to the home page
        </Button>
      </Group>
    </Stack>
  );
}

function VerdictBanner({
  verdict,
  reason,
  checkedAt,
}: {
  verdict: CredentialVerdict;
  reason: string | null;
  checkedAt: number;
}) {
  const view = verdictView[verdict];
  const Icon = verdictIcon[verdict];
  return (
    <Paper
      p="lg"
      withBorder
      bg={`var(--mantine-color-${view.color}-0)`}
      style={{ borderColor: `var(--mantine-color-${view.color}-4)` }}
      role="status"
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={48} radius="xl" color={view.color} variant="transparent" aria-hidden>
          <Icon size={48} />
        </ThemeIcon>
        <Stack gap={4}>
          <Title order={2} fz={24} c={`${view.color}.9`}>
            {view.title}
          </Title>
          <Text>{view.text}</Text>
          {reason ? (
            <Text size="sm" c="gray.7">
              {reason}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            Checked live by Cairn at {dayjs(checkedAt).format('HH:mm, D MMMM YYYY')}.
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function Facts({ details, issuedTo }: { details: VerificationSummary; issuedTo: string | null }) {
  const rows: [string, string][] = [];
  // The name the issuer recorded, shown with the holder's consent (the signed subject is a salted hash).
  if (issuedTo) rows.push(['Issued to', issuedTo]);
  rows.push(['Issued by', details.issuerName ?? details.issuerId ?? 'Unknown issuer']);
  if (details.recipient) rows.push(['Awarded to', details.recipient]);
  rows.push(['Issued on', longDate(details.validFrom) ?? 'Unknown']);
  rows.push(['Expires', longDate(details.validUntil) ?? 'Does not expire']);
  return (
    <Stack component="dl" gap={6} m={0}>
      {rows.map(([term, value]) => (
        <Group key={term} gap="xs" wrap="nowrap" align="baseline">
          <Text component="dt" size="sm" c="dimmed" w={92} style={{ flexShrink: 0 }}>
            {term}
          </Text>
          <Text component="dd" size="sm" fw={500} m={0} style={{ wordBreak: 'break-word' }}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export default function CredentialPage() {
  const { id = '' } = useParams();
  const isWellFormed = UUID.test(id);
  const published = usePublishedCredential(id, isWellFormed);
  const signed = useMemo<SignedCredential | undefined>(() => {
    if (published.data === undefined) return undefined;
    try {
      return parseCredentialText(published.data);
    } catch {
      return undefined;
    }
  }, [published.data]);
  const verification = useLiveVerification(id, signed);
  const showcase = useCredentialShowcase(id, isWellFormed && published.isSuccess);
  const [hasImageFailed, setHasImageFailed] = useState(false);

  const details = verification.data?.summary ?? readDetails(signed);
  const name = details?.achievementName ?? 'Credential';
  usePageTitle(published.isSuccess ? name : 'Credential');

  const isNotFound =
    !isWellFormed ||
    (published.isError &&
      isApiError(published.error) &&
      (published.error.status === 404 || published.error.status === 400));

  let body;
  if (isNotFound) body = <NotFound />;
  else if (published.isPending) body = <PageLoader label="Loading the credential" />;
  else if (published.isError)
    body = (
      <ErrorState
        error={published.error}
        title="The credential could not be loaded"
        onRetry={() => void published.refetch()}
      />
    );
  else if (signed === undefined) {
    body = (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="This credential cannot be read" role="alert">
        What is published at this address is neither a JSON credential nor a VC-JWT.
      </Alert>
    );
  } else {
    const text = published.data;
    const pageUrl = credentialPageUrl(id);
    const verdict = verification.data ? credentialVerdict(verification.data) : null;
    const failed = verification.data?.checks.find((c) => c.status === 'failed');
    const reason =
      verdict && verdict !== 'verified'
        ? failed
          ? `${failed.label}: ${failed.message}`
          : (verification.data?.errors[0] ?? null)
        : null;
    const criteria = criteriaNarrative(signed);
    const file = credentialFile(text, id);
    const canShare = verdict === 'verified';

    body = (
      <Stack gap="lg">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} bg="white">
          <Group align="flex-start" gap="xl" wrap="wrap">
            <BadgeImage
              src={badgeImagePath(id)}
              alt={`Badge of ${name}`}
              size={160}
              hasFailed={hasImageFailed}
              onFail={() => setHasImageFailed(true)}
            />
            <Stack gap="sm" style={{ flex: '1 1 280px', minWidth: 0 }}>
              {details?.achievementType ? (
                <Badge variant="light" w="fit-content">
                  {details.achievementType.replace(/([a-z])([A-Z])/g, '$1 $2')}
                </Badge>
              ) : null}
              <Title order={1} style={{ wordBreak: 'break-word' }}>
                {name}
              </Title>
              {details?.achievementDescription ? <Text c="gray.7">{details.achievementDescription}</Text> : null}
              {details ? <Facts details={details} issuedTo={showcase.data?.issuedTo ?? null} /> : null}
            </Stack>
          </Group>
        </Paper>

        <div aria-live="polite">
          {verification.isPending ? (
            <Paper withBorder p="lg" bg="white" role="status">
              <Group gap="sm">
                <Loader size="sm" />
                <Text>Verifying the signature and status…</Text>
              </Group>
            </Paper>
          ) : verification.isError ? (
            <ErrorState
              error={verification.error}
              title="Could not verify right now"
              onRetry={() => void verification.refetch()}
            />
          ) : verdict ? (
            <VerdictBanner verdict={verdict} reason={reason} checkedAt={verification.dataUpdatedAt} />
          ) : null}
        </div>

        {verification.data ? (
          <>
            <RecognitionAtIssue result={verification.data} />
            <RecognitionReport result={verification.data} />
          </>
        ) : null}

        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
            onClick={() => downloadText(text, file.filename, file.type)}
          >
            {file.filename.endsWith('.jwt') ? 'Download JWT' : 'Download JSON'}
          </Button>
          {hasImageFailed ? null : (
            <Button
              variant="default"
              leftSection={<IconPhoto size={18} aria-hidden />}
              onClick={() => clickDownload(badgeImagePath(id), `badge-${id}.png`)}
            >
              Download badge
            </Button>
          )}
          <CopyButton value={pageUrl} timeout={2000}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconLink size={18} aria-hidden />}
                onClick={copy}
              >
                {copied ? 'Link copied' : 'Copy share link'}
              </Button>
            )}
          </CopyButton>
          {canShare ? <AddToWallet credentialId={id} /> : null}
        </Group>

        {showcase.data ? (
          <CredentialShowcasePanel
            showcase={showcase.data}
            canShare={canShare}
            name={name}
            issuedAt={details?.validFrom}
            expiresAt={details?.validUntil}
            pageUrl={pageUrl}
          />
        ) : null}

        {criteria ? (
          <Card bg="white">
            <Stack gap="xs">
              <Title order={2} fz="lg">
                How it was earned
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {criteria}
              </Text>
            </Stack>
          </Card>
        ) : null}

        <CredentialPathways credentialId={id} />
        <WalletPickupLog credentialId={id} />

        {verification.data ? (
          <Card bg="white">
            <Stack gap="md">
              <Title order={2} fz="lg">
                What we checked
              </Title>
              {verification.data.checks.length > 0 ? (
                <VerificationChecklist checks={verification.data.checks} />
              ) : (
                <Text c="dimmed">No checks could run on this credential.</Text>
              )}
              {verification.data.warnings.length > 0 ? (
                <Alert color="yellow" title="Worth knowing">
                  <List size="sm">
                    {verification.data.warnings.map((w) => (
                      <List.Item key={w}>{w}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
            </Stack>
          </Card>
        ) : null}

        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Credential {pageUrl}
          {details?.issuerId ? ` · issuer ${details.issuerId}` : ''}. An Open Badges 3.0 verifiable credential; any
          compatible verifier can check it.
        </Text>
      </Stack>
    );
  }

  return (
    <Container size="md" py={{ base: 'lg', sm: 48 }}>
      {body}
    </Container>
  );
}
