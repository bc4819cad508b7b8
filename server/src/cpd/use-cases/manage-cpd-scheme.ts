import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { CPD_PRESETS, type CpdScheme } from '../cpd-record.js';
import * as store from '../stores/cpd.store.js';

export type SchemeInput = Partial<Omit<CpdScheme, 'preset'>> & { preset?: string | undefined };

/** Sets the learner's scheme, from a preset or defined by them; entries are kept. */
export async function setCpdScheme(deps: Deps, actor: Actor, input: SchemeInput): Promise<CpdScheme> {
  const user = requireUser(actor);
  let scheme: CpdScheme;
  if (input.preset !== undefined) {
    const preset = CPD_PRESETS.find((p) => p.preset === input.preset);
    if (!preset)
      throw new AppError('validation_failed', 'There is no such preset.', {
        fields: [{ field: 'preset', message: `Choose one of ${CPD_PRESETS.map((p) => p.preset).join(', ')}` }],
      });
    scheme = preset;
  } else {
    if (!input.name || !input.target)
      throw new AppError('validation_failed', 'Name the scheme and set its target, or choose a preset.');
    scheme = {
      preset: null,
      name: input.name,
      body: input.body ?? '',
      unit: input.unit ?? 'hours',
      target: input.target,
      periodStartMonth: input.periodStartMonth ?? 1,
      caps: input.caps ?? { structured: null, 'self-directed': null },
      carryOverMax: input.carryOverMax ?? 0,
    };
  }
  await store.upsertScheme(deps.db, user.userId, scheme, deps.clock());
  return scheme;
}

export function listCpdPresets() {
  return CPD_PRESETS;
}
