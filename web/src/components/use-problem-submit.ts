import type { UseFormReturnType } from '@mantine/form';
import { useState, type FormEvent } from 'react';
import { applyProblemToForm } from '../api/form-errors';

type SubmitOptions = {
  /** Rewrites the message shown above the form (null when every problem landed on a field). */
  describeError?: (error: unknown, message: string | null) => string | null;
};

/**
 * Submits a Mantine form through `submit`: a refusal's field errors land on their fields and the
 * rest becomes `formError`, for a `FormAlert`. While `submit` runs, `form.submitting` is true.
 */
export function useProblemSubmit<Values extends object>(
  form: UseFormReturnType<Values>,
  submit: (values: Values) => Promise<unknown> | void,
  { describeError }: SubmitOptions = {},
) {
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit: (event?: FormEvent<HTMLFormElement>) => void = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await submit(values);
    } catch (error) {
      const message = applyProblemToForm(form, error);
      setFormError(describeError ? describeError(error, message) : message);
    }
  });
  return { onSubmit, formError, setFormError };
}
