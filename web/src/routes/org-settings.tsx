import {
  Button,
  Card,
  Checkbox,
  ColorInput,
  FileInput,
  Group,
  Image,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { OrgWithMyRole } from '../api/types';
import { errorMessage } from '../api/client';
import { CopyField } from '../components/copy-field';
import { FormAlert } from '../components/form-alert';
import { PageHeader } from '../components/page-header';
import { ErrorState, PageLoader, RestrictedNotice } from '../components/page-states';
import { useProblemSubmit } from '../components/use-problem-submit';
import { usePageTitle } from '../components/use-page-title';
import { uploadImage } from '../features/authoring/authoring-api';
import {
  useSaveOrgDetails,
  useSaveShowcaseSettings,
  useShowcaseSettings,
  type ShowcaseSettings,
} from '../features/orgs/org-settings-api';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole, ORG_ROLES } from '../features/orgs/roles';
import { Section } from '../components/section';

function DetailsForm({ org }: { org: OrgWithMyRole }) {
  const save = useSaveOrgDetails(org.slug);
  const form = useForm({
    initialValues: { name: org.name, roles: org.roles },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name'),
      roles: (v) => (v.length > 0 ? null : 'Pick at least one role'),
    },
  });
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    await save.mutateAsync(values);
    notifications.show({ color: 'teal', message: 'Organisation details saved.' });
  });
  return (
    <Card bg="white" component="section" aria-labelledby="org-details-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="lg" id="org-details-title">
            Name and roles
          </Title>
          <FormAlert message={formError} />
          <TextInput
            label="Name"
            description="The issuer name in every credential you sign from now on."
            required
            {...form.getInputProps('name')}
          />
          <Checkbox.Group
            label="Roles"
            description="What the organisation does on Cairn."
            {...form.getInputProps('roles')}
          >
            <Stack gap="xs" mt="xs">
              {ORG_ROLES.map((r) => (
                <Checkbox key={r.value} value={r.value} label={r.label} description={r.description} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save name and roles
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ShowcaseForm({ slug, settings }: { slug: string; settings: ShowcaseSettings }) {
  const save = useSaveShowcaseSettings(slug);
  const [isUploading, setIsUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      logoFileId: settings.logoFileId,
      linkedInOrganizationId: settings.linkedInOrganizationId ?? '',
      certificateColour: settings.certificateColour ?? '',
      signatoryName: settings.signatoryName ?? '',
      signatoryTitle: settings.signatoryTitle ?? '',
    },
  });
  const { onSubmit, formError } = useProblemSubmit(form, async (v) => {
    await save.mutateAsync({
      logoFileId: v.logoFileId,
      linkedInOrganizationId: v.linkedInOrganizationId.trim() || null,
      certificateColour: v.certificateColour.trim() || null,
      signatoryName: v.signatoryName.trim() || null,
      signatoryTitle: v.signatoryTitle.trim() || null,
    });
    notifications.show({ color: 'teal', message: 'Certificate and LinkedIn settings saved.' });
  });
  const onLogo = async (file: File | null) => {
    setUploadError(null);
    if (!file) return;
    setIsUploading(true);
    try {
      const image = await uploadImage(slug, file);
      form.setFieldValue('logoFileId', image.id);
    } catch (error) {
      setUploadError(errorMessage(error));
    } finally {
      setIsUploading(false);
    }
  };
  const logoId = form.values.logoFileId;
  return (
    <Card bg="white" component="section" aria-labelledby="org-showcase-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} fz="lg" id="org-showcase-title">
            Logo, certificates and LinkedIn
          </Title>
          <FormAlert message={formError} />
          <Group align="flex-end" gap="md">
            {logoId ? (
              <Image src={`/api/v1/images/${logoId}`} alt="Current logo" h={64} w="auto" fit="contain" />
            ) : null}
            <FileInput
              label="Logo"
              description="PNG or JPEG; shown on certificates and in your issuer profile."
              accept="image/png,image/jpeg,image/svg+xml"
              leftSection={<IconPhoto size={16} aria-hidden />}
              placeholder="Choose an image"
              onChange={(file) => void onLogo(file)}
              error={uploadError}
              disabled={isUploading}
              style={{ flex: 1 }}
            />
            {logoId ? (
              <Button variant="default" onClick={() => form.setFieldValue('logoFileId', null)}>
                Remove logo
              </Button>
            ) : null}
          </Group>
          <TextInput
            label="LinkedIn page id"
            description="The number in your LinkedIn page's admin address (linkedin.com/company/12345678/admin). Learners' 'Add to LinkedIn' then links to your page, and your issuer profile publishes it."
            inputMode="numeric"
            {...form.getInputProps('linkedInOrganizationId')}
          />
          <ColorInput
            label="Certificate colour"
            description="The accent of PDF certificates."
            format="hex"
            placeholder="#267076"
            {...form.getInputProps('certificateColour')}
          />
          <Group grow align="flex-start">
            <TextInput label="Signatory" placeholder="Dr Ada Byron" {...form.getInputProps('signatoryName')} />
            <TextInput
              label="Signatory's title"
              placeholder="Director of Studies"
              {...form.getInputProps('signatoryTitle')}
            />
          </Group>
          <Group>
            <Button type="submit" loading={save.isPending} disabled={isUploading}>
              Save certificate and LinkedIn settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** `/o/:slug/settings`: the organisation's name, roles, logo, LinkedIn page, certificate look and DIDs. */
export default function OrgSettingsPage() {
  const { slug = '' } = useParams();
  const org = useOrg(slug);
  const settings = useShowcaseSettings(slug);
  usePageTitle('Organisation settings');
  if (org.isPending || settings.isPending) return <PageLoader label="Loading the settings" />;
  if (org.isError) return <ErrorState error={org.error} title="The organisation could not be loaded" />;
  if (settings.isError) return <ErrorState error={settings.error} title="The settings could not be loaded" />;
  if (!isAdminRole(org.data.myRole)) {
    return (
      <RestrictedNotice title="Only owners and admins change the settings">
        Ask an owner or admin of {org.data.name} to change its name, roles, logo or certificate.
      </RestrictedNotice>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title="Organisation settings"
        description={`How ${org.data.name} appears on credentials, certificates and LinkedIn.`}
      />
      <DetailsForm org={org.data} />
      <ShowcaseForm slug={slug} settings={settings.data} />
      <Section frame="card" title="Issuer identifiers" titleId="org-dids-title">
        <Text size="sm" c="dimmed">
          Verifiers find your keys through these DIDs. Manage the keys under Signing keys.
        </Text>
        <Text size="sm" fw={600}>
          did:web
        </Text>
        <CopyField value={org.data.dids.web} label="did:web identifier" />
        <Text size="sm" fw={600}>
          did:key
        </Text>
        {org.data.dids.key ? (
          <CopyField value={org.data.dids.key} label="did:key identifier" />
        ) : (
          <Text size="sm" c="dimmed">
            Not created yet: it is made the first time a credential is signed as did:key.
          </Text>
        )}
      </Section>
    </Stack>
  );
}
