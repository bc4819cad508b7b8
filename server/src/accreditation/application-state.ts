import type { ApplicationState } from '../db/schema.js';
import { AppError } from '../http/app-error.js';

/**
 * The life of an application: submitted → information_requested → resubmitted →
 * (information_requested → resubmitted)* → decided. Pure rules; the use cases call them before
 * writing anything.
 */
export type ApplicationStep = 'request_information' | 'answer' | 'decide' | 'review';

const allowed: Record<ApplicationStep, readonly ApplicationState[]> = {
  request_information: ['submitted', 'resubmitted'],
  answer: ['information_requested'],
  decide: ['submitted', 'resubmitted'],
  review: ['submitted', 'resubmitted', 'information_requested'],
};

const why: Record<ApplicationState, string> = {
  submitted: 'it is waiting for review',
  information_requested: 'it is waiting for the provider to answer a request for information',
  resubmitted: 'the provider has answered and it is waiting for review',
  decided: 'it has been decided',
};

const verbs: Record<ApplicationStep, string> = {
  request_information: 'ask for more information on',
  answer: 'answer',
  decide: 'decide',
  review: 'review',
};

/** Throws a 409 naming the state when `step` cannot be taken from `state`. */
export function assertStep(state: ApplicationState, step: ApplicationStep): void {
  if (!allowed[step].includes(state))
    throw new AppError('conflict', `You cannot ${verbs[step]} this application now: ${why[state]}.`);
}

/** The state after `step`. */
export function nextState(step: 'request_information' | 'answer' | 'decide'): ApplicationState {
  switch (step) {
    case 'request_information':
      return 'information_requested';
    case 'answer':
      return 'resubmitted';
    case 'decide':
      return 'decided';
  }
}
