import { catalogChangeSeq } from '../catalog/catalog.store.js';
import type { Db } from '../db/transaction.js';
import { programmeOptionsSince, type CoverOptionFilter } from './programme-options.store.js';
import type { CoverOption } from './skill-cover.js';

/**
 * Every catalogue programme as a cover option, with an index from skill to programmes, kept per
 * database handle. Reading 20,000 candidate rows for a 20-skill goal over a 100,000-programme
 * catalogue costs more than the plan itself; the catalogue changes rarely. Every call asks for
 * the catalogue's newest change (`change_seq`, an index read) and reads only the rows changed
 * since, so each server sees a publication on its next plan, as the catalogue index does.
 */
type State = {
  seq: string;
  options: Map<string, CoverOption>;
  bySkill: Map<string, Set<string>>;
  pending: Promise<void> | null;
};

const states = new WeakMap<Db, State>();

async function current(db: Db): Promise<State> {
  let state = states.get(db);
  if (!state) {
    state = { seq: '0', options: new Map(), bySkill: new Map(), pending: null };
    states.set(db, state);
  }
  const target = await catalogChangeSeq(db);
  while (BigInt(state.seq) < BigInt(target)) {
    const s = state;
    // Concurrent plans wait for the same catch-up rather than each reading the catalogue.
    s.pending ??= (async () => {
      const rows = await programmeOptionsSince(db, s.seq);
      let newest = BigInt(s.seq);
      for (const { option, seq } of rows) {
        const previous = s.options.get(option.id);
        for (const skillId of previous?.skillIds ?? []) s.bySkill.get(skillId)?.delete(option.id);
        s.options.set(option.id, option);
        for (const skillId of option.skillIds) {
          let ids = s.bySkill.get(skillId);
          if (!ids) s.bySkill.set(skillId, (ids = new Set()));
          ids.add(option.id);
        }
        if (BigInt(seq) > newest) newest = BigInt(seq);
      }
      s.seq = newest.toString();
    })().finally(() => {
      s.pending = null;
    });
    await s.pending;
  }
  return state;
}

/** The catalogue programmes teaching any of the skills (in the language, if given), from memory. */
export async function cachedProgrammesTeaching(db: Db, filter: CoverOptionFilter): Promise<CoverOption[]> {
  const state = await current(db);
  const ids = new Set<string>();
  for (const skillId of filter.skillIds) for (const id of state.bySkill.get(skillId) ?? []) ids.add(id);
  const result: CoverOption[] = [];
  for (const id of ids) {
    const option = state.options.get(id)!;
    if (!filter.language || option.language === filter.language) result.push(option);
  }
  return result;
}
