import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconCertificate, IconFileTypePdf, IconJson } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import { useMyCredentials } from '../features/learning/learning-api';
import { resumePath } from '../features/showcase/showcase-api';
import { Section } from '../components/section';

/**
 * `/me/resume`: the learner picks the credentials that go into their CV and downloads it as
 * JSON Resume or PDF. Credentials not in force are left out by the server whatever is ticked.
 */
export default function MyResumePage() {
  usePageTitle('Export a CV');
  const credentials = useMyCredentials();
  const [picked, setPicked] = useState<string[] | null>(null);
  if (credentials.isPending) return <PageLoader label="Loading your credentials" />;
  if (credentials.isError) return <ErrorState error={credentials.error} title="Your credentials could not be loaded" />;
  const inForce = credentials.data.filter((c) => c.status === 'active');
  const chosen = picked ?? inForce.map((c) => c.id);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Export a CV"
        description="Your credentials as a JSON Resume (for CV tools and job sites) or a printable PDF. Each entry links to the page that verifies it."
      />
      {inForce.length === 0 ? (
        <EmptyState icon={<IconCertificate size={32} aria-hidden />} title="Nothing to export yet">
          Credentials you earn appear here.
        </EmptyState>
      ) : (
        <Section frame="card" gap="md" title="What goes in" titleId="resume-pick-title">
          <Checkbox.Group
            value={chosen}
            onChange={setPicked}
            label="Credentials"
            description="Pathways go under education; the skills come from what the credentials evidence."
          >
            <Stack gap="xs" mt="xs">
              {inForce.map((c) => (
                <Checkbox
                  key={c.id}
                  value={c.id}
                  label={c.achievementName ?? 'Credential'}
                  description={`${c.issuer.name} · ${dayjs(c.issuedAt).format('D MMM YYYY')}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Text size="sm" c="dimmed">
            {chosen.length} of {inForce.length} chosen.
          </Text>
          <Group>
            <Button
              component="a"
              href={resumePath('json', chosen)}
              download="resume.json"
              leftSection={<IconJson size={18} aria-hidden />}
              disabled={chosen.length === 0}
            >
              Download JSON Resume
            </Button>
            <Button
              component="a"
              href={resumePath('pdf', chosen)}
              download="cv.pdf"
              variant="default"
              leftSection={<IconFileTypePdf size={18} aria-hidden />}
              disabled={chosen.length === 0}
            >
              Download PDF
            </Button>
          </Group>
        </Section>
      )}
    </Stack>
  );
}
