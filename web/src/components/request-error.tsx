import { Alert } from '@mantine/core';
import { errorMessage } from '../api/client';

/** Why a request failed, announced as an alert; nothing while there is no error. */
export function RequestError({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
