import { Alert, Button, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage, isApiError } from '../../api/client';
import type { Programme } from '../../api/types';
import { useSession } from '../auth/use-session';
import { costLabel } from '../catalog/catalog-format';
import { learnPath, useEnrol, useMyLearning } from './learning-api';
import { Section } from '../../components/section';
import { LogInFirst } from '../auth/log-in-first';

/** Enrol, enrol with a voucher, log in first, or continue: whichever fits this visitor. */
export function EnrolPanel({ programme }: { programme: Programme }) {
  const { session, isPending: isSessionPending } = useSession();
  const navigate = useNavigate();
  const learning = useMyLearning(Boolean(session));
  const enrol = useEnrol(programme.provider.slug, programme.slug);
  const [voucher, setVoucher] = useState('');
  const [voucherError, setVoucherError] = useState<string | null>(null);
  const isPaid = programme.cost !== null;

  const mine = learning.data?.find(
    (e) =>
      e.programme.providerSlug === programme.provider.slug &&
      e.programme.slug === programme.slug &&
      e.status !== 'withdrawn',
  );

  const onEnrol = () => {
    setVoucherError(null);
    const code = voucher.trim();
    if (isPaid && code.length < 4) {
      setVoucherError('Enter the voucher code the provider gave you');
      return;
    }
    enrol.mutate(isPaid ? code : undefined, {
      onSuccess: (detail) => void navigate(learnPath(detail.id, detail.nextModuleId)),
      onError: (error) => {
        const existing =
          isApiError(error) && error.status === 409
            ? error.errors.find((e) => e.field === 'enrolmentId')?.message
            : undefined;
        if (existing) void navigate(learnPath(existing));
        else if (isApiError(error) && error.errors.some((e) => e.field.includes('voucher')))
          setVoucherError(errorMessage(error));
      },
    });
  };

  let action;
  if (isSessionPending || (session && learning.isPending)) {
    action = <Skeleton height={42} />;
  } else if (!session) {
    action = <LogInFirst label="Log in to enrol" newcomer="New to Cairn?" />;
  } else if (mine?.status === 'active') {
    action = (
      <Stack gap="xs">
        <Text size="sm">
          You are enrolled: {mine.progress.done} of {mine.progress.total} modules done.
        </Text>
        <Button
          component={Link}
          to={learnPath(mine.id, mine.nextModuleId)}
          leftSection={<IconPlayerPlay size={18} aria-hidden />}
          fullWidth
        >
          Continue learning
        </Button>
      </Stack>
    );
  } else if (mine?.status === 'completed') {
    action = (
      <Stack gap="xs">
        <Text size="sm">You completed this programme.</Text>
        {mine.credentialId ? (
          <Button component={Link} to={`/credentials/${mine.credentialId}`} fullWidth>
            See your credential
          </Button>
        ) : (
          <Button component={Link} to={learnPath(mine.id)} variant="default" fullWidth>
            Open the programme
          </Button>
        )}
      </Stack>
    );
  } else {
    action = (
      <Stack gap="sm">
        {isPaid ? (
          <TextInput
            label="Voucher code"
            description="Paid programmes take a voucher code from the provider or your employer."
            value={voucher}
            onChange={(e) => setVoucher(e.currentTarget.value)}
            error={voucherError}
            autoComplete="off"
            onKeyDown={(e) => {
              if (e.key === 'Enter') onEnrol();
            }}
          />
        ) : null}
        {enrol.isError &&
        !voucherError &&
        !(isApiError(enrol.error) && enrol.error.status === 409 && enrol.error.errors.length > 0) ? (
          <Alert color="red" role="alert">
            {errorMessage(enrol.error)}
          </Alert>
        ) : null}
        <Button onClick={onEnrol} loading={enrol.isPending} fullWidth>
          {isPaid ? 'Enrol with voucher' : 'Enrol for free'}
        </Button>
      </Stack>
    );
  }

  return (
    <Section frame="card" title={costLabel(programme.cost)} titleId="enrol-heading">
      {action}
      {isPaid ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs">
          <Text size="xs">Cairn does not process payments yet: enrol in a paid programme with a voucher code.</Text>
        </Alert>
      ) : null}
    </Section>
  );
}
