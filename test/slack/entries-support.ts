import type { Deal } from '../../src/domain/deals.js';
import type { StoredView } from '../../src/sandbox/emulator/types.js';
import type { TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

/** Links a channel to a deal directly in storage (deal setup is tested in setup.test.ts). */
export function linkDeal(
  t: TestApp,
  options: { channelId?: string; teamId?: string; accountName?: string } = {},
): Promise<Deal> {
  return t.repos.deals.upsertByChannel({
    teamId: options.teamId ?? t.ids.team,
    channelId: options.channelId ?? t.ids.dealAcme,
    accountName: options.accountName ?? 'Acme Corp',
    dealName: 'Platform rollout',
    stage: 'discovery',
    ownerUserId: t.ids.rep,
  });
}

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

export const textOf = (message: { text: string; blocks?: unknown[] }) =>
  `${message.text}\n${JSON.stringify(message.blocks ?? [])}`;
