import { createHash } from 'node:crypto';
import type { Actor, Deps } from '../deps.js';
import type { SkillFrameworkSource } from '../db/schema.js';
import { lockSetupStep } from '../db/startup-lock.js';
import { transaction, type Db } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { authorizeOrg } from '../orgs/orgs.service.js';
import { parseSkillCsv, type ParsedSkill, type ParsedSkillCsv, type SkillCsvFormat } from './skill-csv.js';
import * as store from './skills.store.js';
import { STARTER_FRAMEWORK_NAME, starterGroups } from './starter-framework.js';

/** The starter framework's skills, with their codes. */
export function starterSkills(): store.SkillInput[] {
  return starterGroups.flatMap((g) =>
    g.skills.map(([name, description], i) => ({
      code: `CAIRN-${g.prefix}-${String(i + 1).padStart(2, '0')}`,
      name,
      description,
      group: g.name,
      altLabels: [],
      skillType: 'skill',
      uri: null,
    })),
  );
}

/**
 * Loads the starter framework, or brings it up to date with this release. Idempotent and
 * cheap when nothing changed (a content hash is kept on the framework). Called at start by
 * main.ts and by the test harness after migrating, rather than from a migration, so a release
 * can improve wording without a new migration; codes never change, so alignments stay valid.
 */
export async function ensureStarterFramework(db: Db): Promise<{ frameworkId: string; isChanged: boolean }> {
  const skills = starterSkills();
  const version = createHash('sha256').update(JSON.stringify(skills)).digest('hex').slice(0, 16);
  return transaction(db, async (trx) => {
    // Servers starting together would both find no framework and both insert it.
    await lockSetupStep(trx, 'starter-framework');
    const existing = await store.findFramework(trx, null, STARTER_FRAMEWORK_NAME);
    if (existing?.content_version === version) return { frameworkId: existing.id, isChanged: false };
    const framework =
      existing ?? (await store.insertFramework(trx, { orgId: null, name: STARTER_FRAMEWORK_NAME, source: 'cairn' }));
    await store.upsertSkills(trx, framework.id, null, skills);
    await store.setFrameworkVersion(trx, framework.id, version);
    return { frameworkId: framework.id, isChanged: true };
  });
}

export type SkillImportInput = { csv: string; format?: SkillCsvFormat };

const PREVIEW_ROWS = 500;

function parseFor(input: SkillImportInput): ParsedSkillCsv {
  const parsed = parseSkillCsv(input.csv);
  if (input.format && parsed.format && parsed.format !== input.format) {
    parsed.errors.unshift({
      line: 1,
      field: 'header',
      message: `The columns look like ${parsed.format.toUpperCase()}, not ${input.format.toUpperCase()} as requested.`,
    });
  }
  return parsed;
}

/** Parses and validates a skills CSV for the organisation; writes nothing. */
export async function previewSkillImport(deps: Deps, actor: Actor, slug: string, input: SkillImportInput) {
  await authorizeOrg(deps, actor, slug, 'skills.import');
  const parsed = parseFor(input);
  return {
    format: parsed.format,
    columns: parsed.columns,
    rowCount: parsed.rows.length,
    rows: parsed.rows.slice(0, PREVIEW_ROWS),
    isTruncated: parsed.rows.length > PREVIEW_ROWS,
    errors: parsed.errors,
    isValid: parsed.errors.length === 0,
  };
}

const sourceOf: Record<SkillCsvFormat, SkillFrameworkSource> = { esco: 'esco', onet: 'onet', cairn: 'custom' };

function toInput(row: ParsedSkill): store.SkillInput {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    group: row.group,
    altLabels: row.altLabels,
    skillType: row.skillType,
    uri: row.uri,
  };
}

/**
 * Imports a skills CSV into the organisation's framework called `frameworkName` (created when
 * new) in one transaction. Idempotent: a skill with a code the framework has is updated.
 * Any validation error refuses the whole file, naming each line.
 */
export async function importSkillFramework(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: SkillImportInput & { frameworkName: string },
) {
  const { org } = await authorizeOrg(deps, actor, slug, 'skills.import');
  const name = input.frameworkName.trim();
  if (name.toLowerCase() === STARTER_FRAMEWORK_NAME.toLowerCase()) {
    throw new AppError('conflict', `"${STARTER_FRAMEWORK_NAME}" is the framework Cairn ships; choose another name.`, {
      fields: [{ field: 'frameworkName', message: 'Reserved name' }],
    });
  }
  const parsed = parseFor(input);
  if (parsed.errors.length > 0 || !parsed.format) {
    const shown = parsed.errors.slice(0, 200);
    throw new AppError(
      'validation_failed',
      `The file has ${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}; nothing was imported. Fix the lines listed in errors[] and try again.`,
      {
        fields: shown.map((e) => ({
          field: `line.${e.line}.${e.field}`,
          message: `Line ${e.line}, ${e.field}: ${e.message}`,
        })),
      },
    );
  }
  const format = parsed.format;
  return transaction(deps.db, async (trx) => {
    const existing = await store.findFramework(trx, org.id, name);
    const framework = existing ?? (await store.insertFramework(trx, { orgId: org.id, name, source: sourceOf[format] }));
    const counts = await store.upsertSkills(trx, framework.id, org.id, parsed.rows.map(toInput));
    return {
      framework: { id: framework.id, name: framework.name, source: framework.source },
      format,
      created: counts.created,
      updated: counts.updated,
      total: parsed.rows.length,
    };
  });
}

export async function listSkillFrameworks(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'org.read');
  const rows = await store.listFrameworks(deps.db, org.id);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    source: r.source,
    isStarter: r.org_id === null,
    skillCount: r.skillCount,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

type SkillRow = Awaited<ReturnType<typeof store.findSkillsByIds>>[number];

export type SkillView = {
  id: string;
  code: string;
  name: string;
  description: string;
  group: string | null;
  skillType: string | null;
  uri: string | null;
  altLabels: string[];
  framework: { id: string; name: string; source: SkillFrameworkSource };
};

export function toSkillView(r: SkillRow): SkillView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    group: r.group_name,
    skillType: r.skill_type,
    uri: r.uri,
    altLabels: r.alt_labels,
    framework: { id: r.framework_id, name: r.framework_name, source: r.framework_source },
  };
}

/** Organisations whose private frameworks the actor may see. */
export async function visibleOrgIds(deps: Deps, actor: Actor): Promise<string[]> {
  if (actor.kind === 'user') return store.orgIdsOfUser(deps.db, actor.userId);
  if (actor.kind === 'apiKey') return [actor.orgId];
  return [];
}

/** Searches the starter framework and the frameworks of the caller's organisations. Public. */
export async function searchSkills(
  deps: Deps,
  actor: Actor,
  options: { q?: string; frameworkId?: string; limit: number },
) {
  const orgIds = await visibleOrgIds(deps, actor);
  const rows = await store.searchSkills(deps.db, { ...options, orgIds });
  return rows.map(toSkillView);
}

/**
 * One skill. Starter skills and skills aligned to a published programme are public (they
 * appear in Achievements); other imported skills only to their organisation.
 */
export async function getSkill(deps: Deps, actor: Actor, id: string): Promise<SkillView> {
  const row = await store.findSkill(deps.db, id);
  const notFound = new AppError('not_found', 'No skill with this id.');
  if (!row) throw notFound;
  if (
    row.org_id !== null &&
    !(await visibleOrgIds(deps, actor)).includes(row.org_id) &&
    !(await store.isSkillInCatalog(deps.db, id))
  )
    throw notFound;
  return toSkillView(row);
}

/**
 * The skills with these ids that an organisation may align a programme to (starter skills and
 * its own), in the order given. Unknown or foreign ids come back in `missing`.
 */
export async function resolveSkillsForOrg(db: Db, orgId: string, ids: string[]) {
  const rows = await store.findSkillsByIds(db, [...new Set(ids)]);
  const byId = new Map(rows.filter((r) => r.org_id === null || r.org_id === orgId).map((r) => [r.id, r]));
  return {
    skills: ids.flatMap((id) => (byId.has(id) ? [toSkillView(byId.get(id)!)] : [])),
    missing: ids.filter((id) => !byId.has(id)),
  };
}

/** Ids of starter-framework skills by their codes (for seeds and fixtures). */
export async function findStarterSkillIds(db: Db, codes: string[]): Promise<Map<string, string>> {
  const rows = await store.findStarterSkillIdsByCode(db, codes);
  return new Map(rows.map((r) => [r.code, r.id]));
}
