import { Progress, Stack, Text } from '@mantine/core';
import type { MyPathway } from './pathways-types';

/** A progress bar with its figures in words ("2 of 3 done"). */
export function PathwayProgress({ progress, name }: { progress: MyPathway['progress']; name: string }) {
  const value = progress.required > 0 ? Math.min(100, Math.round((progress.done / progress.required) * 100)) : 0;
  return (
    <Stack gap={4}>
      {/* The bar is the progressbar (not its section, whose value text Mantine fixes at "n%"), so
          it can say "2 of 3 requirements done". */}
      <Progress.Root
        role="progressbar"
        aria-label={`Progress on ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${progress.done} of ${progress.required} requirements done`}
      >
        <Progress.Section value={value} withAria={false} />
      </Progress.Root>
      <Text size="sm" c="dimmed">
        {progress.done} of {progress.required} done
      </Text>
    </Stack>
  );
}
