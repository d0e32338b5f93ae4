import type { StoredView } from '../../src/sandbox/emulator/types.js';
import type { TestApp } from './harness.js';
import { waitFor } from './wait.js';

/** Waits until the user's top view is an open modal with this callback id. */
export function openModal(
  t: Pick<TestApp, 'emulator'>,
  userId: string,
  callbackId: string,
): Promise<StoredView> {
  return waitFor(`the ${callbackId} modal`, () => {
    const view = t.emulator.state.views.top(userId);
    return view?.open && view.definition.callback_id === callbackId ? view : undefined;
  });
}
