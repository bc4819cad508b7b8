import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Grid,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCircleCheck,
  IconDeviceFloppy,
  IconExternalLink,
  IconLock,
  IconRocket,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useBlocker, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage, isApiError } from '../api/client';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useOrg } from '../features/orgs/orgs-api';
import { achievementTypeLabel, PathwayDetailsForm, SLUG_PATTERN } from '../features/pathways/pathway-details-form';
import {
  useCreatePathway,
  useKnownNames,
  useOrgPathway,
  usePathwayValidation,
  usePublishPathway,
  useRefNames,
  useSaveDraft,
  type PathwayForEditor,
  type PathwayVersion,
} from '../features/pathways/pathway-editor-api';
import { pathwayPath } from '../features/pathways/pathway-format';
import { PathwayMap } from '../features/pathways/pathway-map';
import {
  emptyTree,
  fromApiTree,
  mergeProblems,
  nodeAt,
  nodeLabel,
  pathOf,
  placeProblems,
  prepareInput,
  referencedIds,
  shownLocalProblems,
  toPreviewMap,
  type DraftNode,
  type FieldProblem,
  type PathwayDetails,
  type PlacedProblems,
} from '../features/pathways/pathway-tree';
import { RecommendedOrder } from '../features/pathways/recommended-order';
import { RequirementTreeEditor } from '../features/pathways/requirement-tree-editor';

const DETAIL_FIELDS = ['name', 'description', 'achievementType', 'criteriaNarrative', 'imageUrl', 'slug'];
const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  achievementType: 'Type',
  criteriaNarrative: 'Criteria',
  imageUrl: 'Image URL',
  slug: 'Address',
  recommendedOrder: 'Suggested order',
};
const noProblems: PlacedProblems = { byNode: {}, other: [] };

/** The version the editor works on: the draft, else the newest published one. */
function currentVersion(pathway: PathwayForEditor): PathwayVersion | undefined {
  return (
    pathway.versions.find((v) => v.status === 'draft') ??
    [...pathway.versions].sort((a, b) => b.versionNumber - a.versionNumber)[0]
  );
}

function detailsOf(v: PathwayVersion): PathwayDetails {
  return {
    name: v.name,
    description: v.description,
    achievementType: v.achievementType,
    criteriaNarrative: v.criteriaNarrative,
    imageUrl: v.imageUrl ?? '',
  };
}

function Section({
  title,
  description,
  children,
  id,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  id: string;
}) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="white" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="h4" id={id}>
            {title}
          </Title>
          {description ? (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          ) : null}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

type ProblemLine = { key: string; nodeId: string | null; where: string; message: string };

/** Where the draft stands: checking, ready, or what to fix (each problem leads to its place). */
function ChecksPanel({
  lines,
  isChecking,
  missingCount,
  checkError,
}: {
  lines: ProblemLine[];
  isChecking: boolean;
  missingCount: number;
  checkError: unknown;
}) {
  const focus = (line: ProblemLine) => {
    const target = line.nodeId
      ? document.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(line.nodeId)}"]`)
      : document.getElementById('pathway-details-heading');
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    (target?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? target)?.focus({ preventScroll: true });
  };
  let summary: ReactNode;
  if (isChecking) {
    summary = (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">Checking the draft…</Text>
      </Group>
    );
  } else if (checkError) {
    summary = (
      <Text size="sm" c="red.8">
        Could not check the draft: {errorMessage(checkError)}
      </Text>
    );
  } else if (lines.length === 0 && missingCount === 0) {
    summary = (
      <Group gap="xs">
        <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="sm">Every requirement checks out: it can be saved and published.</Text>
      </Group>
    );
  } else {
    summary = (
      <Group gap="xs">
        <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />
        <Text size="sm" fw={600}>
          {[
            lines.length ? `${lines.length} ${lines.length === 1 ? 'problem' : 'problems'} to fix` : null,
            missingCount
              ? `${missingCount} ${missingCount === 1 ? 'requirement' : 'requirements'} still to fill in`
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Group>
    );
  }
  return (
    <Paper withBorder px="md" py="sm" bg="white" component="section" aria-label="Checks">
      <Stack gap={4}>
        <div role="status">{summary}</div>
        {lines.length ? (
          <List size="sm" spacing={2} aria-label="Problems" opacity={isChecking ? 0.6 : 1}>
            {lines.map((l) => (
              <List.Item key={l.key}>
                <Anchor component="button" type="button" size="sm" onClick={() => focus(l)} fw={600}>
                  {l.where}
                </Anchor>
                : {l.message}
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** One saved version's map, read only, with the names of what it points at looked up. */
function VersionMapModal({ version, onClose }: { version: PathwayVersion | null; onClose: () => void }) {
  const tree = useMemo(() => (version ? fromApiTree(version.tree) : emptyTree()), [version]);
  const names = useRefNames(referencedIds(tree));
  return (
    <Modal
      opened={version !== null}
      onClose={onClose}
      size="lg"
      title={
        <Text fw={650}>
          {version
            ? `Version ${version.versionNumber}${version.status === 'draft' ? ' (draft)' : ''}: ${version.name}`
            : ''}
        </Text>
      }
    >
      {version ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {version.publishedAt
              ? `Published ${dayjs(version.publishedAt).format('D MMMM YYYY, HH:mm')}; frozen since.`
              : `Last saved ${dayjs(version.updatedAt).format('D MMMM YYYY, HH:mm')}.`}
          </Text>
          <PathwayMap map={toPreviewMap(tree, names, version.name, version.recommendedOrder)} />
        </Stack>
      ) : null}
    </Modal>
  );
}

function VersionsList({ pathway }: { pathway: PathwayForEditor | null }) {
  const [viewing, setViewing] = useState<PathwayVersion | null>(null);
  if (!pathway) {
    return (
      <Text size="sm" c="dimmed">
        Nothing saved yet. Saving creates version 1 as a draft.
      </Text>
    );
  }
  const versions = [...pathway.versions].sort((a, b) => b.versionNumber - a.versionNumber);
  const latestPublished = versions.find((v) => v.status === 'published');
  return (
    <>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Versions">
        {versions.map((v) => (
          <Stack component="li" key={v.id} gap={2}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  Version {v.versionNumber}
                </Text>
                {v.status === 'published' ? (
                  <Badge color="teal" variant="light" size="sm">
                    Published
                  </Badge>
                ) : (
                  <Badge color="blue" variant="outline" size="sm">
                    Draft
                  </Badge>
                )}
              </Group>
              <Group gap="sm" wrap="nowrap">
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  onClick={() => setViewing(v)}
                  aria-label={`See the map of version ${v.versionNumber}`}
                >
                  Map
                </Anchor>
                {v.id === latestPublished?.id ? (
                  <Anchor
                    component={Link}
                    to={pathwayPath(pathway.id)}
                    size="xs"
                    aria-label={`Public page of version ${v.versionNumber}`}
                  >
                    Public page
                  </Anchor>
                ) : null}
              </Group>
            </Group>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {v.name} ·{' '}
              {v.publishedAt
                ? `published ${dayjs(v.publishedAt).format('D MMM YYYY, HH:mm')}`
                : `changed ${dayjs(v.updatedAt).format('D MMM YYYY, HH:mm')}`}
            </Text>
          </Stack>
        ))}
      </Stack>
      <VersionMapModal version={viewing} onClose={() => setViewing(null)} />
    </>
  );
}

type EditorProps = {
  orgSlug: string;
  orgName: string;
  pathway: PathwayForEditor | null;
  initialName: string;
  initialSlug: string;
};

function PathwayEditor({ orgSlug, orgName, pathway, initialName, initialSlug }: EditorProps) {
  const navigate = useNavigate();
  const isNew = pathway === null;
  const current = pathway ? currentVersion(pathway) : undefined;
  const hasDraft = current?.status === 'draft';
  const publishedVersions = pathway?.versions.filter((v) => v.status === 'published') ?? [];
  const latestPublished = publishedVersions.reduce<PathwayVersion | undefined>(
    (a, v) => (!a || v.versionNumber > a.versionNumber ? v : a),
    undefined,
  );

  const [details, setDetails] = useState<PathwayDetails>(() =>
    current
      ? detailsOf(current)
      : { name: initialName, description: '', achievementType: 'Certificate', criteriaNarrative: '', imageUrl: '' },
  );
  const [tree, setTree] = useState<DraftNode>(() => (current ? fromApiTree(current.tree) : emptyTree()));
  const [order, setOrder] = useState<string[]>(() => current?.recommendedOrder ?? []);
  const [newSlug, setNewSlug] = useState(initialSlug);
  const [baseline, setBaseline] = useState<string | null>(() =>
    current
      ? JSON.stringify(prepareInput(detailsOf(current), fromApiTree(current.tree), current.recommendedOrder).input)
      : null,
  );
  const [isSaveTried, setSaveTried] = useState(false);
  const [saveProblem, setSaveProblem] = useState<{ message: string; placed: PlacedProblems } | null>(null);
  const [isPublishOpen, setPublishOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const { names, remember } = useKnownNames(tree);

  const create = useCreatePathway(orgSlug);
  const saveDraft = useSaveDraft(orgSlug);
  const publish = usePublishPathway(orgSlug);
  const isSaving = create.isPending || saveDraft.isPending;

  const prepared = useMemo(() => prepareInput(details, tree, order), [details, tree, order]);
  const inputJson = JSON.stringify(prepared.input);
  const isDirty = baseline === null || !prepared.isComplete || inputJson !== baseline;
  const canPublish = isDirty || hasDraft;

  // The server checks what the author wrote, a moment after they stop typing.
  const [checked] = useDebouncedValue(prepared, 450);
  const check = usePathwayValidation(orgSlug, pathway?.id ?? null, checked);
  const isChecking = check.isFetching || checked !== prepared;
  const live = check.data
    ? placeProblems(check.data.errors, check.data.sent.tree, check.data.sent.partialGroups)
    : noProblems;

  // A save's refusal is about what was sent: once the draft changes, the live check takes over.
  const sentJson = useRef<string | null>(null);
  useEffect(() => {
    if (saveProblem && sentJson.current !== inputJson) setSaveProblem(null);
  }, [inputJson, saveProblem]);

  const local = shownLocalProblems(prepared.local, isSaveTried);
  const byNode = mergeProblems(local, live.byNode, saveProblem?.placed.byNode ?? {});
  const others = [...live.other, ...(saveProblem?.placed.other ?? [])].filter(
    (p, i, all) => all.findIndex((q) => q.field === p.field) === i,
  );
  const detailErrors: Record<string, string> = {};
  const orderProblems: FieldProblem[] = [];
  const loose: FieldProblem[] = [];
  for (const p of others) {
    const root = p.field.replace(/^body\./, '').split('.')[0] ?? '';
    if (DETAIL_FIELDS.includes(root)) detailErrors[root] ??= p.message;
    else if (root === 'recommendedOrder') orderProblems.push(p);
    else loose.push(p);
  }
  const lines: ProblemLine[] = [
    ...Object.entries(byNode).flatMap(([nodeId, problems]) => {
      const path = pathOf(tree, nodeId);
      const node = path ? nodeAt(tree, path) : undefined;
      if (!node) return [];
      return problems
        .filter((p) => !p.isMissing)
        .map((p) => ({ key: `${nodeId}:${p.field}`, nodeId, where: nodeLabel(node, names), message: p.message }));
    }),
    ...Object.entries(detailErrors).map(([field, message]) => ({
      key: field,
      nodeId: null,
      where: FIELD_NAMES[field] ?? field,
      message,
    })),
    ...orderProblems.map((p) => ({
      key: p.field,
      nodeId: null,
      where: FIELD_NAMES.recommendedOrder!,
      message: p.message,
    })),
    ...loose.map((p) => ({ key: p.field, nodeId: null, where: p.field || 'Pathway', message: p.message })),
  ];
  const missingCount = Object.values(prepared.local).filter((ps) => ps.some((p) => p.isMissing)).length;

  // Leaving with unsaved work asks first (in the app and when closing the tab).
  const isLeavingAllowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !isLeavingAllowed.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  const focusFirstProblem = (ids: string[]) => {
    const first = ids[0];
    if (!first) return;
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(first)}"]`);
      el?.scrollIntoView({ block: 'center' });
      (el?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? el)?.focus({ preventScroll: true });
    });
  };

  /** Saves (creating the pathway the first time); answers its id, or null when refused. */
  const save = async (): Promise<string | null> => {
    setSaveTried(true);
    setSaveProblem(null);
    if (!prepared.isComplete) {
      const ids = Object.keys(prepared.local);
      setSaveProblem({
        message: `Fill in ${ids.length === 1 ? 'the requirement' : `the ${ids.length} requirements`} marked below (or remove ${ids.length === 1 ? 'it' : 'them'}), then save.`,
        placed: noProblems,
      });
      sentJson.current = inputJson;
      focusFirstProblem(ids);
      return null;
    }
    if (isNew && !SLUG_PATTERN.test(newSlug)) {
      setSaveProblem({
        message: 'Give the pathway an address: 3-80 lowercase letters, digits and hyphens.',
        placed: { byNode: {}, other: [{ field: 'slug', message: 'Use 3-80 lowercase letters, digits and hyphens' }] },
      });
      sentJson.current = inputJson;
      return null;
    }
    const sent = prepared;
    sentJson.current = inputJson;
    try {
      const saved = pathway
        ? await saveDraft.mutateAsync({ id: pathway.id, input: sent.input })
        : await create.mutateAsync({ ...sent.input, slug: newSlug });
      setBaseline(JSON.stringify(sent.input));
      setAnnouncement(`Draft saved (version ${currentVersion(saved)?.versionNumber ?? 1}).`);
      if (!pathway) {
        isLeavingAllowed.current = true;
        await navigate(`/o/${orgSlug}/pathways/${saved.id}`, { replace: true, state: { isJustCreated: true } });
        isLeavingAllowed.current = false;
      }
      return saved.id;
    } catch (error) {
      const placed = isApiError(error) ? placeProblems(error.errors, sent.input.tree, sent.partialGroups) : noProblems;
      setSaveProblem({ message: errorMessage(error), placed });
      focusFirstProblem(Object.keys(placed.byNode));
      return null;
    }
  };

  const onPublish = async () => {
    const id = isDirty ? await save() : (pathway?.id ?? null);
    if (!id) {
      setPublishOpen(false);
      return;
    }
    const sent = prepared;
    try {
      const published = await publish.mutateAsync(id);
      setPublishOpen(false);
      const version = [...published.versions].sort((a, b) => b.versionNumber - a.versionNumber)[0];
      notifications.show({
        color: 'teal',
        title: 'Published',
        message: `Version ${version?.versionNumber ?? ''} of ${version?.name ?? 'the pathway'} is live: learners can join it now.`,
      });
      setAnnouncement(`Version ${version?.versionNumber ?? ''} published.`);
    } catch (error) {
      setPublishOpen(false);
      sentJson.current = inputJson;
      setSaveProblem({
        message: errorMessage(error),
        placed: isApiError(error) ? placeProblems(error.errors, sent.input.tree, sent.partialGroups) : noProblems,
      });
    }
  };

  const nextVersion = Math.max(0, ...(pathway?.versions.map((v) => v.versionNumber) ?? [0])) + 1;
  const publishingVersion = hasDraft ? current.versionNumber : isDirty ? nextVersion : null;
  const previewMap = useMemo(
    () => toPreviewMap(tree, names, details.name.trim(), prepared.input.recommendedOrder),
    [tree, names, details.name, prepared.input.recommendedOrder],
  );
  const title = details.name.trim() || pathway?.slug || 'Untitled pathway';

  return (
    <Stack gap="lg">
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Stack gap={6}>
        <Anchor component={Link} to={`/o/${orgSlug}/pathways`} size="sm" w="fit-content">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            Pathways
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6} style={{ minWidth: 0, flex: '1 1 300px' }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            <Group gap="xs">
              <Badge variant="light" color="gray">
                {achievementTypeLabel(details.achievementType)}
              </Badge>
              {isNew ? (
                <Badge color="orange" variant="light">
                  Not saved yet
                </Badge>
              ) : null}
              {latestPublished ? (
                <Badge color="teal" variant="light">
                  Version {latestPublished.versionNumber} published
                </Badge>
              ) : null}
              {hasDraft ? (
                <Badge color="blue" variant="outline">
                  Editing draft version {current.versionNumber}
                </Badge>
              ) : null}
              {pathway && latestPublished ? (
                <Text size="sm" c="dimmed">
                  {pathway.learners.total} {pathway.learners.total === 1 ? 'learner' : 'learners'} ·{' '}
                  {pathway.learners.awarded} awarded
                </Text>
              ) : null}
              {pathway && latestPublished ? (
                <Anchor component={Link} to={pathwayPath(pathway.id)} size="sm">
                  <Group gap={4} component="span">
                    Public page <IconExternalLink size={14} aria-hidden />
                  </Group>
                </Anchor>
              ) : null}
            </Group>
          </Stack>
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
              onClick={() => void save()}
              loading={isSaving && !isPublishOpen}
              disabled={!isDirty}
            >
              {isDirty ? 'Save draft' : 'Saved'}
            </Button>
            <Tooltip label="Everything is published: change something to start a new version" disabled={canPublish}>
              <Button
                leftSection={<IconRocket size={18} aria-hidden />}
                onClick={() => setPublishOpen(true)}
                disabled={!canPublish}
              >
                Publish
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </Stack>

      {latestPublished && !hasDraft ? (
        <Alert color="blue" variant="light" icon={<IconLock aria-hidden />}>
          Version {latestPublished.versionNumber} is published and frozen; learners on it keep it.{' '}
          {isDirty
            ? `Saving starts version ${nextVersion} as a draft.`
            : `Changing anything here starts version ${nextVersion} as a draft.`}
        </Alert>
      ) : null}
      {saveProblem ? (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Not saved" role="alert">
          {saveProblem.message}
        </Alert>
      ) : null}
      <ChecksPanel
        lines={lines}
        isChecking={isChecking}
        missingCount={missingCount}
        checkError={check.isError ? check.error : null}
      />

      <Grid gutter="lg" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Section
              id="requirements-heading"
              title="Requirements"
              description="What a learner must hold to be awarded this pathway. Nest groups for “all of” and “at least n of” choices; every control moves with the keyboard."
            >
              <RequirementTreeEditor
                tree={tree}
                onChange={setTree}
                names={names}
                onNamed={remember}
                problems={byNode}
                orgSlug={orgSlug}
                orgName={orgName}
                pathwayId={pathway?.id ?? null}
              />
            </Section>
            <Section
              id="pathway-details-heading"
              title="The qualification"
              description="What learners are awarded: a signed Open Badges credential, with a Comprehensive Learner Record of every credential in the stack."
            >
              <PathwayDetailsForm
                values={details}
                onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))}
                errors={detailErrors}
                slug={isNew ? { value: newSlug, onChange: setNewSlug } : { value: pathway.slug }}
              />
            </Section>
            <Section
              id="order-heading"
              title="Suggested order"
              description="Optional: the order you recommend taking requirements in. The map numbers them."
            >
              <RecommendedOrder tree={tree} order={order} onChange={setOrder} names={names} problems={orderProblems} />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg" className="pathway-editor-aside">
            <Section id="preview-heading" title="Preview" description="The map learners will see, as you build it.">
              <Box className="pathway-editor-preview">
                <PathwayMap map={previewMap} />
              </Box>
            </Section>
            <Section id="versions-heading" title="Versions">
              <VersionsList pathway={pathway} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      <ConfirmDialog
        opened={isPublishOpen}
        title={publishingVersion ? `Publish version ${publishingVersion}?` : 'Publish?'}
        confirmLabel="Publish"
        isPending={isSaving || publish.isPending}
        onClose={() => setPublishOpen(false)}
        onConfirm={() => void onPublish()}
        color="cairn"
      >
        {isDirty ? 'Your changes are saved first. ' : ''}Publishing freezes this version: it can no longer change, and
        its requirements become a signed Open Badges achievement. Learners can join it and are awarded it as soon as
        they meet it. Learners already on an earlier version keep theirs; later changes start a new version.
      </ConfirmDialog>
      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        title="Leave without saving?"
        confirmLabel="Leave"
        onClose={() => blocker.reset?.()}
        onConfirm={() => blocker.proceed?.()}
      >
        {isNew
          ? 'This pathway is not saved yet: leaving discards it.'
          : 'Your changes to this pathway are not saved: leaving discards them.'}
      </ConfirmDialog>
    </Stack>
  );
}

/** `/o/:slug/pathways/:id` (and `…/new?name=&slug=`): the pathway editor. */
export default function PathwayEditorPage() {
  const { slug = '', id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const isNew = id === 'new';
  const org = useOrg(slug);
  const pathway = useOrgPathway(slug, isNew ? '' : id);
  const name = pathway.data ? (currentVersion(pathway.data)?.name ?? pathway.data.slug) : params.get('name');
  usePageTitle(isNew ? 'New pathway' : name ? `Edit ${name}` : 'Pathway');
  if (!org.data) return <PageLoader label="Loading the organisation" />;
  // Saving a new pathway moves to its address: the same editor carries on.
  const editorKey = isNew || (location.state as { isJustCreated?: boolean } | null)?.isJustCreated ? 'new' : id;
  if (isNew)
    return (
      <PathwayEditor
        key={editorKey}
        orgSlug={slug}
        orgName={org.data.name}
        pathway={null}
        initialName={params.get('name') ?? ''}
        initialSlug={params.get('slug') ?? ''}
      />
    );
  if (pathway.isPending) return <PageLoader label="Loading the pathway" />;
  if (pathway.isError) return <ErrorState error={pathway.error} onRetry={() => void pathway.refetch()} />;
  return (
    <PathwayEditor
      key={editorKey}
      orgSlug={slug}
      orgName={org.data.name}
      pathway={pathway.data}
      initialName=""
      initialSlug=""
    />
  );
}
