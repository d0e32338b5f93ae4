import type { SlackMessage } from '../../src/sandbox/emulator/types.js';
import { RECAP_IDS } from '../../src/slack/views/ids.js';
import type { TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

export { linkDeal } from '../support/deal-fixtures.js';

/** 2026-12-07 18:00 UTC = 13:00 in New York, where the demo rep lives. */
export const NOW = new Date('2026-12-07T18:00:00Z');
export const TODAY = '2026-12-07';

/**
 * A plain transcript, hand-counted: ours (Riley) 16 + 9 + 5 = 30 words, customer (Dana) 12 + 17 = 29 words
 * ("cross-border" is one word), so our share is 30 / 59 = 50.8%; 3 questions (one in turn 1, two in turn 3);
 * longest customer monologue 17 words, ours 16; we proposed ("our platform", turn 1) before Dana's first driver
 * ("we lose", turn 2).
 */
export const TRANSCRIPT = [
  'Riley: Thanks for the time today. Our platform cuts transit times. What slows your shipping team down?',
  'Dana: We lose three days on every cross-border shipment and our customers complain.',
  'Riley: How do you handle customs today? Who owns that?',
  'Dana: Two people in ops do it by hand; there is no new spend before the March freeze.',
  'Riley: I recommend our routing module.',
].join('\n');

export const NOTES = [
  'Constraint: no new spend before the March freeze',
  'Decision: pick a pilot region by 2026-12-15 (Dana)',
].join('\n');

export async function openRecapModal(t: TestApp, userId: string = t.ids.rep) {
  await t.driver.slashCommand({ userId, channelId: t.ids.dealAcme, text: 'recap' });
  return waitFor('the recap modal', () => {
    const view = t.emulator.state.views.top(userId);
    return view?.definition.callback_id === RECAP_IDS.modal ? view : undefined;
  });
}

export function recapValues(overrides: Record<string, string | string[] | null> = {}) {
  return {
    [RECAP_IDS.title]: 'Discovery call',
    [RECAP_IDS.date]: TODAY,
    [RECAP_IDS.notes]: NOTES,
    [`${RECAP_IDS.transcriptPart}1`]: TRANSCRIPT,
    [RECAP_IDS.customerNew]: 'Dana Lee - Champion',
    ...overrides,
  };
}

export const recapParents = (t: TestApp): SlackMessage[] =>
  t.emulator.state.messages(t.ids.dealAcme).filter((m) => m.text.startsWith('Recap: '));

export const threadOf = (t: TestApp, parent: SlackMessage): SlackMessage[] =>
  t.emulator.state.threadReplies(t.ids.dealAcme, parent.ts).filter((m) => m.ts !== parent.ts);

export async function waitForRecapThread(t: TestApp, proposalMessages = 1) {
  const parent = await waitFor('the recap parent message', () => recapParents(t)[0]);
  await waitFor('the proposals in the thread', () => threadOf(t, parent).length >= 1 + proposalMessages);
  return parent;
}

/** A file the rep shared in the Acme deal channel (its metadata and the message carrying it); returns its id. */
export function shareFileInDealChannel(t: TestApp, name: string, length: number): string {
  const state = t.emulator.state;
  const fileId = state.nextId('F');
  state.files.set(fileId, {
    id: fileId,
    name,
    title: name,
    length,
    createdBy: t.ids.rep,
    created: Math.floor(NOW.getTime() / 1000),
    channels: [t.ids.dealAcme],
    uploaded: true,
    completed: true,
  });
  state.addMessage({
    channel: t.ids.dealAcme,
    ts: state.nextTs(),
    user: t.ids.rep,
    text: '',
    files: [fileId],
    reactions: [],
  });
  return fileId;
}
