import { Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { FormAlert } from './form-alert';
import { useProblemSubmit } from './use-problem-submit';

type FormModalProps<Values extends object> = {
  opened: boolean;
  onClose: () => void;
  /** The dialog's title, and the form's accessible name. */
  title: string;
  form: UseFormReturnType<Values>;
  /** Sends the form; throwing puts the problem's field errors on the fields and the rest above them. */
  onSubmit: (values: Values) => Promise<unknown> | void;
  submitLabel: string;
  /** The fields (the first with `data-autofocus`). */
  children: ReactNode;
  /** Once set, shown instead of the form (a secret shown once), and a click outside no longer closes. */
  result?: ReactNode;
  /** The title while `result` is shown. */
  resultTitle?: string;
  describeError?: (error: unknown, message: string | null) => string | null;
  size?: ModalProps['size'];
};

/** A dialog around a form: its fields, a refusal explained, Cancel, and a submit that shows it is busy. */
export function FormModal<Values extends object>({
  opened,
  onClose,
  title,
  form,
  onSubmit,
  submitLabel,
  children,
  result,
  resultTitle,
  describeError,
  size,
}: FormModalProps<Values>) {
  const { onSubmit: submit, formError, setFormError } = useProblemSubmit(form, onSubmit, { describeError });
  const close = () => {
    setFormError(null);
    onClose();
  };
  const isShowingResult = result !== undefined && result !== null;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{isShowingResult ? (resultTitle ?? title) : title}</Text>}
      centered
      size={size}
      closeOnClickOutside={!isShowingResult}
    >
      {isShowingResult ? (
        result
      ) : (
        <form onSubmit={submit} noValidate aria-label={title}>
          <Stack gap="md">
            <FormAlert message={formError} />
            {children}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={form.submitting}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

type FreshFormModalOptions<Values extends object> = {
  opened: boolean;
  onClose: () => void;
  form: UseFormReturnType<Values>;
  /** Sends the form; the dialog closes once it succeeds. */
  onSubmit: (values: Values) => Promise<unknown>;
  /** Clears what else the dialog holds (a mutation's error) when it closes. */
  onReset?: () => void;
};

/**
 * The `FormModal` props of a dialog that starts afresh each time it opens: closing it (Cancel, or
 * after a successful submit) empties the form.
 */
export function useFreshFormModal<Values extends object>({
  opened,
  onClose,
  form,
  onSubmit,
  onReset,
}: FreshFormModalOptions<Values>) {
  const close = () => {
    form.reset();
    onReset?.();
    onClose();
  };
  const submit = async (values: Values) => {
    await onSubmit(values);
    close();
  };
  return { opened, onClose: close, form, onSubmit: submit };
}
