import type { StoredView } from '../../src/sandbox/emulator/types.js';
import type { TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

export { everything as textOf, linkDeal } from '../support/deal-fixtures.js';

/** The modal the app just opened for a user (one not seen before), with the given callback id. */
export function newModal(
  t: TestApp,
  userId: string,
  callbackId: string,
  seen: Set<string>,
): Promise<StoredView> {
  return waitFor(`a ${callbackId} modal`, () => {
    const view = t.emulator.state.views.top(userId);
    if (!view?.open || seen.has(view.id) || view.definition.callback_id !== callbackId) return undefined;
    seen.add(view.id);
    return view;
  });
}

/** YYYY-MM-DD `days` from now (UTC); far enough from today to be past or future in every zone. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Ephemerals a user received after `count` earlier ones. */
export function ephemeralsAfter(t: TestApp, userId: string, count: number) {
  return t.emulator.state.ephemeralsFor(userId).slice(count);
}
