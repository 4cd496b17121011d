import { DELIVERABLE_STATES, type DeliverableState } from '@nvr/shared';

export function isDeliverableState(value: string): value is DeliverableState {
  return (DELIVERABLE_STATES as readonly string[]).includes(value);
}
