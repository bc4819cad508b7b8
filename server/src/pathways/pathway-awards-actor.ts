import type { EventActor } from '../events/event-types.js';

/** Cairn acting on its own: what the jobs of this area record as the actor of their events. */
export const PATHWAY_AWARDS: EventActor = { kind: 'system', reason: 'pathway awards' };
