import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import { CohortsPanel } from '../features/community/cohorts-panel';
import { useOrg } from '../features/orgs/orgs-api';
import { ReviewModeration } from '../features/ratings/review-moderation';
import type { ModerationFilter } from '../features/ratings/ratings-api';

const canModerateReviews = (role: string | undefined) => role === 'owner' || role === 'admin' || role === 'author';

/** A provider's learners together: cohorts of its programmes and the reviews learners write. */
export default function OrgCommunityPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const [filter, setFilter] = useState<ModerationFilter>('waiting');
  usePageTitle('Cohorts and reviews');
  if (!org) return null;
  const isModerator = canModerateReviews(org.myRole);
  return (
    <Stack gap="xl">
      <PageHeader
        title="Cohorts and reviews"
        description="Run cohorts of your cohort programmes, and decide which learner reviews the catalogue shows."
        maw={720}
      />
      <Stack gap="sm" component="section" aria-labelledby="cohorts-heading">
        <Title order={2} size="h3" id="cohorts-heading">
          Cohorts
        </Title>
        <CohortsPanel orgSlug={slug} canManage={isModerator} />
      </Stack>
      {isModerator ? (
        <Stack gap="sm" component="section" aria-labelledby="programme-reviews-heading">
          <Title order={2} size="h3" id="programme-reviews-heading">
            Learner reviews
          </Title>
          <ReviewModeration orgSlug={slug} filter={filter} onFilter={setFilter} />
        </Stack>
      ) : null}
    </Stack>
  );
}
