// Shared generators: run counts and seed, JSON paths, leaf mutations and JSON-LD rewrites as
// fast-check arbitraries. A mutation is drawn as plain numbers and strings, then resolved
// against a document, so one arbitrary serves every input and prints readably.
import fc from 'fast-check';
import jsonld from 'jsonld';
import { isJsonObject, type JsonObject, type JsonValue } from '../../src/util/json.js';
import { documentLoader, PARTIES } from './corpus.js';

const envNumber = (name: string): number | undefined => {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${text}"`);
  return value;
};

/** The seed of every property; print it with any failure, set FUZZ_SEED to replay one. */
export const SEED = envNumber('FUZZ_SEED') ?? 20_250_115;

const TOTAL_RUNS = envNumber('FUZZ_RUNS');

/**
 * Runs of one property. In CI (no FUZZ_RUNS) the small bounded sample; with FUZZ_RUNS=N the
 * property takes `share` of N, the shares of all properties summing to 1, so N is the total.
 */
export function runs(ciSample: number, share: number): number {
  return TOTAL_RUNS === undefined ? ciSample : Math.max(1, Math.round(TOTAL_RUNS * share));
}

/**
 * Per-test time limit. Tests are bounded by run count; this only keeps a stuck run from hanging
 * CI, generously because the machine may be busy. The full run is not limited.
 */
export const TEST_TIMEOUT = TOTAL_RUNS === undefined ? 180_000 : 24 * 3_600_000;

export type Path = (string | number)[];

export const showPath = (path: Path): string =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '') || '(root)';

/** Every node below the root, containers first then their contents, in document order. */
export function nodesOf(value: JsonValue, path: Path = []): { path: Path; value: JsonValue }[] {
  const children: [string | number, JsonValue][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : isJsonObject(value)
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => [
    { path: [...path, key], value: child },
    ...nodesOf(child, [...path, key]),
  ]);
}

export function getAt(document: JsonValue, path: Path): JsonValue | undefined {
  let node: JsonValue | undefined = document;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isJsonObject(node) && typeof key === 'string') node = node[key];
    else return undefined;
  }
  return node;
}

/** A copy of the document with `edit` applied to the parent of `path`. */
function editParent(
  document: JsonObject,
  path: Path,
  edit: (parent: JsonObject | JsonValue[], key: string | number) => void,
): JsonObject {
  const copy = structuredClone(document);
  const parent = getAt(copy, path.slice(0, -1));
  if (!Array.isArray(parent) && !isJsonObject(parent))
    throw new Error(`No container at ${showPath(path.slice(0, -1))}`);
  edit(parent, path.at(-1)!);
  return copy;
}

export const setAt = (document: JsonObject, path: Path, value: JsonValue): JsonObject =>
  editParent(document, path, (parent, key) => {
    (parent as Record<string | number, JsonValue>)[key] = value;
  });

export const removeAt = (document: JsonObject, path: Path): JsonObject =>
  editParent(document, path, (parent, key) => {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  });

/** Renames a member of an object in place of the old one, keeping the other keys' order. */
export function renameAt(document: JsonObject, path: Path, newKey: string, value?: JsonValue): JsonObject {
  return editParent(document, path, (parent, key) => {
    if (Array.isArray(parent)) throw new Error('Cannot rename an array item');
    const entries = Object.entries(parent).map(([k, v]): [string, JsonValue] =>
      k === key ? [newKey, value === undefined ? v : value] : [k, v],
    );
    for (const k of Object.keys(parent)) delete parent[k];
    for (const [k, v] of entries) parent[k] = v;
  });
}

const pick = <T>(items: readonly T[], at: number): T | undefined =>
  items.length === 0 ? undefined : items[at % items.length];

// ---------------------------------------------------------------------------------------------
// Leaf mutations: change a value, remove a member, add a member.

const STRING_TWEAKS = ['append', 'upper', 'dropLast', 'homoglyph', 'trailingSpace', 'zeroWidth', 'bumpDigit'] as const;
type StringTweak = (typeof STRING_TWEAKS)[number];

function tweakString(text: string, tweak: StringTweak): string {
  switch (tweak) {
    case 'append':
      return `${text}x`;
    case 'upper':
      return text.toUpperCase() === text
        ? text.toLowerCase() + (text === text.toLowerCase() ? '_' : '')
        : text.toUpperCase();
    case 'dropLast':
      return text.slice(0, -1);
    // Cyrillic а for Latin a: looks the same to a person, not to a verifier.
    case 'homoglyph':
      return text.includes('a') ? text.replace('a', '\u0430') : `\u0430${text}`;
    case 'trailingSpace':
      return `${text} `;
    case 'zeroWidth':
      return `${text.slice(0, 1)}\u200b${text.slice(1)}`;
    case 'bumpDigit': {
      const at = text.search(/\d(?!.*\d)/);
      if (at === -1) return `${text}1`;
      return `${text.slice(0, at)}${(Number(text[at]) + 1) % 10}${text.slice(at + 1)}`;
    }
  }
}

/** Interesting replacement values, from plausible to hostile. */
export const replacementValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom<JsonValue>(
    '',
    ' ',
    'revocation',
    'suspension',
    'refresh',
    '0',
    '3',
    '7',
    '-1',
    '131072',
    'https://attacker.example/x',
    PARTIES.attacker.did,
    PARTIES.otherWeb.did,
    PARTIES.victimWeb.did,
    'VerifiableCredential',
    'Achievement',
    'Profile',
    'BitstringStatusListEntry',
    '2030-01-01T00:00:00Z',
    '1999-01-01T00:00:00Z',
    'eddsa-jcs-2022',
    'eddsa-rdfc-2022',
  ),
  fc.integer({ min: -2, max: 131_073 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom<JsonValue>({}, [], ['revocation'], { '@value': 'x' }, { id: 'https://attacker.example/x' }),
);

const KEYS_TO_ADD = [
  'name',
  'description',
  'id',
  'type',
  'validUntil',
  'validFrom',
  'issuer',
  'credentialStatus',
  'evidence',
  'endorsement',
  'statusPurpose',
  'statusListIndex',
  'proof',
  'achievement',
  '@id',
  '@type',
  '@value',
  '@context',
  '@vocab',
  '@foo',
  'https://schema.org/name',
  'https://www.w3.org/ns/credentials/status#statusPurpose',
  'https://www.w3.org/2018/credentials#issuer',
] as const;

export type LeafMutation =
  | { op: 'change'; at: number; tweak: StringTweak | 'replace'; value: JsonValue }
  | { op: 'remove'; at: number }
  | { op: 'add'; at: number; key: string; value: JsonValue };

export const leafMutation: fc.Arbitrary<LeafMutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('change' as const),
      at: fc.nat(),
      tweak: fc.constantFrom(...STRING_TWEAKS, 'replace' as const),
      value: replacementValue,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...KEYS_TO_ADD), fc.string({ minLength: 1, maxLength: 8 })),
      value: replacementValue,
    }),
  },
);

export type Applied = { document: JsonObject; description: string; site: string };

const short = (value: JsonValue | undefined): string => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Applies a leaf mutation to a document; undefined when the document has no such site. */
export function applyLeafMutation(document: JsonObject, mutation: LeafMutation): Applied | undefined {
  const nodes = nodesOf(document);
  switch (mutation.op) {
    case 'change': {
      const leaves = nodes.filter((n) => n.value === null || typeof n.value !== 'object');
      const node = pick(leaves, mutation.at);
      if (!node) return undefined;
      const old = node.value;
      let value: JsonValue = mutation.value;
      if (mutation.tweak !== 'replace') {
        if (typeof old === 'string') value = tweakString(old, mutation.tweak);
        else if (typeof old === 'number') value = old + 1;
        else if (typeof old === 'boolean') value = !old;
      }
      return {
        document: setAt(document, node.path, value),
        description: `change ${showPath(node.path)}: ${short(old)} → ${short(value)}`,
        site: `change ${showPath(node.path)}`,
      };
    }
    case 'remove': {
      const node = pick(nodes, mutation.at);
      if (!node) return undefined;
      return {
        document: removeAt(document, node.path),
        description: `remove ${showPath(node.path)} (${short(node.value)})`,
        site: `remove ${showPath(node.path)}`,
      };
    }
    case 'add': {
      const objects = [{ path: [] as Path, value: document as JsonValue }, ...nodes].filter((n) =>
        isJsonObject(n.value),
      );
      const node = pick(objects, mutation.at);
      if (!node) return undefined;
      const path = [...node.path, mutation.key];
      const existing = getAt(document, path);
      return {
        document: setAt(document, path, mutation.value),
        description: `${existing === undefined ? 'add' : 'overwrite'} ${showPath(path)} = ${short(mutation.value)}`,
        site: `add under ${showPath(node.path)}`,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-LD rewrites: spellings that usually sign the same RDF.

export const REWRITE_OPS = [
  'wrapArray',
  'valueObject',
  'explicitValue',
  'expandKey',
  'alias',
  'reorderKeys',
  'reorderItems',
] as const;
export type RewriteOp = (typeof REWRITE_OPS)[number];
export type Rewrite = { op: RewriteOp; at: number; order: number };

export const rewrite: fc.Arbitrary<Rewrite> = fc.record({
  op: fc.constantFrom(...REWRITE_OPS),
  at: fc.nat(),
  order: fc.nat(),
});
/** One to three rewrites applied in turn. */
export const rewrites: fc.Arbitrary<Rewrite[]> = fc.array(rewrite, { minLength: 1, maxLength: 3 });

const PROBE = '__cairn_fuzz_probe__';

type Coercion = { iri: string; value: JsonObject };

/**
 * How the term at `path` expands: its IRI and the expanded value object of a probe string put in
 * its place, found by expanding the document (scoped contexts included) with that probe.
 */
async function coercionAt(document: JsonObject, path: Path): Promise<Coercion | undefined> {
  let expanded: unknown;
  try {
    expanded = await jsonld.expand(setAt(document, path, PROBE), { documentLoader, safe: false });
  } catch {
    return undefined;
  }
  const found: Coercion[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isJsonObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (
          isJsonObject(item) &&
          (item['@value'] === PROBE || (typeof item['@id'] === 'string' && item['@id'].endsWith(PROBE)))
        ) {
          found.push({ iri: key, value: item });
        }
      }
      walk(value);
    }
  };
  walk(expanded);
  return found.length === 1 && !found[0]!.iri.startsWith('@') ? found[0] : undefined;
}

const isKeyword = (key: string | number): boolean => typeof key === 'string' && key.startsWith('@');
const underContext = (path: Path): boolean => path.includes('@context');

/** Applies one rewrite; undefined when the document has no site for it. */
export async function applyRewrite(
  document: JsonObject,
  { op, at, order }: Rewrite,
  within: (path: Path) => boolean = () => true,
): Promise<Applied | undefined> {
  const nodes = nodesOf(document).filter((n) => within(n.path) && !underContext(n.path));
  const primitiveMembers = nodes.filter(
    (n) =>
      (n.value === null || typeof n.value !== 'object') &&
      !isKeyword(n.path.at(-1)!) &&
      n.path.at(-1) !== 'id' &&
      n.path.at(-1) !== 'type',
  );
  switch (op) {
    case 'wrapArray': {
      const node = pick(
        nodes.filter(
          (n) => !Array.isArray(n.value) && typeof n.path.at(-1) === 'string' && n.path.at(-1) !== '@context',
        ),
        at,
      );
      if (!node) return undefined;
      return {
        document: setAt(document, node.path, [node.value]),
        description: `wrap ${showPath(node.path)} in an array`,
        site: `wrapArray ${showPath(node.path)}`,
      };
    }
    case 'valueObject': {
      const node = pick(primitiveMembers, at);
      if (!node) return undefined;
      return {
        document: setAt(document, node.path, { '@value': node.value }),
        description: `${showPath(node.path)} as {"@value": ${short(node.value)}}`,
        site: `valueObject ${showPath(node.path)}`,
      };
    }
    case 'explicitValue': {
      // The value written the way expansion would write it: typed literal, @id object or @language.
      const node = pick(primitiveMembers, at);
      if (!node || typeof node.value !== 'string') return undefined;
      const coercion = await coercionAt(document, node.path);
      if (!coercion) return undefined;
      const explicit: JsonObject =
        '@id' in coercion.value ? { '@id': node.value } : { ...coercion.value, '@value': node.value };
      return {
        document: setAt(document, node.path, explicit),
        description: `${showPath(node.path)} as ${short(explicit)}`,
        site: `explicitValue ${showPath(node.path)}`,
      };
    }
    case 'expandKey': {
      const members = nodes.filter(
        (n) =>
          typeof n.path.at(-1) === 'string' &&
          !isKeyword(n.path.at(-1)!) &&
          n.path.at(-1) !== 'id' &&
          n.path.at(-1) !== 'type',
      );
      const node = pick(members, at);
      if (!node) return undefined;
      const probed = await coercionAt(document, node.path);
      if (!probed) return undefined;
      // Half the time keep the value as written; else write it as expansion would (keeping its type).
      const keepValue = order % 2 === 0 || typeof node.value !== 'string';
      const value: JsonValue = keepValue
        ? node.value
        : '@id' in probed.value
          ? { '@id': node.value }
          : { ...probed.value, '@value': node.value };
      return {
        document: renameAt(document, node.path, probed.iri, value),
        description: `key ${showPath(node.path)} written as <${probed.iri}>${keepValue ? '' : ` with value ${short(value)}`}`,
        site: `expandKey ${showPath(node.path)}`,
      };
    }
    case 'alias': {
      const members = nodes.filter((n) => ['id', 'type', '@id', '@type'].includes(String(n.path.at(-1))));
      const node = pick(members, at);
      if (!node) return undefined;
      const key = String(node.path.at(-1));
      const alias = key.startsWith('@') ? key.slice(1) : `@${key}`;
      return {
        document: renameAt(document, node.path, alias),
        description: `key ${showPath(node.path)} written as "${alias}"`,
        site: `alias ${showPath(node.path)}`,
      };
    }
    case 'reorderKeys': {
      const objects = [{ path: [] as Path, value: document as JsonValue }, ...nodes].filter(
        (n) => isJsonObject(n.value) && Object.keys(n.value).length > 1 && within(n.path),
      );
      const node = pick(objects, at);
      if (!node) return undefined;
      const entries = permute(Object.entries(node.value as JsonObject), order);
      const reordered: JsonObject = Object.fromEntries(entries);
      const result = node.path.length === 0 ? reordered : setAt(document, node.path, reordered);
      return {
        document: result,
        description: `keys of ${showPath(node.path)} reordered as ${entries.map(([k]) => k).join(',')}`,
        site: `reorderKeys ${showPath(node.path)}`,
      };
    }
    case 'reorderItems': {
      const arrays = nodes.filter((n) => Array.isArray(n.value) && n.value.length > 1);
      const node = pick(arrays, at);
      if (!node) return undefined;
      const items = node.value as JsonValue[];
      const indexes = permute(
        items.map((_, i) => i),
        order,
      );
      if (indexes.every((v, i) => v === i)) indexes.reverse();
      return {
        document: setAt(
          document,
          node.path,
          indexes.map((i) => items[i]!),
        ),
        description: `items of ${showPath(node.path)} reordered as [${indexes.join(',')}]`,
        site: `reorderItems ${showPath(node.path)}`,
      };
    }
  }
}

/** A permutation of items chosen by a number (a Lehmer code, so every order is reachable). */
function permute<T>(items: T[], order: number): T[] {
  const rest = [...items];
  const out: T[] = [];
  let code = order;
  while (rest.length > 0) {
    const i = code % rest.length;
    code = Math.floor(code / rest.length);
    out.push(rest.splice(i, 1)[0]!);
  }
  return out;
}

/** Applies rewrites in turn; a rewrite without a site is left out of the description. */
export async function applyRewrites(
  document: JsonObject,
  list: Rewrite[],
  within?: (path: Path) => boolean,
): Promise<Applied | undefined> {
  let current = document;
  const descriptions: string[] = [];
  const sites: string[] = [];
  for (const item of list) {
    const applied = await applyRewrite(current, item, within);
    if (!applied) continue;
    current = applied.document;
    descriptions.push(applied.description);
    sites.push(applied.site);
  }
  return descriptions.length === 0
    ? undefined
    : { document: current, description: descriptions.join('; then '), site: sites.join(' + ') };
}
