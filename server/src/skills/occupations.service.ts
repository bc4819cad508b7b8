import type { Actor, Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { authorizeOrg } from '../orgs/orgs.service.js';
import { parseOccupationCsv, parseOccupationSkillCsv } from './occupation-csv.js';
import type { CsvIssue } from './csv-table.js';
import { visibleOrgIds } from './skills.service.js';
import * as skillStore from './skills.store.js';
import * as store from './occupations.store.js';

export type OccupationImportInput = {
  frameworkName: string;
  occupationsCsv?: string | undefined;
  relationsCsv?: string | undefined;
};

function refuse(issues: (CsvIssue & { file: 'occupations' | 'relations' })[]): never {
  throw new AppError(
    'validation_failed',
    `The files have ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was imported. Fix the lines listed in errors[] and try again.`,
    {
      fields: issues.slice(0, 200).map((e) => ({
        field: `${e.file}.line.${e.line}.${e.field}`,
        message: `${e.file === 'occupations' ? 'Occupations' : 'Relations'} line ${e.line}, ${e.field}: ${e.message}`,
      })),
    },
  );
}

/**
 * Imports ESCO occupations (`occupations_en.csv`) and their skills
 * (`occupationSkillRelations_en.csv`) into a framework of the organisation whose skills were
 * imported before, in one transaction. Idempotent: occupations are matched by URI, and the
 * skills of every occupation the relations file names are replaced by the ones it lists. A
 * relation to a skill or occupation the framework does not hold refuses the whole import.
 */
export async function importOccupations(deps: Deps, actor: Actor, slug: string, input: OccupationImportInput) {
  const { org } = await authorizeOrg(deps, actor, slug, 'skills.import');
  if (!input.occupationsCsv && !input.relationsCsv)
    throw new AppError('validation_failed', 'Send an occupations file, a relations file, or both.', {
      fields: [{ field: 'occupationsCsv', message: 'Required unless relationsCsv is sent' }],
    });
  const occupations = input.occupationsCsv ? parseOccupationCsv(input.occupationsCsv) : { rows: [], errors: [] };
  const relations = input.relationsCsv ? parseOccupationSkillCsv(input.relationsCsv) : { rows: [], errors: [] };
  const parseIssues = [
    ...occupations.errors.map((e) => ({ ...e, file: 'occupations' as const })),
    ...relations.errors.map((e) => ({ ...e, file: 'relations' as const })),
  ];
  if (parseIssues.length > 0) refuse(parseIssues);

  const name = input.frameworkName.trim();
  return transaction(deps.db, async (trx) => {
    const framework = await skillStore.findFramework(trx, org.id, name);
    if (!framework)
      throw new AppError(
        'not_found',
        `This organisation has no skill framework "${name}". Import the ESCO skills (skills_en.csv) into it first, then its occupations.`,
        { fields: [{ field: 'frameworkName', message: 'No framework with this name' }] },
      );
    const counts = await store.upsertOccupations(trx, framework.id, org.id, occupations.rows);
    const occupationIds = new Map(counts.ids);
    const otherUris = [...new Set(relations.rows.map((r) => r.occupationUri))].filter((u) => !occupationIds.has(u));
    for (const [uri, id] of await store.occupationIdsByUri(trx, framework.id, otherUris)) occupationIds.set(uri, id);
    const skillIds = await store.skillIdsByUri(trx, framework.id, [...new Set(relations.rows.map((r) => r.skillUri))]);
    const issues: (CsvIssue & { file: 'relations' })[] = [];
    for (const r of relations.rows) {
      if (!occupationIds.has(r.occupationUri))
        issues.push({
          file: 'relations',
          line: r.line,
          field: 'occupationUri',
          message: `No occupation ${r.occupationUri} in the occupations file or in "${framework.name}".`,
        });
      if (!skillIds.has(r.skillUri))
        issues.push({
          file: 'relations',
          line: r.line,
          field: 'skillUri',
          message: `No skill ${r.skillUri} in "${framework.name}"; import the skills file it comes from first.`,
        });
    }
    if (issues.length > 0) refuse(issues.sort((a, b) => a.line - b.line));
    const links = relations.rows.map((r) => ({
      occupationId: occupationIds.get(r.occupationUri)!,
      skillId: skillIds.get(r.skillUri)!,
      relation: r.relation,
    }));
    await store.replaceOccupationSkills(trx, links);
    return {
      framework: { id: framework.id, name: framework.name, source: framework.source },
      occupations: { created: counts.created, updated: counts.updated, total: occupations.rows.length },
      relations: {
        total: links.length,
        essential: links.filter((l) => l.relation === 'essential').length,
        optional: links.filter((l) => l.relation === 'optional').length,
      },
    };
  });
}

/** Occupations the caller may see, searched by title, other labels and code. */
export async function searchOccupations(deps: Deps, actor: Actor, options: { q?: string; limit: number }) {
  const orgIds = await visibleOrgIds(deps, actor);
  const rows = await store.searchOccupations(deps.db, { ...options, orgIds });
  return rows.map((r) => ({ id: r.id, uri: r.uri, title: r.title, code: r.code }));
}

/** One occupation with the skills it asks for. */
export async function getOccupation(deps: Deps, actor: Actor, id: string) {
  const row = await store.findOccupation(deps.db, id, await visibleOrgIds(deps, actor));
  if (!row) throw new AppError('not_found', 'No occupation with this id.');
  const skills = await store.occupationSkills(deps.db, id);
  return { ...row, skills };
}

/** The occupation a learner may start a goal from, with its essential skills, or null. */
export async function occupationForGoal(deps: Deps, actor: Actor, id: string) {
  const row = await store.findOccupation(deps.db, id, await visibleOrgIds(deps, actor));
  if (!row) return null;
  const skills = await store.occupationSkills(deps.db, id);
  return {
    id: row.id,
    title: row.title,
    essentialSkillIds: skills.filter((s) => s.relation === 'essential').map((s) => s.skillId),
  };
}
