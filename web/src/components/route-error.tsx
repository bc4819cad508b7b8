import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { CairnMark } from './cairn-mark';
import { SkipLink } from './skip-link';

/**
 * The error boundary of every route. A failed lazy import (a new deployment replaced the chunk)
 * is the usual cause, so reloading is the first thing offered.
 */
export function RouteError() {
  const error = useRouteError();
  const isNotFound = isRouteErrorResponse(error) && error.status === 404;
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'An unexpected error happened.';
  return (
    <>
      <SkipLink />
      <Container size="sm" py={80} component="main" id="main" tabIndex={-1}>
        <Stack align="center" ta="center" gap="md" role="alert">
          <CairnMark size={64} />
          <Title order={1}>{isNotFound ? 'Page not found' : 'Something went wrong'}</Title>
          <Text c="dimmed">
            {isNotFound
              ? 'There is no page at this address.'
              : 'This page could not be shown. Reloading usually fixes it.'}
          </Text>
          {isNotFound ? null : (
            <Text size="sm" c="dimmed" ff="monospace">
              {message}
            </Text>
          )}
          <Group justify="center">
            <Button onClick={() => window.location.reload()}>Reload the page</Button>
            <Button component={Link} to="/" variant="default">
              Go to the home page
            </Button>
          </Group>
        </Stack>
      </Container>
    </>
  );
}
