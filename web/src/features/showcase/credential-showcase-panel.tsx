import { Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBrandLinkedin, IconCode, IconFileTypePdf } from '@tabler/icons-react';
import { CopyField } from '../../components/copy-field';
import { linkedInAddToProfileUrl, linkedInFields, type LinkedInCertification } from '../credentials/linkedin';
import { badgeEmbedSnippet, type CredentialShowcase } from './showcase-api';

type Props = {
  showcase: CredentialShowcase;
  /** Only a verified credential is offered to LinkedIn. */
  canShare: boolean;
  name: string;
  issuedAt: string | null | undefined;
  expiresAt: string | null | undefined;
  pageUrl: string;
};

/**
 * The showcase actions of a credential page: the PDF certificate (to its holder, or once the
 * holder shared it), "Add to LinkedIn" with the fields to copy by hand, and a badge to embed.
 */
export function CredentialShowcasePanel({ showcase, canShare, name, issuedAt, expiresAt, pageUrl }: Props) {
  const [isLinkedInOpen, linkedIn] = useDisclosure(false);
  const [isEmbedOpen, embed] = useDisclosure(false);
  const cert: LinkedInCertification = {
    name,
    organizationName: showcase.issuer.name,
    organizationId: showcase.issuer.linkedInOrganizationId,
    issuedAt: issuedAt ?? '',
    expiresAt,
    certUrl: pageUrl,
    certId: showcase.id,
  };
  return (
    <Stack gap="sm">
      <Group gap="sm">
        {showcase.renderMethod.map((r) => (
          <Button
            key={r.id}
            component="a"
            href={new URL(r.id).pathname + new URL(r.id).search}
            download
            variant="default"
            leftSection={<IconFileTypePdf size={18} aria-hidden />}
          >
            {r.name}
          </Button>
        ))}
        {canShare ? (
          <Button
            component="a"
            href={linkedInAddToProfileUrl(cert)}
            target="_blank"
            rel="noopener noreferrer"
            color="#0a66c2"
            leftSection={<IconBrandLinkedin size={18} aria-hidden />}
          >
            Add to LinkedIn
          </Button>
        ) : null}
        {canShare ? (
          <Button variant="subtle" onClick={linkedIn.toggle} aria-expanded={isLinkedInOpen}>
            {isLinkedInOpen ? 'Hide the LinkedIn fields' : 'Fill LinkedIn in by hand'}
          </Button>
        ) : null}
        <Button
          variant="subtle"
          leftSection={<IconCode size={18} aria-hidden />}
          onClick={embed.toggle}
          aria-expanded={isEmbedOpen}
        >
          Embed the badge
        </Button>
      </Group>
      <Collapse in={isLinkedInOpen}>
        <Card bg="white">
          <Stack gap="xs">
            <Title order={2} fz="md">
              For LinkedIn's "Add licence or certification" form
            </Title>
            <Text size="sm" c="dimmed">
              LinkedIn fills these in from the button when it can; copy any it missed.
            </Text>
            {linkedInFields(cert).map((f) => (
              <Stack gap={2} key={f.label}>
                <Text size="sm" fw={600}>
                  {f.label}
                </Text>
                <CopyField value={f.value} label={f.label} />
              </Stack>
            ))}
          </Stack>
        </Card>
      </Collapse>
      <Collapse in={isEmbedOpen}>
        <Card bg="white">
          <Stack gap="xs">
            <Title order={2} fz="md">
              Embed this badge
            </Title>
            <Text size="sm" c="dimmed">
              Paste this HTML into a web page: the badge image carries the credential, and the link opens this page,
              which verifies it.
            </Text>
            <CopyField
              value={badgeEmbedSnippet({ pageUrl, badgeUrl: showcase.badgeUrl, name })}
              label="badge embed HTML"
            />
          </Stack>
        </Card>
      </Collapse>
    </Stack>
  );
}
