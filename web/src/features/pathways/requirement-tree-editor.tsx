import {
  ActionIcon,
  Box,
  Button,
  Group,
  Menu,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  TagsInput,
  Text,
  TextInput,
  ThemeIcon,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconCertificate,
  IconChevronDown,
  IconClock,
  IconCoins,
  IconIndentDecrease,
  IconIndentIncrease,
  IconListCheck,
  IconPlus,
  IconRoute,
  IconStack2,
  IconTags,
  IconTrash,
  IconWorld,
} from '@tabler/icons-react';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import {
  KIND_LABELS,
  createNode,
  insertChild,
  isGroup,
  kindOf,
  moveNode,
  newNodeId,
  nodeAt,
  nodeLabel,
  possibleMoves,
  removeAt,
  setGroupType,
  updateAt,
  type DraftGroup,
  type DraftLeaf,
  type DraftNode,
  type FieldProblem,
  type MoveKind,
  type NewNodeKind,
  type RefNames,
  type TreePath,
} from './pathway-tree';
import { MicrocredentialPicker, PathwayPicker, SkillsPicker } from './requirement-pickers';

type FocusRequest = { id: string; action: MoveKind | 'first' | 'card' };

type TreeEditorContextValue = {
  tree: DraftNode;
  change: (tree: DraftNode, announcement: string, focus?: FocusRequest) => void;
  names: RefNames;
  onNamed: (names: RefNames) => void;
  problems: Record<string, FieldProblem[]>;
  focusRequest: FocusRequest | null;
  clearFocusRequest: () => void;
  orgSlug: string;
  orgName: string;
  pathwayId: string | null;
};

const TreeEditorContext = createContext<TreeEditorContextValue | null>(null);

function useTreeEditor(): TreeEditorContextValue {
  const ctx = useContext(TreeEditorContext);
  if (!ctx) throw new Error('useTreeEditor outside RequirementTreeEditor');
  return ctx;
}

const KIND_ICONS: Record<NewNodeKind, ReactNode> = {
  microcredential: <IconCertificate size={16} aria-hidden />,
  pathway: <IconRoute size={16} aria-hidden />,
  external: <IconWorld size={16} aria-hidden />,
  minCpdHours: <IconClock size={16} aria-hidden />,
  minCredits: <IconCoins size={16} aria-hidden />,
  skills: <IconTags size={16} aria-hidden />,
  all: <IconListCheck size={16} aria-hidden />,
  atLeast: <IconStack2 size={16} aria-hidden />,
};

const KIND_HINTS: Record<NewNodeKind, string> = {
  microcredential: 'A programme on Cairn, yours or another provider’s',
  pathway: 'The award of another published pathway',
  external: 'A credential earned elsewhere, from issuers you name',
  minCpdHours: 'CPD hours summed over every credential held',
  minCredits: 'Credits summed over every credential held',
  skills: 'Credentials that cover listed skills',
  all: 'Every requirement inside must be met',
  atLeast: 'Any N of the requirements inside',
};

/** Problems about `field` (or anything below it), as one message. */
function errorOf(problems: FieldProblem[], field: string): string | undefined {
  const found = problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`));
  return found.length ? found.map((p) => p.message).join(' ') : undefined;
}

/** The fields each kind shows next to an input; other problems are listed under the card. */
const SHOWN_FIELDS: Record<NewNodeKind, string[]> = {
  microcredential: ['ref.microcredentialId'],
  pathway: ['ref.pathwayId'],
  external: ['ref.achievementId', 'ref.issuerDids', 'ref.name'],
  minCpdHours: ['hours'],
  minCredits: ['credits'],
  skills: ['skillIds', 'minCount'],
  all: ['title'],
  atLeast: ['n', 'title'],
};

function OtherProblems({ problems, kind, id }: { problems: FieldProblem[]; kind: NewNodeKind; id: string }) {
  const rest = problems.filter((p) => !SHOWN_FIELDS[kind].some((f) => p.field === f || p.field.startsWith(`${f}.`)));
  if (rest.length === 0) return null;
  return (
    <Stack gap={2} id={id}>
      {rest.map((p) => (
        <Text key={`${p.field}:${p.message}`} size="sm" c="red.8">
          {p.message}
        </Text>
      ))}
    </Stack>
  );
}

/** Moves the focus where a change asked for it, once the node is on screen. */
function useFocusRequest(node: DraftNode, cardRef: React.RefObject<HTMLElement | null>) {
  const { focusRequest, clearFocusRequest } = useTreeEditor();
  useEffect(() => {
    if (!focusRequest || focusRequest.id !== node.id || !cardRef.current) return;
    const card = cardRef.current;
    const header = card.querySelector<HTMLElement>(':scope > [data-node-body] > [data-node-header]');
    let target: HTMLElement | null = null;
    // A new leaf: its first field; a new group: its "Add a requirement" button.
    if (focusRequest.action === 'first')
      target = card.querySelector<HTMLElement>('[data-first-field="true"], [data-add-button="true"]');
    else if (focusRequest.action !== 'card')
      target = header?.querySelector<HTMLElement>(`[data-action="${focusRequest.action}"]:not(:disabled)`) ?? null;
    (target ?? card).focus();
    clearFocusRequest();
  });
}

function NodeActions({
  node,
  path,
  label,
  onRemove,
}: {
  node: DraftNode;
  path: TreePath;
  label: string;
  onRemove: () => void;
}) {
  const { tree, change } = useTreeEditor();
  const moves = possibleMoves(tree, path);
  const move = (kind: MoveKind) => {
    const moved = moveNode(tree, path, kind);
    if (!moved) return;
    const parent = nodeAt(moved.tree, moved.path.slice(0, -1));
    const where =
      parent && isGroup(parent)
        ? ` (${moved.path[moved.path.length - 1]! + 1} of ${parent.children.length} in ${nodeLabel(parent, {})})`
        : '';
    const verb = {
      up: 'moved up',
      down: 'moved down',
      in: 'moved into the group above',
      out: 'moved out of its group',
    }[kind];
    change(moved.tree, `${label} ${verb}${where}.`, { id: node.id, action: kind });
  };
  const buttons: { kind: MoveKind; icon: ReactNode; text: string }[] = [
    { kind: 'up', icon: <IconArrowUp size={16} aria-hidden />, text: 'Move up' },
    { kind: 'down', icon: <IconArrowDown size={16} aria-hidden />, text: 'Move down' },
    { kind: 'in', icon: <IconIndentIncrease size={16} aria-hidden />, text: 'Move into the group above' },
    { kind: 'out', icon: <IconIndentDecrease size={16} aria-hidden />, text: 'Move out of this group' },
  ];
  return (
    <Group gap={2} wrap="nowrap" className="tree-node-actions">
      {buttons.map((b) => (
        <Tooltip key={b.kind} label={b.text} openDelay={300}>
          <ActionIcon
            variant="subtle"
            color="gray"
            data-action={b.kind}
            aria-label={`${b.text}: ${label}`}
            disabled={!moves[b.kind]}
            onClick={() => move(b.kind)}
          >
            {b.icon}
          </ActionIcon>
        </Tooltip>
      ))}
      <Tooltip label="Remove" openDelay={300}>
        <ActionIcon
          variant="subtle"
          color="red"
          data-action="remove"
          aria-label={`Remove: ${label}`}
          onClick={onRemove}
        >
          <IconTrash size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function AddRequirementMenu({ path, groupLabel }: { path: TreePath; groupLabel: string }) {
  const { tree, change } = useTreeEditor();
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Focus goes to the new requirement when one is chosen, else back to this button.
  const isChosen = useRef(false);
  const add = (kind: NewNodeKind) => {
    isChosen.current = true;
    const id = newNodeId(tree);
    change(insertChild(tree, path, createNode(kind, id)), `${KIND_LABELS[kind]} added to ${groupLabel}.`, {
      id,
      action: 'first',
    });
  };
  const item = (kind: NewNodeKind) => (
    <Menu.Item key={kind} leftSection={KIND_ICONS[kind]} onClick={() => add(kind)}>
      <Text size="sm">{KIND_LABELS[kind]}</Text>
      <Text size="xs" c="dimmed">
        {KIND_HINTS[kind]}
      </Text>
    </Menu.Item>
  );
  return (
    <Menu
      position="bottom-start"
      width={320}
      withinPortal
      shadow="md"
      returnFocus={false}
      // Always below the button: the page scrolls to it, where flipping up could clip it.
      middlewares={{ flip: false, shift: true }}
      onClose={() => {
        if (!isChosen.current) buttonRef.current?.focus();
        isChosen.current = false;
      }}
    >
      <Menu.Target>
        <Button
          ref={buttonRef}
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={`Add a requirement to ${groupLabel}`}
          data-add-button="true"
        >
          Add a requirement
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Achievements</Menu.Label>
        {(['microcredential', 'pathway', 'external'] as const).map(item)}
        <Menu.Label>Thresholds</Menu.Label>
        {(['minCpdHours', 'minCredits', 'skills'] as const).map(item)}
        <Menu.Label>Groups</Menu.Label>
        {(['all', 'atLeast'] as const).map(item)}
      </Menu.Dropdown>
    </Menu>
  );
}

function KindTag({ kind }: { kind: NewNodeKind }) {
  return (
    <Group gap={6} wrap="nowrap">
      <ThemeIcon
        size={24}
        radius="xl"
        variant="light"
        color={kind === 'external' ? 'grape' : kind === 'pathway' ? 'ember' : 'cairn'}
        aria-hidden
      >
        {KIND_ICONS[kind]}
      </ThemeIcon>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.4 }}>
        {KIND_LABELS[kind]}
      </Text>
    </Group>
  );
}

function LeafFields({ node, path, problems }: { node: DraftLeaf; path: TreePath; problems: FieldProblem[] }) {
  const { tree, change, names, onNamed, orgSlug, orgName, pathwayId } = useTreeEditor();
  const update = (next: DraftLeaf, announcement = '') =>
    change(
      updateAt(tree, path, () => next),
      announcement,
    );
  switch (node.type) {
    case 'achievement': {
      const ref = node.ref;
      if (ref.kind === 'microcredential') {
        return (
          <MicrocredentialPicker
            orgSlug={orgSlug}
            orgName={orgName}
            value={ref.microcredentialId}
            names={names}
            isFirstField
            error={errorOf(problems, 'ref.microcredentialId')}
            onChange={(id, named) => {
              onNamed({ [`microcredential:${id}`]: named });
              update({ ...node, ref: { kind: 'microcredential', microcredentialId: id } }, `Chose ${named.name}.`);
            }}
          />
        );
      }
      if (ref.kind === 'pathway') {
        return (
          <PathwayPicker
            value={ref.pathwayId}
            names={names}
            excludeId={pathwayId}
            isFirstField
            error={errorOf(problems, 'ref.pathwayId')}
            onChange={(id, named) => {
              onNamed({ [`pathway:${id}`]: named });
              update({ ...node, ref: { kind: 'pathway', pathwayId: id } }, `Chose ${named.name}.`);
            }}
          />
        );
      }
      return (
        <Stack gap="xs">
          <TextInput
            label="Achievement id"
            description="The URI of the achievement in the credentials you accept"
            placeholder="https://badges.example.org/achievements/…"
            value={ref.achievementId}
            onChange={(e) => update({ ...node, ref: { ...ref, achievementId: e.currentTarget.value } })}
            error={errorOf(problems, 'ref.achievementId')}
            maxLength={2000}
            size="sm"
            data-first-field="true"
            spellCheck={false}
          />
          <TagsInput
            label="Accepted issuer DIDs"
            description="Whose credentials for it count; press Enter after each"
            placeholder={ref.issuerDids.length ? undefined : 'did:web:example.org or did:key:z6Mk…'}
            value={ref.issuerDids}
            onChange={(dids) => update({ ...node, ref: { ...ref, issuerDids: dids } })}
            error={errorOf(problems, 'ref.issuerDids')}
            maxTags={20}
            splitChars={[',', ' ']}
            acceptValueOnBlur
            size="sm"
          />
          <TextInput
            label="Display name"
            description="How learners see it on the map"
            value={ref.name}
            onChange={(e) => update({ ...node, ref: { ...ref, name: e.currentTarget.value } })}
            error={errorOf(problems, 'ref.name')}
            maxLength={200}
            size="sm"
          />
        </Stack>
      );
    }
    case 'minCpdHours':
      return (
        <NumberInput
          label="CPD hours at least"
          description="Summed over every credential the learner holds"
          value={node.hours ?? ''}
          onChange={(v) => update({ ...node, hours: typeof v === 'number' ? v : null })}
          min={0.5}
          max={100000}
          step={1}
          decimalScale={1}
          error={errorOf(problems, 'hours')}
          size="sm"
          w={240}
          data-first-field="true"
        />
      );
    case 'minCredits':
      return (
        <NumberInput
          label="Credits at least"
          description="Summed over every credential the learner holds"
          value={node.credits ?? ''}
          onChange={(v) => update({ ...node, credits: typeof v === 'number' ? v : null })}
          min={0.5}
          max={100000}
          step={1}
          decimalScale={1}
          error={errorOf(problems, 'credits')}
          size="sm"
          w={240}
          data-first-field="true"
        />
      );
    case 'skills':
      return (
        <Stack gap="xs">
          <SkillsPicker
            value={node.skillIds}
            names={names}
            isFirstField
            error={errorOf(problems, 'skillIds')}
            onChange={(ids, named) => {
              onNamed(named);
              update({ ...node, skillIds: ids });
            }}
          />
          <NumberInput
            label="How many of these skills"
            description="Leave empty: all of them"
            placeholder="All"
            value={node.minCount ?? ''}
            onChange={(v) => update({ ...node, minCount: typeof v === 'number' ? v : null })}
            min={1}
            max={Math.max(1, node.skillIds.length)}
            allowDecimal={false}
            error={errorOf(problems, 'minCount')}
            size="sm"
            w={240}
          />
        </Stack>
      );
  }
}

function LeafEditor({ node, path }: { node: DraftLeaf; path: TreePath }) {
  const { tree, change, names, problems: all } = useTreeEditor();
  const cardRef = useRef<HTMLLIElement>(null);
  useFocusRequest(node, cardRef);
  const problems = all[node.id] ?? [];
  const label = nodeLabel(node, names);
  const kind = kindOf(node);
  const hasProblems = problems.length > 0;
  return (
    <li
      ref={cardRef}
      tabIndex={-1}
      aria-label={label}
      data-node-id={node.id}
      className="tree-node"
      data-invalid={hasProblems || undefined}
    >
      <Paper withBorder p="sm" radius="md" bg="white" className="tree-leaf" data-node-body>
        <Group justify="space-between" wrap="wrap" gap="xs" mb="xs" data-node-header>
          <KindTag kind={kind} />
          <NodeActions
            node={node}
            path={path}
            label={label}
            onRemove={() => change(removeAt(tree, path), `Removed ${label}.`)}
          />
        </Group>
        <LeafFields node={node} path={path} problems={problems} />
        <OtherProblems problems={problems} kind={kind} id={`problems-${node.id}`} />
      </Paper>
    </li>
  );
}

function GroupEditor({ node, path }: { node: DraftGroup; path: TreePath }) {
  const { tree, change, names, problems: all } = useTreeEditor();
  const cardRef = useRef<HTMLLIElement>(null);
  const [isConfirming, setConfirming] = useState(false);
  useFocusRequest(node, cardRef);
  const problems = all[node.id] ?? [];
  const isRoot = path.length === 0;
  const label = nodeLabel(node, names);
  const accessibleName = isRoot ? `Top level: ${label}` : label;
  const remove = () => change(removeAt(tree, path), `Removed ${label} and what it held.`);
  const childrenError = errorOf(problems, 'children');
  const nError = errorOf(problems, 'n');
  return (
    <li
      ref={cardRef}
      tabIndex={-1}
      aria-label={accessibleName}
      data-node-id={node.id}
      className="tree-node"
      data-invalid={problems.length > 0 || undefined}
    >
      <Box className="tree-group" data-kind={node.type} data-root={isRoot || undefined} data-node-body>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" data-node-header>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NativeSelect
              label={isRoot ? 'The pathway asks for' : 'This group asks for'}
              size="xs"
              w={190}
              value={node.type}
              data={[
                { value: 'all', label: 'All of these' },
                { value: 'atLeast', label: 'At least N of these' },
              ]}
              onChange={(e) => {
                const type = e.currentTarget.value as DraftGroup['type'];
                change(
                  setGroupType(tree, path, type),
                  type === 'all' ? 'Now all of these are needed.' : 'Now at least some of these are needed.',
                );
              }}
            />
            {node.type === 'atLeast' ? (
              <NumberInput
                label="How many are needed"
                size="xs"
                w={150}
                min={1}
                max={Math.max(1, node.children.length)}
                allowDecimal={false}
                value={node.n ?? ''}
                onChange={(v) =>
                  change(
                    updateAt(tree, path, (g) => ({
                      ...(g as DraftGroup & { type: 'atLeast' }),
                      n: typeof v === 'number' ? v : null,
                    })),
                    '',
                  )
                }
                error={nError}
                rightSection={
                  <Text size="xs" c="dimmed" pr={6}>
                    of {node.children.length}
                  </Text>
                }
                rightSectionWidth={44}
              />
            ) : null}
            <TextInput
              label="Group title (optional)"
              placeholder={isRoot ? 'e.g. Core and electives' : 'e.g. Electives'}
              size="xs"
              w={210}
              maxLength={200}
              value={node.title}
              onChange={(e) =>
                change(
                  updateAt(tree, path, (g) => ({ ...g, title: e.currentTarget.value })),
                  '',
                )
              }
              error={errorOf(problems, 'title')}
            />
          </Group>
          {isRoot ? null : (
            <NodeActions
              node={node}
              path={path}
              label={label}
              onRemove={() => (node.children.length > 0 ? setConfirming(true) : remove())}
            />
          )}
        </Group>
        {childrenError ? (
          <Text size="sm" c="red.8" mt={6} role="note">
            {childrenError}
          </Text>
        ) : null}
        <OtherProblems
          problems={problems.filter((p) => p.field !== 'children')}
          kind={node.type}
          id={`problems-${node.id}`}
        />
        {node.children.length === 0 ? (
          <Text size="sm" c="dimmed" className="tree-empty" my="sm">
            Empty: add the requirements this group holds.
          </Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} my="sm" style={{ listStyle: 'none' }} aria-label={`Inside ${label}`}>
            {node.children.map((child, i) =>
              isGroup(child) ? (
                <GroupEditor key={child.id} node={child} path={[...path, i]} />
              ) : (
                <LeafEditor key={child.id} node={child} path={[...path, i]} />
              ),
            )}
          </Stack>
        )}
        <AddRequirementMenu path={path} groupLabel={accessibleName} />
      </Box>
      <ConfirmDialog
        opened={isConfirming}
        title="Remove this group?"
        confirmLabel="Remove group"
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          remove();
        }}
      >
        {label} and the {node.children.length} {node.children.length === 1 ? 'requirement' : 'requirements'} inside it
        will be removed from the draft.
      </ConfirmDialog>
    </li>
  );
}

type RequirementTreeEditorProps = {
  tree: DraftNode;
  onChange: (tree: DraftNode) => void;
  names: RefNames;
  onNamed: (names: RefNames) => void;
  /** Problems to show, by node id. */
  problems: Record<string, FieldProblem[]>;
  orgSlug: string;
  orgName: string;
  pathwayId: string | null;
};

/**
 * The requirement tree as nested, editable groups: add, fill in, move (buttons, so the
 * keyboard does it all) and remove requirements. Every change is announced to screen readers,
 * and the focus follows a requirement that moves.
 */
export function RequirementTreeEditor({
  tree,
  onChange,
  names,
  onNamed,
  problems,
  orgSlug,
  orgName,
  pathwayId,
}: RequirementTreeEditorProps) {
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const value: TreeEditorContextValue = {
    tree,
    change: (next, message, focus) => {
      onChange(next);
      if (message) setAnnouncement(message);
      if (focus) setFocusRequest(focus);
    },
    names,
    onNamed,
    problems,
    focusRequest,
    clearFocusRequest: () => setFocusRequest(null),
    orgSlug,
    orgName,
    pathwayId,
  };
  return (
    <TreeEditorContext.Provider value={value}>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Stack component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Requirements" className="tree-editor">
        {isGroup(tree) ? <GroupEditor node={tree} path={[]} /> : <LeafEditor node={tree} path={[]} />}
      </Stack>
    </TreeEditorContext.Provider>
  );
}
