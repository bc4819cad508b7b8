import { notifications } from '@mantine/notifications';
import { ReportAction } from '../../components/report-action';
import { useReport } from './community-api';

type Target = { threadId: string } | { postId: string } | { messageId: string };

/** "Report" for anything people write: asks why, then tells the discussion's moderators. */
export function ReportButton({ target, what }: { target: Target; what: string }) {
  const report = useReport();
  return (
    <ReportAction
      buttonLabel={`Report ${what}`}
      title={`Report ${what}`}
      explanation="The facilitator and the provider’s moderators see your report; the author does not."
      reasonLabel="What is wrong?"
      size="compact-xs"
      onReport={async (reason) => {
        await report.mutateAsync({ ...target, reason });
        notifications.show({ message: 'Reported. The moderators will look at it.', color: 'teal' });
      }}
    />
  );
}
