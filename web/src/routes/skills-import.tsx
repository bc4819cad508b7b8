import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconFileUpload, IconListSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { SkillCsvFormat } from '../api/types';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useImportSkills, usePreviewSkills, useSkillFrameworks } from '../features/skills/skills-api';
import { RequestError } from '../components/request-error';
import { Section } from '../components/section';
import { CsvProblems } from '../components/csv-problems';
import { DataTable } from '../components/data-table';

const FORMATS = [
  { value: 'auto', label: 'Detect from the header' },
  { value: 'esco', label: 'ESCO export' },
  { value: 'onet', label: 'O*NET export' },
  { value: 'cairn', label: 'Cairn columns' },
];

const MAX_BYTES = 16 * 1024 * 1024;

/** `/o/:slug/settings/skills`: import a skill framework from CSV, previewed and checked first. */
export default function SkillsImportPage() {
  const { slug = '' } = useParams();
  usePageTitle('Skills');
  const frameworks = useSkillFrameworks(slug);
  const preview = usePreviewSkills(slug);
  const importer = useImportSkills(slug);
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [format, setFormat] = useState('auto');
  const [frameworkName, setFrameworkName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const input = { csv, ...(format === 'auto' ? {} : { format: format as SkillCsvFormat }) };
  const result = preview.data;
  const isPreviewCurrent = preview.variables?.csv === csv && (preview.variables.format ?? 'auto') === format;

  const onFile = async (file: File | null) => {
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError('The file is larger than 16 MB.');
      return;
    }
    setFileName(file.name);
    setCsv(await file.text());
    preview.reset();
    importer.reset();
  };

  const onImport = () => {
    if (!frameworkName.trim()) {
      setNameError('Name the framework');
      return;
    }
    setNameError(null);
    importer.mutate({ ...input, frameworkName: frameworkName.trim() });
  };

  return (
    <Stack gap="xl">
      <Stack gap={4} maw={760}>
        <Title order={1}>Skills</Title>
        <Text c="dimmed">
          Cairn ships a starter framework. Import your own, or an ESCO or O*NET export, from a CSV file: preview it, fix
          what is reported by line, then import. Importing the same framework again updates it by code.
        </Text>
      </Stack>

      <Section frame="paper" gap="md" title="Import a framework" titleId="import-heading">
        <Group gap="sm" align="flex-end">
          <FileButton
            onChange={(f) => void onFile(f)}
            accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          >
            {(props) => (
              <Button variant="default" leftSection={<IconFileUpload size={18} aria-hidden />} {...props}>
                Choose a CSV file
              </Button>
            )}
          </FileButton>
          {fileName ? <Text size="sm">{fileName}</Text> : null}
          <Select
            label="Shape"
            data={FORMATS}
            value={format}
            onChange={(v) => setFormat(v ?? 'auto')}
            allowDeselect={false}
            w={220}
          />
        </Group>
        {fileError ? (
          <Text c="red" size="sm" role="alert">
            {fileError}
          </Text>
        ) : null}
        <Textarea
          label="Or paste the CSV"
          description="Comma, tab or semicolon separated, with a header row"
          autosize
          minRows={5}
          maxRows={14}
          ff="monospace"
          value={csv}
          onChange={(e) => {
            setCsv(e.currentTarget.value);
            setFileName(null);
          }}
        />
        <Group>
          <Button
            leftSection={<IconListSearch size={18} aria-hidden />}
            onClick={() => preview.mutate(input)}
            loading={preview.isPending}
            disabled={!csv.trim()}
          >
            Preview
          </Button>
        </Group>
        <RequestError error={preview.error} />

        {result ? (
          <Stack gap="sm" aria-live="polite">
            <Group gap="xs">
              <Badge variant="light">{result.format ? result.format.toUpperCase() : 'Unknown shape'}</Badge>
              <Text size="sm">
                {result.rowCount} skills read{result.isTruncated ? ', the first 500 shown' : ''}; {result.errors.length}{' '}
                {result.errors.length === 1 ? 'problem' : 'problems'}.
              </Text>
            </Group>
            {result.errors.length > 0 ? (
              <Alert color="red" title="Fix these lines, then preview again" role="alert">
                <ScrollArea.Autosize mah={260}>
                  <CsvProblems
                    problems={result.errors
                      .slice(0, 200)
                      .map((e) => ({ line: e.line, column: e.field, message: e.message }))}
                    label="Lines with problems"
                  />
                </ScrollArea.Autosize>
              </Alert>
            ) : null}
            {result.rows.length > 0 ? (
              <Table.ScrollContainer minWidth={640} mah={360}>
                <Table fz="sm" striped stickyHeader>
                  <Table.Caption>Preview of the skills read</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>Line</Table.Th>
                      <Table.Th>Code</Table.Th>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Group</Table.Th>
                      <Table.Th>Description</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.rows.map((r) => (
                      <Table.Tr key={r.line}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td ff="monospace">{r.code}</Table.Td>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>{r.group}</Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2}>
                            {r.description}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            {result.isValid && isPreviewCurrent ? (
              <Group align="flex-end" gap="sm">
                <TextInput
                  label="Framework name"
                  value={frameworkName}
                  onChange={(e) => setFrameworkName(e.currentTarget.value)}
                  error={nameError}
                  w={320}
                  maxLength={200}
                />
                <Button onClick={onImport} loading={importer.isPending}>
                  Import {result.rowCount} skills
                </Button>
              </Group>
            ) : !isPreviewCurrent ? (
              <Text size="sm" c="dimmed">
                The CSV changed since this preview. Preview again to import it.
              </Text>
            ) : null}
            <RequestError error={importer.error} />
            {importer.data ? (
              <Alert
                color="teal"
                icon={<IconCheck aria-hidden />}
                title={`Imported into ${importer.data.framework.name}`}
                role="status"
              >
                {importer.data.created} new, {importer.data.updated} updated, {importer.data.total} in the framework.
                Authors can align programmes to them now.
              </Alert>
            ) : null}
          </Stack>
        ) : null}
      </Section>

      <Section frame="paper" title="Frameworks you can align to" titleId="frameworks-heading">
        {frameworks.isPending ? (
          <PageLoader label="Loading frameworks" />
        ) : frameworks.isError ? (
          <ErrorState error={frameworks.error} onRetry={() => void frameworks.refetch()} />
        ) : (
          <DataTable
            rows={frameworks.data}
            rowKey={(f) => f.id}
            labelledBy="frameworks-heading"
            minWidth={300}
            columns={[
              {
                header: 'Name',
                cell: (f) => (
                  <>
                    {f.name}{' '}
                    {f.isStarter ? (
                      <Badge size="xs" variant="light">
                        Starter
                      </Badge>
                    ) : null}
                  </>
                ),
              },
              { header: 'Source', cell: (f) => f.source.toUpperCase() },
              { header: 'Skills', cell: (f) => f.skillCount },
            ]}
          />
        )}
      </Section>
    </Stack>
  );
}
