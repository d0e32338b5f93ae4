import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecapProposal } from '../../src/domain/recap/meeting.js';
import { RECAP_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';
import {
  linkDeal,
  NOW,
  openRecapModal,
  recapParents,
  recapValues,
  TODAY,
  threadOf,
  waitForRecapThread,
} from './recap-support.js';

describe('/vision recap end to end', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW });
  });
  afterEach(async () => {
    await t.close();
  });

  /** The recap's proposals once every one is shown in a thread message. */
  const proposals = () =>
    waitFor('the proposals shown in the thread', async () => {
      const parent = recapParents(t)[0];
      const meeting = parent ? await meetingByRecap(parent.ts) : null;
      const all = meeting ? await t.repos.meetings.listProposals(t.ids.team, meeting.id) : [];
      return all.length > 0 && all.every((p) => p.messageTs) ? all : undefined;
    });
  const meetingByRecap = async (ts: string) => {
    for (let id = 1; id < 20; id++) {
      const meeting = await t.repos.meetings.getById(t.ids.team, id);
      if (meeting?.recapTs === ts) return meeting;
    }
    return null;
  };
  const click = (ts: string, action: string, p: RecapProposal, user: string = t.ids.rep) =>
    t.driver.clickButton(ts, action, user, { blockId: `${RECAP_IDS.proposalBlock}${p.id}:actions` });

  it('modal -> parent message -> thread with proposals -> Confirm / Discard / double Confirm', async () => {
    const deal = await linkDeal(t);
    const view = await openRecapModal(t);
    const blockIds = (view.definition.blocks as Array<{ block_id: string }>).map((b) => b.block_id);
    expect(blockIds).toEqual(
      expect.arrayContaining([
        RECAP_IDS.title,
        RECAP_IDS.date,
        RECAP_IDS.ourAttendees,
        RECAP_IDS.customerNew,
        RECAP_IDS.notes,
        'recap_transcript_1',
        'recap_transcript_2',
        'recap_transcript_3',
        RECAP_IDS.fileLink,
        RECAP_IDS.ourSpeakers,
        RECAP_IDS.proposedByUs,
      ]),
    );

    const submitted = await t.driver.submitView(
      view.id,
      recapValues({ [RECAP_IDS.proposedByUs]: 'Start the pilot with the routing module' }),
    );
    expect(submitted.outcome).toBe('close');
    const parent = await waitForRecapThread(t);
    expect(parent.text).toBe(`Recap: Discovery call (${TODAY})`);
    const thread = threadOf(t, parent);
    expect(JSON.stringify(thread[0]!.blocks)).toContain(RECAP_IDS.refreshDraft);

    const all = await proposals();
    const driver = all.find((p) => p.kind === 'entry' && p.payload.kind === 'driver')!;
    const ours = all.find((p) => p.kind === 'entry' && p.payload.kind === 'proposal')!;
    const decision = all.find((p) => p.kind === 'decision')!;
    expect(driver.payload).toMatchObject({
      quote: 'We lose three days on every cross-border shipment and our customers complain.',
      speaker: 'Dana',
    });
    expect(decision.payload).toEqual({
      title: 'pick a pilot region',
      ownerName: 'Dana',
      dueDate: '2026-12-15',
    });
    expect(await t.repos.entries.listByDeal(t.ids.team, deal.id)).toEqual([]); // nothing written on a guess

    // Confirm: one entry, the quote and speaker kept, the meeting as source; the block updated in place.
    const messageTs = driver.messageTs!;
    await click(messageTs, RECAP_IDS.confirm, driver);
    const [entry] = await waitFor('the confirmed entry', async () => {
      const entries = await t.repos.entries.listByDeal(t.ids.team, deal.id);
      return entries.length === 1 ? entries : undefined;
    });
    expect(entry).toMatchObject({
      kind: 'driver',
      quote: 'We lose three days on every cross-border shipment and our customers complain.',
      source: { type: 'meeting', ref: String(driver.meetingId) },
      saidOn: TODAY,
      createdBy: t.ids.rep,
    });
    expect((await t.repos.stakeholders.getById(t.ids.team, entry!.stakeholderId!))?.name).toBe('Dana');
    await waitFor('the block updated in place', () =>
      JSON.stringify(t.emulator.state.findMessage(t.ids.dealAcme, messageTs)?.blocks).includes(
        `Confirmed by <@${t.ids.rep}> as #${entry!.id}`,
      ),
    );

    // Double click (two clicks before either is handled): one entry.
    await Promise.all([
      click(messageTs, RECAP_IDS.confirm, ours),
      click(messageTs, RECAP_IDS.confirm, ours, t.ids.manager),
    ]);
    await waitFor('our proposal confirmed', async () => {
      const current = await t.repos.meetings.getProposal(t.ids.team, ours.id);
      return current?.kind === 'entry' ? current.entryId : undefined;
    });
    await settle();
    const entries = await t.repos.entries.listByDeal(t.ids.team, deal.id);
    expect(entries.filter((e) => e.kind === 'proposal')).toHaveLength(1);
    expect(entries).toHaveLength(2);

    // Discard leaves nothing written.
    await click(decision.messageTs!, RECAP_IDS.discard, decision);
    await waitFor(
      'discarded',
      async () => (await t.repos.meetings.getProposal(t.ids.team, decision.id))?.status === 'discarded',
    );
    await settle();
    expect(await t.repos.decisions.listByDeal(t.ids.team, deal.id)).toEqual([]);
    expect(
      JSON.stringify(t.emulator.state.findMessage(t.ids.dealAcme, decision.messageTs!)?.blocks),
    ).toContain('Discarded by');
    // Each payload is handled by one listener (a double registration would ack twice).
    expect(t.logs.filter((line) => line.includes('called multiple times'))).toEqual([]);
  });

  it('a retried (double) submission posts one recap', async () => {
    await linkDeal(t);
    const view = await openRecapModal(t);
    await Promise.all([
      t.driver.submitView(view.id, recapValues()),
      t.driver.submitView(view.id, recapValues()),
    ]);
    await waitForRecapThread(t);
    await settle(500);
    expect(recapParents(t)).toHaveLength(1);
  });

  it('shows validation errors inline and posts nothing', async () => {
    await linkDeal(t);
    const view = await openRecapModal(t);
    const result = await t.driver.submitView(view.id, {
      [RECAP_IDS.title]: 'Discovery call',
      [RECAP_IDS.date]: '2026-12-09',
      [RECAP_IDS.fileLink]: 'not a link',
    });
    expect(result.outcome).toBe('errors');
    expect(result.errors).toMatchObject({
      [RECAP_IDS.date]: expect.stringMatching(/future/),
      [RECAP_IDS.notes]: expect.stringMatching(/Add notes/),
      [RECAP_IDS.fileLink]: expect.stringMatching(/not a link/),
    });
    await settle();
    expect(recapParents(t)).toEqual([]);
  });
});
