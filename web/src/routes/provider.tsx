import { Anchor, Card, Container, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconRosette, IconSchool } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { programmePath } from '../features/catalog/catalog-format';
import { ProgrammeImage } from '../features/catalog/programme-image';
import { MarkdownText } from '../features/markdown/markdown';
import { useProviderPage } from '../features/providers/provider-api';

const date = (iso: string) => dayjs(iso).format('D MMMM YYYY');

/**
 * A provider's public page: its published programmes, and the accreditations and endorsements of
 * the organisation in force now, each opening its signed credential.
 */
export default function ProviderPage() {
  const { slug = '' } = useParams();
  const page = useProviderPage(slug);
  usePageTitle(page.data ? page.data.organization.name : 'Provider');
  return (
    <Container size="md" py={{ base: 'lg', sm: 48 }}>
      {page.isPending ? (
        <PageLoader label="Loading the provider" />
      ) : page.isError ? (
        <ErrorState error={page.error} title="No such provider" />
      ) : (
        <Stack gap="xl">
          <Group gap="lg" wrap="nowrap" align="center">
            {page.data.organization.logoUrl ? (
              <Image
                src={page.data.organization.logoUrl}
                alt={`${page.data.organization.name} logo`}
                w={72}
                h={72}
                fit="contain"
              />
            ) : null}
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Title order={1} style={{ overflowWrap: 'anywhere' }}>
                {page.data.organization.name}
              </Title>
              <Text c="dimmed">
                Provider · {page.data.programmeCount} published programme{page.data.programmeCount === 1 ? '' : 's'}
              </Text>
            </Stack>
          </Group>

          <Stack gap="sm" component="section" aria-labelledby="provider-recognition-heading">
            <Title order={2} fz="xl" id="provider-recognition-heading">
              Accreditation and endorsement
            </Title>
            <Text size="sm" c="dimmed">
              Of the organisation itself, in force now. Each opens its signed credential, verified on its page.
            </Text>
            {page.data.accreditations.length === 0 && page.data.endorsements.length === 0 ? (
              <Text c="dimmed">No accreditation or endorsement of {page.data.organization.name} is in force.</Text>
            ) : (
              <Stack gap="xs">
                {page.data.accreditations.map((a) => (
                  <Card key={a.credentialRowId} withBorder bg="white" padding="sm">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Group gap="xs" wrap="nowrap">
                        <IconCertificate size={20} aria-hidden />
                        <Text fw={600}>
                          Accredited by {a.accreditor.name} · {a.scheme}
                        </Text>
                      </Group>
                      <Anchor component={Link} to={`/credentials/${a.credentialRowId}`} size="sm">
                        Signed accreditation
                      </Anchor>
                    </Group>
                    <Text size="sm" c="dimmed">
                      Since {date(a.validFrom)}
                      {a.validUntil ? ` · until ${date(a.validUntil)}` : ''}
                    </Text>
                  </Card>
                ))}
                {page.data.endorsements.map((e) => (
                  <Card key={e.id} withBorder bg="white" padding="sm">
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Group gap="xs" wrap="nowrap">
                        <IconRosette size={20} aria-hidden />
                        <Text fw={600}>
                          Endorsed by{' '}
                          <Anchor component={Link} to={`/partners/${e.endorser.slug}`} inherit>
                            {e.endorser.name}
                          </Anchor>
                        </Text>
                      </Group>
                      <Anchor component={Link} to={`/credentials/${e.credentialRowId}`} size="sm">
                        Signed endorsement
                      </Anchor>
                    </Group>
                    <Text size="sm" c="dimmed">
                      Since {date(e.validFrom)}
                    </Text>
                    <MarkdownText>{e.comment}</MarkdownText>
                  </Card>
                ))}
              </Stack>
            )}
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="provider-programmes-heading">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} fz="xl" id="provider-programmes-heading">
                Programmes
              </Title>
              {page.data.programmeCount > page.data.programmes.length ? (
                <Anchor component={Link} to={`/catalog?provider=${encodeURIComponent(slug)}`} size="sm">
                  All {page.data.programmeCount} in the catalogue
                </Anchor>
              ) : null}
            </Group>
            {page.data.programmes.length === 0 ? (
              <EmptyState icon={<IconSchool size={26} />} title="No published programmes">
                {page.data.organization.name} has not published a programme yet.
              </EmptyState>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {page.data.programmes.map((p) => (
                  <Card key={p.slug} component="article" withBorder bg="white">
                    <Group wrap="nowrap" align="flex-start" gap="md">
                      <ProgrammeImage src={p.imageUrl} size={56} />
                      <Stack gap={4} style={{ minWidth: 0 }}>
                        <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
                          <Anchor component={Link} to={programmePath(slug, p.slug)} inherit>
                            {p.title}
                          </Anchor>
                        </Title>
                        {p.summary ? (
                          <Text size="sm" lineClamp={3}>
                            {p.summary}
                          </Text>
                        ) : null}
                      </Stack>
                    </Group>
                  </Card>
                ))}
              </SimpleGrid>
            )}
          </Stack>
        </Stack>
      )}
    </Container>
  );
}
