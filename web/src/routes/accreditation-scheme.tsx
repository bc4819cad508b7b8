import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../components/page-states';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import { usePublicScheme } from '../features/accreditation/accreditation-api';
import { MarkdownText } from '../features/markdown/markdown';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/** The public page of an accreditation scheme: criteria, evidence asked for, validity, scope. */
export default function AccreditationSchemePage() {
  const { accreditorSlug = '', schemeSlug = '' } = useParams();
  const scheme = usePublicScheme(accreditorSlug, schemeSlug);
  usePageTitle(scheme.data?.name ?? 'Accreditation scheme');
  if (scheme.isPending) return <PageLoader label="Loading the scheme" />;
  if (!scheme.data) return <ErrorState error={scheme.error} onRetry={() => void scheme.refetch()} />;
  const s = scheme.data;
  const any = (items: (string | number)[]) => (items.length ? items.join(', ') : 'Any');
  return (
    <Stack gap="lg" py="xl" maw={860}>
      <PageHeader
        title={s.name}
        description={
          <Text c="dimmed">
            A scheme of {s.accreditor.name}.{' '}
            <Anchor component={Link} to={`/registers/${s.accreditor.slug}`}>
              See who holds it
            </Anchor>
          </Text>
        }
      />
      {s.summary ? <Text>{s.summary}</Text> : null}
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Valid for" value={`${s.validityMonths} months`} />
          <Fact label="Reviewed every" value={s.reviewIntervalMonths ? `${s.reviewIntervalMonths} months` : '—'} />
          <Fact label="Applications" value={s.isOpen ? 'Open' : 'Closed'} />
          <Fact label="EQF levels" value={any(s.scope.eqfLevels)} />
          <Fact label="Fields" value={any(s.scope.fields)} />
          <Fact label="Jurisdictions" value={any(s.scope.jurisdictions)} />
          <Fact label="Credential types" value={any(s.scope.credentialTypes)} />
          {s.feeNote ? <Fact label="Fee" value={s.feeNote} /> : null}
        </SimpleGrid>
      </Paper>
      {s.criteriaMarkdown ? (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Criteria
          </Title>
          <MarkdownText>{s.criteriaMarkdown}</MarkdownText>
        </Stack>
      ) : null}
      {s.evidenceItems.length ? (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Evidence asked for
          </Title>
          <List>
            {s.evidenceItems.map((e) => (
              <List.Item key={e}>{e}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}
