import { createRequire } from 'node:module';
import { bundledContexts } from '../contexts/bundled-contexts.js';
import { isJsonObject, type JsonObject } from '../util/json.js';

// The active contexts of the fast path are computed by jsonld.js's own context processing (the
// reference, pinned at 9.0.0), so every term definition, protection rule and quirk is the
// reference's by construction. What this module adds is memory: jsonld.js clones and
// re-processes the active context for every type-scoped context of every node (a third of the
// reference's signing time); here each (context, local context) pair is processed once and the
// result is kept, so walking a credential only looks terms up.
const require = createRequire(import.meta.url);
const contextApi = require('jsonld/lib/context.js') as ContextApi;
const ContextResolver = require('jsonld/lib/ContextResolver.js') as ContextResolverClass;
const { safeEventHandler } = require('jsonld') as { safeEventHandler: EventHandler };

type EventHandler = (input: { event: unknown; next: () => void }) => void;

/** A term definition as jsonld.js's context processing writes it. */
export type TermDefinition = {
  readonly '@id'?: string | null;
  readonly reverse: boolean;
  readonly '@type'?: string;
  readonly '@container'?: readonly string[];
  readonly '@context'?: unknown;
  readonly '@language'?: string | null;
  readonly '@direction'?: string | null;
  readonly '@index'?: string;
  readonly '@nest'?: string;
  readonly _prefix?: boolean;
};

/** A jsonld.js active context (only what the fast path reads). */
type RawContext = {
  readonly mappings: Map<string, TermDefinition>;
  readonly '@vocab'?: string;
  readonly '@language'?: string;
  readonly '@direction'?: string;
  readonly '@base'?: string | null;
  readonly previousContext?: RawContext;
  readonly processingMode?: string;
  revertToPreviousContext(): RawContext;
};

type ProcessOptions = {
  documentLoader: (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
  contextResolver: unknown;
  base: null;
  safe: true;
  eventHandler: EventHandler[];
};

type ContextApi = {
  process(input: {
    activeCtx: RawContext;
    localCtx: unknown;
    options: ProcessOptions;
    propagate?: boolean;
    overrideProtected?: boolean;
  }): Promise<RawContext>;
  getInitialContext(options: { processingMode?: string }): RawContext;
};

type ContextResolverClass = new (input: { sharedCache: Map<string, unknown> }) => unknown;

/** What is remembered per context: IRI expansions of keys, facts about members and about values of a term. */
export type MemoTable = 'iri' | 'member' | 'value';

/** How a local context is applied (the three ways the expansion algorithm applies one). */
export type Derivation = 'embedded' | 'property' | 'type';

/**
 * Thrown by the synchronous walk when it needs a context that has not been processed yet; the
 * caller processes it (asynchronously, once) and walks again.
 */
export class ContextMiss extends Error {
  constructor(
    readonly from: CompiledContext,
    readonly kind: Derivation,
    readonly local: unknown,
    readonly key: unknown,
  ) {
    super('context not compiled yet');
  }
}

// Derived contexts are kept per (context, local context), and per context what its terms mean.
// A document may bring its own inline contexts and any keys, so both are bounded: past either
// budget everything starts over from the initial context (walks in progress keep what they hold).
const MAX_COMPILED = 500;
const MAX_MEMOS = 1_000;
const MAX_MEMO_ENTRIES = 100_000;
let compiledCount = 0;
let memoEntries = 0;

/**
 * An active context with its derived contexts remembered. `raw` is the reference's own active
 * context object; the fast path never changes it.
 */
export class CompiledContext {
  readonly mappings: Map<string, TermDefinition>;
  readonly hasPrevious: boolean;
  /** `@base` set to something other than null: relative IRIs would need resolving, which the fast path does not do. */
  readonly hasBase: boolean;
  private reverted?: CompiledContext;
  /**
   * For a context that carries a previous one (a type-scoped context applied, or anything
   * applied over one): the compiled context that previous one is equal to. Reverting returns it,
   * so the contexts derived from it are not compiled again for every copy jsonld.js makes.
   */
  private revertTarget?: CompiledContext;
  private readonly derived: Record<Derivation, Map<unknown, CompiledContext>> = {
    embedded: new Map(),
    property: new Map(),
    type: new Map(),
  };
  /** What the walk works out about a term in this context, kept (see `recall`). */
  private readonly memos: Record<MemoTable, Map<string, unknown>> = {
    iri: new Map(),
    member: new Map(),
    value: new Map(),
  };

  constructor(readonly raw: RawContext) {
    this.mappings = raw.mappings;
    this.hasPrevious = raw.previousContext !== undefined && raw.previousContext !== null;
    this.hasBase = '@base' in raw && Boolean(raw['@base']);
  }

  term(key: string): TermDefinition | undefined {
    return this.mappings.get(key);
  }

  /**
   * jsonld.js `revertToPreviousContext()`: a copy of the previous context, which is the context
   * this one was derived from (see `revertTarget`). jsonld.js's copy leaves out `@direction`, so
   * the original stands in for it only when it has none; otherwise the copy is compiled afresh.
   */
  revert(): CompiledContext {
    if (!this.hasPrevious) return this;
    if (this.revertTarget && !('@direction' in this.revertTarget.raw)) return this.revertTarget;
    this.reverted ??= new CompiledContext(this.raw.revertToPreviousContext());
    return this.reverted;
  }

  /** The context `local` gives when applied `kind`-wise, if already processed; else throws ContextMiss. */
  derive(kind: Derivation, local: unknown, key: unknown = local): CompiledContext {
    const found = this.derived[kind].get(key);
    if (found) return found;
    throw new ContextMiss(this, kind, local, key);
  }

  /** Processes `local` with the reference algorithm and remembers the result. */
  async compile(kind: Derivation, local: unknown, key: unknown): Promise<void> {
    if (this.derived[kind].has(key)) return;
    const raw = await contextApi.process({
      activeCtx: this.raw,
      localCtx: local,
      options: processOptions(),
      ...(kind === 'property'
        ? { propagate: true, overrideProtected: true }
        : kind === 'type'
          ? { propagate: false }
          : {}),
    });
    if (++compiledCount > MAX_COMPILED) resetCompiledContexts();
    const compiled = new CompiledContext(raw);
    // jsonld.js keeps as previous context a copy of this one when this derivation starts a scope
    // (a type-scoped context, or an inline one with @propagate false), else a copy of this one's own.
    if (compiled.hasPrevious) compiled.revertTarget = this.hasPrevious ? this.revertTarget : this;
    this.derived[kind].set(key, compiled);
  }

  /**
   * A value remembered for this context under `key` (IRI expansions, term facts): computed
   * once, as a context never changes. Bounded, as documents may use any number of keys.
   */
  recall<T>(table: MemoTable, key: string): T | undefined {
    return this.memos[table].get(key) as T | undefined;
  }

  remember<T>(table: MemoTable, key: string, value: T): T {
    const memo = this.memos[table];
    if (memo.size >= MAX_MEMOS) memo.clear();
    if (++memoEntries > MAX_MEMO_ENTRIES) resetCompiledContexts();
    memo.set(key, value);
    return value;
  }
}

// A loader for compiling only: it serves the bundled contexts and nothing else, so a compiled
// context depends on nothing but those files. The caller's own loader is checked separately
// (see `isBundledContext`): it must serve the same documents for the URLs a document names.
async function bundledOnlyLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  const document = bundledContexts().get(url);
  if (!document) throw new Error(`The fast path compiles bundled contexts only, not ${url}`);
  return { contextUrl: null, documentUrl: url, document };
}

function processOptions(): ProcessOptions {
  // A resolver per processing run: jsonld.js would otherwise keep every inline context seen.
  return {
    documentLoader: bundledOnlyLoader,
    contextResolver: new ContextResolver({ sharedCache: new Map() }),
    base: null,
    safe: true,
    eventHandler: [safeEventHandler],
  };
}

let initial: CompiledContext | undefined;

/** The empty active context every document starts from (JSON-LD 1.1 processing mode). */
export function initialContext(): CompiledContext {
  initial ??= new CompiledContext(contextApi.getInitialContext({}));
  return initial;
}

// Contexts still in use by a walk in progress stay valid; only the shared root is dropped.
function resetCompiledContexts(): void {
  compiledCount = 0;
  memoEntries = 0;
  initial = undefined;
}

// ---------------------------------------------------------------------------------------------
// Which context URLs the fast path may use, and whether a caller's loader agrees.

const sameAsBundled = new WeakMap<object, string>();

/**
 * True when `document` (what a caller's loader returned for `url`) is the bundled context for
 * that URL: the same object, as Cairn's loader returns, or a deep copy of it.
 */
export function isBundledContext(url: string, document: unknown): boolean {
  const bundled = bundledContexts().get(url);
  if (!bundled || !isJsonObject(document)) return false;
  if (document === bundled) return true;
  const known = sameAsBundled.get(document);
  if (known !== undefined) return known === url;
  if (JSON.stringify(document) !== JSON.stringify(bundled)) return false;
  sameAsBundled.set(document, url);
  return true;
}

/** True for a URL the fast path knows (a bundled context). */
export const isBundledContextUrl = (url: string): boolean => bundledContexts().has(url);

/**
 * The context URLs a local context names directly, or undefined when it names one in a place
 * only the reference follows (a scoped context or `@import` inside an inline context: the
 * caller's loader would serve those, and the fast path only checks the URLs it can see).
 */
export function contextUrlsOf(local: unknown): string[] | undefined {
  const urls: string[] = [];
  for (const entry of Array.isArray(local) ? local : [local]) {
    if (typeof entry === 'string') urls.push(entry);
    else if (entry !== null && (!isJsonObject(entry) || namesNestedUrl(entry))) return undefined;
  }
  return urls;
}

function namesNestedUrl(context: JsonObject): boolean {
  for (const [key, value] of Object.entries(context)) {
    if ((key === '@context' || key === '@import') && value !== null && !isJsonObject(value)) return true;
    if (isJsonObject(value) && namesNestedUrl(value)) return true;
  }
  return false;
}
