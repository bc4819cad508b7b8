import { Button, Text, Textarea, type ButtonProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconFlag } from '@tabler/icons-react';
import { FormModal } from './form-modal';

type ReportActionProps = {
  /** The button's accessible name, e.g. "Report the review “…”". */
  buttonLabel: string;
  /** The dialog's title. */
  title: string;
  /** Who sees the report, or what happens next. */
  explanation: string;
  reasonLabel: string;
  /** Sends the report; throwing keeps the dialog open with the problem shown. */
  onReport: (reason: string) => Promise<unknown>;
  size?: ButtonProps['size'];
};

/** A quiet "Report" button and the dialog that asks why. */
export function ReportAction({
  buttonLabel,
  title,
  explanation,
  reasonLabel,
  onReport,
  size = 'xs',
}: ReportActionProps) {
  const [opened, { open, close }] = useDisclosure(false);
  const form = useForm({ initialValues: { reason: '' } });
  return (
    <>
      <Button
        variant="subtle"
        color="gray"
        size={size}
        leftSection={<IconFlag size={14} aria-hidden />}
        onClick={open}
        aria-label={buttonLabel}
      >
        Report
      </Button>
      <FormModal
        opened={opened}
        onClose={close}
        title={title}
        form={form}
        submitLabel="Report"
        onSubmit={async (values) => {
          await onReport(values.reason);
          form.reset();
          close();
        }}
      >
        <Text size="sm">{explanation}</Text>
        <Textarea label={reasonLabel} required data-autofocus minRows={3} {...form.getInputProps('reason')} />
      </FormModal>
    </>
  );
}
