import { Button, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFlag } from '@tabler/icons-react';
import { FormModal } from '../../components/form-modal';
import { useReport } from './community-api';

type Target = { threadId: string } | { postId: string } | { messageId: string };

/** "Report" for anything people write: asks why, then tells the discussion's moderators. */
export function ReportButton({ target, what }: { target: Target; what: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const report = useReport();
  const form = useForm({ initialValues: { reason: '' } });
  return (
    <>
      <Button
        variant="subtle"
        color="gray"
        size="compact-xs"
        leftSection={<IconFlag size={14} aria-hidden />}
        onClick={open}
        aria-label={`Report ${what}`}
      >
        Report
      </Button>
      <FormModal
        opened={opened}
        onClose={close}
        title={`Report ${what}`}
        form={form}
        submitLabel="Report"
        onSubmit={async (values) => {
          await report.mutateAsync({ ...target, reason: values.reason });
          notifications.show({ message: 'Reported. The moderators will look at it.', color: 'teal' });
          form.reset();
          close();
        }}
      >
        <Text size="sm">The facilitator and the provider’s moderators see your report; the author does not.</Text>
        <Textarea label="What is wrong?" required data-autofocus minRows={3} {...form.getInputProps('reason')} />
      </FormModal>
    </>
  );
}
