import {
  Accordion,
  Alert,
  Button,
  Checkbox,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconExternalLink, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { applyProblemToForm } from '../../api/form-errors';
import { CopyField } from '../../components/copy-field';
import { FormAlert } from '../../components/form-alert';
import { credentialPagePath, credentialPageUrl, credentialUuidOf, useIssueCredential } from './credentials-api';
import {
  ACHIEVEMENT_TYPES,
  buildIssueRequest,
  newUuid,
  signedCredentialId,
  toIssueFormProblem,
  type IssueFormValues,
} from './issue-credential';

const ExpiryDateInput = lazy(() => import('./expiry-date-input'));

const initialValues: IssueFormValues = {
  achievementName: '',
  description: '',
  criteria: '',
  achievementType: 'MicroCredential',
  recipientEmail: '',
  validUntil: null,
  format: 'ldp',
  cryptosuite: 'eddsa-rdfc-2022',
  isSuspendable: false,
};

/** Ids that belong to one opening of the form, so a double submit or a retry issues once. */
const freshIds = () => ({
  idempotencyKey: newUuid(),
  achievementId: `${window.location.origin}/achievements/adhoc/${newUuid()}`,
});

type Issued = { pageUrl: string; pagePath: string; name: string; recipient: string };

type IssueCredentialFormProps = { slug: string; orgName: string };

/** Issues one ad-hoc credential, then shows its public link. */
export function IssueCredentialForm({ slug, orgName }: IssueCredentialFormProps) {
  const issue = useIssueCredential(slug);
  const [ids, setIds] = useState(freshIds);
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const form = useForm<IssueFormValues>({
    mode: 'controlled',
    initialValues,
    validate: {
      achievementName: (v) => (v.trim() ? null : 'Name the achievement, e.g. “Safe Lifting, Level 2”.'),
      description: (v) => (v.trim() ? null : 'Describe what the achievement means.'),
      criteria: (v) => (v.trim() ? null : 'Say what the learner did to earn it.'),
      recipientEmail: (v) =>
        /^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter the learner’s email, like name@example.org.',
    },
  });

  const onSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const { verifiableCredential } = await issue.mutateAsync(buildIssueRequest({ values, ...ids }));
      const id = signedCredentialId(verifiableCredential);
      const uuid = id ? credentialUuidOf(id) : null;
      setIssued({
        pageUrl: uuid ? credentialPageUrl(uuid) : (id ?? ''),
        pagePath: uuid ? credentialPagePath(uuid) : (id ?? ''),
        name: values.achievementName.trim(),
        recipient: values.recipientEmail.trim(),
      });
    } catch (error) {
      setFormError(applyProblemToForm(form, toIssueFormProblem(error)));
    }
  });

  const issueAnother = () => {
    setIssued(null);
    setFormError(null);
    setIds(freshIds());
    issue.reset();
    form.reset();
  };

  if (issued) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title={`${issued.name} issued to ${issued.recipient}`}
        role="status"
      >
        <Stack gap="sm">
          <Text size="sm">
            Signed by {orgName}. Send this link to the learner: anyone who opens it sees the credential verified live.
          </Text>
          {issued.pageUrl ? <CopyField value={issued.pageUrl} label="credential link" /> : null}
          <Group gap="sm">
            {issued.pagePath ? (
              <Button
                component="a"
                href={issued.pagePath}
                target="_blank"
                rel="noopener"
                leftSection={<IconExternalLink size={18} aria-hidden />}
              >
                Open
              </Button>
            ) : null}
            <Button variant="default" leftSection={<IconPlus size={18} aria-hidden />} onClick={issueAnother}>
              Issue another
            </Button>
            <Button variant="subtle" component={Link} to={`/o/${slug}/credentials`}>
              Back to credentials
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  const isJwt = form.values.format === 'jwt';

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Issue a credential">
      <Stack gap="lg">
        <FormAlert message={formError} title="The credential was not issued" />

        <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={2} fz="lg" component="legend" mb="xs" p={0}>
            Achievement
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Name" required data-autofocus {...form.getInputProps('achievementName')} />
            <Select
              label="Type"
              data={ACHIEVEMENT_TYPES}
              allowDeselect={false}
              required
              size="md"
              {...form.getInputProps('achievementType')}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            required
            autosize
            minRows={2}
            maxRows={6}
            size="md"
            {...form.getInputProps('description')}
          />
          <Textarea
            label="Criteria"
            description="What the learner did to earn it, in a sentence or two."
            required
            autosize
            minRows={2}
            maxRows={6}
            size="md"
            {...form.getInputProps('criteria')}
          />
        </Stack>

        <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={2} fz="lg" component="legend" mb="xs" p={0}>
            Recipient
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Recipient email"
              description="Stored in the credential as a salted hash, not in clear."
              type="email"
              autoComplete="off"
              required
              {...form.getInputProps('recipientEmail')}
            />
            <Suspense fallback={<Skeleton height={62} mt={24} aria-label="Loading the date picker" />}>
              <ExpiryDateInput
                value={form.values.validUntil}
                onChange={(value) => form.setFieldValue('validUntil', value)}
                error={form.errors.validUntil}
              />
            </Suspense>
          </SimpleGrid>
        </Stack>

        <Accordion variant="contained" radius="md" chevronPosition="left">
          <Accordion.Item value="advanced">
            <Accordion.Control>Advanced: format and signature</Accordion.Control>
            <Accordion.Panel>
              <Stack gap="md">
                <Radio.Group label="Format" {...form.getInputProps('format')}>
                  <Stack gap="xs" mt="xs">
                    <Radio value="ldp" label="JSON-LD with an embedded proof (recommended; what most wallets expect)" />
                    <Radio value="jwt" label="VC-JWT (a compact token signed with EdDSA)" />
                  </Stack>
                </Radio.Group>
                <Select
                  label="Cryptosuite"
                  description={
                    isJwt ? 'Only for JSON-LD proofs; a VC-JWT is signed with EdDSA.' : 'How the proof is computed.'
                  }
                  data={[
                    { value: 'eddsa-rdfc-2022', label: 'eddsa-rdfc-2022 (RDF canonicalisation)' },
                    { value: 'eddsa-jcs-2022', label: 'eddsa-jcs-2022 (JSON canonicalisation)' },
                  ]}
                  allowDeselect={false}
                  disabled={isJwt}
                  size="md"
                  {...form.getInputProps('cryptosuite')}
                />
                <Checkbox
                  label="Allow suspending it"
                  description="Adds a second status entry so you can suspend and reinstate it later; without it a credential can only be revoked. Some Open Badges 3.0 checkers warn about the second entry."
                  {...form.getInputProps('isSuspendable', { type: 'checkbox' })}
                />
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>

        <Group>
          <Button type="submit" size="md" loading={form.submitting || issue.isPending}>
            Issue credential
          </Button>
          <Button variant="subtle" component={Link} to={`/o/${slug}/credentials`}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
