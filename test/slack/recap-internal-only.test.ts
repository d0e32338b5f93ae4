import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EphemeralMessage, SlackMessage } from '../../src/sandbox/emulator/types.js';
import { ENTRY_FORM, RECAP_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';
import {
  linkDeal,
  NOTES,
  NOW,
  openRecapModal,
  recapValues,
  threadOf,
  waitForRecapThread,
} from './recap-support.js';

const FEAR = 'if we start and it slips, my team takes the blame in front of the board';
/** Words of the fear that no other recap message uses. */
const FEAR_WORDS = ['takes the blame', 'in front of the board', 'it slips'];

describe('recap: a proposal that would be internal-only never reaches the channel', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW });
  });
  afterEach(async () => {
    await t.close();
  });

  const notes = [`Risk: "${FEAR}" (Dana)`, NOTES].join('\n');
  const content = (m: SlackMessage | EphemeralMessage) =>
    `${m.text}\n${JSON.stringify(m.blocks)}`.toLowerCase();
  /** Every message the emulator recorded in the deal channel, top level and threads, fallback text and blocks. */
  const channelText = () => t.emulator.state.allMessages(t.ids.dealAcme).map(content).join('\n');
  const expectChannelClean = () => {
    const text = channelText();
    for (const words of FEAR_WORDS) expect(text).not.toContain(words);
  };
  const fearProposal = async () => {
    const all = await t.repos.meetings.listProposals(t.ids.team, 1);
    return all.find((p) => p.kind === 'entry' && p.payload.kind === 'risk' && p.payload.quote === FEAR);
  };
  const submitRecap = async () => {
    await linkDeal(t);
    const view = await openRecapModal(t);
    await t.driver.submitView(view.id, recapValues({ [RECAP_IDS.notes]: notes }));
    return waitForRecapThread(t);
  };
  const privateCopy = (messages: Array<SlackMessage | EphemeralMessage>) =>
    messages.find((m) => content(m).includes('takes the blame'));
  const confirmButton = (id: number) => ({ blockId: `${RECAP_IDS.proposalBlock}${id}:actions` });

  it('the thread gets a neutral line, the rep an ephemeral with the buttons; Confirm saves it internal-only', async () => {
    const parent = await submitRecap();
    const ephemeral = await waitFor('the private proposal', () =>
      privateCopy(t.emulator.state.ephemeralsFor(t.ids.rep, t.ids.dealAcme)),
    );
    await settle();
    const proposal = (await fearProposal())!;
    expect(proposal.messageTs).toBeNull();
    expect(ephemeral.threadTs).toBe(parent.ts);
    expect(JSON.stringify(ephemeral.blocks)).toContain(RECAP_IDS.confirm);

    const thread = threadOf(t, parent);
    expect(thread.map((m) => m.text)).toContain(
      `1 more item may be internal-only; sent to <@${t.ids.rep}> privately.`,
    );
    // The other proposals (driver, constraint, decision) are still in the thread.
    expect(channelText()).toContain('no new spend before the march freeze');
    expectChannelClean();
    for (const user of [t.ids.manager, t.ids.engineer]) {
      expect(t.emulator.state.ephemeralsFor(user).map(content).join('\n')).not.toContain('takes the blame');
      expect(t.emulator.state.dmsTo(user).map(content).join('\n')).not.toContain('takes the blame');
    }

    // Someone else cannot act on it, even with the right id.
    await t.driver.clickButton(ephemeral.ts, RECAP_IDS.confirm, t.ids.manager, confirmButton(proposal.id));
    await settle();
    expect((await t.repos.meetings.getProposal(t.ids.team, proposal.id))?.status).toBe('proposed');
    expect(await t.repos.entries.listByDeal(t.ids.team, 1)).toHaveLength(0);

    await t.driver.clickButton(ephemeral.ts, RECAP_IDS.confirm, t.ids.rep, confirmButton(proposal.id));
    const entry = await waitFor('the internal-only entry', async () =>
      (await t.repos.entries.listByDeal(t.ids.team, 1)).find((e) => e.quote === FEAR),
    );
    expect(entry).toMatchObject({ kind: 'risk', internalOnly: true, source: { type: 'meeting', ref: '1' } });
    await waitFor('the private copy updated in place', () =>
      content(t.emulator.state.findAnyMessage(ephemeral.ts)!.message).includes(`as #${entry.id}`),
    );
    expect(JSON.stringify(t.emulator.state.findAnyMessage(ephemeral.ts)!.message.blocks)).not.toContain(
      RECAP_IDS.confirm,
    );
    await settle();
    expectChannelClean();
  });

  it('falls back to a DM when the ephemeral is refused; Discard from the DM works and saves nothing', async () => {
    await linkDeal(t);
    const view = await openRecapModal(t);
    // The rep left the channel after opening the form: Slack refuses an ephemeral to a non-member.
    t.emulator.state.leaveChannel(t.ids.dealAcme, t.ids.rep);
    await t.driver.submitView(view.id, recapValues({ [RECAP_IDS.notes]: notes }));
    await waitForRecapThread(t);
    const dm = await waitFor('the private proposal in a DM', () =>
      privateCopy(t.emulator.state.dmsTo(t.ids.rep)),
    );
    await settle();
    expectChannelClean();
    const proposal = (await fearProposal())!;

    await t.driver.clickButton(dm.ts, RECAP_IDS.discard, t.ids.rep, confirmButton(proposal.id));
    await waitFor('the proposal discarded', async () =>
      (await t.repos.meetings.getProposal(t.ids.team, proposal.id))?.status === 'discarded'
        ? true
        : undefined,
    );
    await waitFor('the DM updated in place', () =>
      content(t.emulator.state.findAnyMessage(dm.ts)!.message).includes('discarded by'),
    );
    expect(await t.repos.entries.listByDeal(t.ids.team, 1)).toHaveLength(0);
    expectChannelClean();
  });

  it('Edit from the private copy saves through the form; the outcome goes to the rep, not the thread', async () => {
    await submitRecap();
    const ephemeral = await waitFor('the private proposal', () =>
      privateCopy(t.emulator.state.ephemeralsFor(t.ids.rep, t.ids.dealAcme)),
    );
    const proposal = (await fearProposal())!;
    await t.driver.clickButton(ephemeral.ts, RECAP_IDS.edit, t.ids.rep, confirmButton(proposal.id));
    const modal = await waitFor('the edit modal', () => {
      const top = t.emulator.state.views.top(t.ids.rep);
      return top?.definition.callback_id === RECAP_IDS.editEntryModal ? top : undefined;
    });
    const result = await t.driver.submitView(modal.id, {
      [ENTRY_FORM.statement]: 'Dana fears the board will blame her team if it slips',
    });
    expect(result.outcome).toBe('close');
    const entry = await waitFor('the entry', async () =>
      (await t.repos.entries.listByDeal(t.ids.team, 1)).find((e) => e.quote === FEAR),
    );
    expect(entry.internalOnly).toBe(true);
    await waitFor('the outcome shown privately', () =>
      t.emulator.state
        .ephemeralsFor(t.ids.rep, t.ids.dealAcme)
        .some((m) => content(m).includes(`as #${entry.id}`)),
    );
    await settle();
    expectChannelClean();
  });
});
