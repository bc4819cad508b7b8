import { Alert, Button, Center, Container, Image, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { client, data, isApiError } from '../api/client';
import { CopyField } from '../components/copy-field';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';

/**
 * What a person sees when a wallet pickup link (an interaction URL) opens in a browser instead
 * of a wallet app: what it is and how to use it, with the QR code to scan.
 */
export default function InteractionPage() {
  const { id = '' } = useParams();
  usePageTitle('Add a credential to your wallet');
  const interaction = useQuery({
    queryKey: ['interaction', id],
    queryFn: ({ signal }) =>
      data(client.GET('/interactions/{id}', { params: { path: { id }, query: { iuv: '1' } }, signal })),
    retry: false,
  });
  const link = `${window.location.origin}/interactions/${encodeURIComponent(id)}?iuv=1`;

  let body;
  if (interaction.isPending) body = <PageLoader label="Opening the pickup" />;
  else if (interaction.isError && isApiError(interaction.error) && [404, 410].includes(interaction.error.status)) {
    body = (
      <Alert color="gray" title="This pickup link no longer works" role="status">
        <Stack gap="xs">
          <Text size="sm">
            {interaction.error.status === 410
              ? 'It was used already, or its 10 minutes are over.'
              : 'There is no pickup at this address.'}{' '}
            Open your credential and choose “Add to a wallet” again for a fresh QR code.
          </Text>
          <Button component={Link} to="/me/credentials" w="fit-content">
            My credentials
          </Button>
        </Stack>
      </Alert>
    );
  } else if (interaction.isError) {
    body = (
      <ErrorState
        error={interaction.error}
        title="The pickup could not be opened"
        onRetry={() => void interaction.refetch()}
      />
    );
  } else {
    body = (
      <Stack gap="md">
        <Center>
          <Image
            src={`/interactions/${encodeURIComponent(id)}/qr.svg`}
            alt="QR code of this pickup link, to scan with your wallet app"
            w={240}
            h={240}
            fit="contain"
          />
        </Center>
        <List type="ordered" spacing="xs">
          <List.Item>
            Open the Learner Credential Wallet (or another wallet that speaks VC-API) on your phone.
          </List.Item>
          <List.Item>Scan this QR code with it, or open this link on the phone where the wallet is.</List.Item>
          <List.Item>
            The wallet proves which DID it holds; Cairn then hands it your credential, issued to that DID. The link
            works once, for 10 minutes.
          </List.Item>
        </List>
        <CopyField value={link} label="pickup link" />
      </Stack>
    );
  }

  return (
    <Container size="sm" py={{ base: 'lg', sm: 48 }}>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} bg="white">
        <Stack gap="md">
          <Title order={1}>Add a credential to your wallet</Title>
          <Text c="gray.7">
            This link is meant for a digital wallet app: it lets the wallet pick up a credential its owner chose to add.
          </Text>
          {body}
        </Stack>
      </Paper>
    </Container>
  );
}
