import { Anchor, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconRosette } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { credentialPagePath, usePartnerPage } from '../features/endorsement/endorsement-api';
import { MarkdownText } from '../features/markdown/markdown';

/** An industry partner's public page: what it endorses now, each endorsement a signed credential. */
export default function PartnerPage() {
  const { slug = '' } = useParams();
  const page = usePartnerPage(slug);
  usePageTitle(page.data ? page.data.organization.name : 'Industry partner');
  return (
    <Container size="md" py={{ base: 'lg', sm: 48 }}>
      {page.isPending ? (
        <PageLoader label="Loading the partner" />
      ) : page.isError ? (
        <ErrorState error={page.error} title="No such industry partner" />
      ) : (
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1}>{page.data.organization.name}</Title>
            <Text c="dimmed">
              Industry partner · endorses the programmes below ·{' '}
              <Anchor component={Link} to={`/catalog?endorsedBy=${encodeURIComponent(slug)}`}>
                find them in the catalogue
              </Anchor>
            </Text>
          </Stack>
          {page.data.endorsements.length === 0 ? (
            <EmptyState icon={<IconRosette size={26} />} title="No endorsements in force">
              {page.data.organization.name} endorses nothing at the moment.
            </EmptyState>
          ) : (
            page.data.endorsements.map((e) => (
              <Card key={e.id} withBorder bg="white">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="wrap">
                    <Title order={2} fz="lg">
                      {e.subject.type === 'programme' ? (
                        <Anchor component={Link} to={`/catalog/${e.subject.providerSlug}/${e.subject.slug}`}>
                          {e.subject.title}
                        </Anchor>
                      ) : (
                        e.subject.name
                      )}
                    </Title>
                    <Anchor component={Link} to={credentialPagePath(e.credentialId)} size="sm">
                      Signed endorsement
                    </Anchor>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {e.subject.type === 'programme'
                      ? `By ${e.subject.providerName} · version ${e.subject.versionNumber} · `
                      : 'Provider · '}
                    endorsed {dayjs(e.validFrom).format('D MMMM YYYY')}
                  </Text>
                  <MarkdownText>{e.comment}</MarkdownText>
                </Stack>
              </Card>
            ))
          )}
        </Stack>
      )}
    </Container>
  );
}
