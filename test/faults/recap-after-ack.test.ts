import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import type { SlackMessage } from '../../src/sandbox/emulator/types.js';
import { RECAP_IDS } from '../../src/slack/views/ids.js';
import {
  linkDeal,
  NOTES,
  NOW,
  openRecapModal,
  recapParents,
  recapValues,
  TRANSCRIPT,
  threadOf,
} from '../slack/recap-support.js';
import { testEngines } from '../support/databases.js';
import { breakRepository, startTestApp, type TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

/**
 * A recap that fails after its modal closed (the ack) must not lose the rep's text: it was stored before the
 * ack, the rep is told privately what failed and that the text is saved, and "Try again" runs it from the text.
 */
describe.each(testEngines())('a recap that fails after its modal closed ($name)', (engine) => {
  let t: TestApp;
  let deal: Deal;
  beforeAll(async () => {
    t = await startTestApp({ engine, clock: () => NOW });
    deal = await linkDeal(t);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.emulator.state.views.clear(t.ids.rep);
  });

  const dm = () => t.emulator.state.openIm(t.ids.rep).id;
  const failureNotice = (before: number) =>
    waitFor('the failure message to the rep', () =>
      t.emulator.state
        .messages(dm())
        .slice(before)
        .find((m) => m.text.includes('could not be finished')),
    );
  const retryId = (message: SlackMessage): number =>
    Number(JSON.stringify(message.blocks).match(/"value":"(\d+)"/)?.[1]);
  /** Clicks "Try again" on the failure message and waits until the recap is posted; returns the submission id. */
  const retryUntilPosted = async (notice: SlackMessage): Promise<number> => {
    await t.driver.clickButton(notice.ts, RECAP_IDS.retrySubmission, t.ids.rep);
    const id = retryId(notice);
    await waitFor(
      'posted',
      async () => (await t.repos.recapSubmissions.get(t.ids.team, id))?.status === 'posted',
    );
    return id;
  };

  it('database down after the ack: the rep is told, the text is stored, "Try again" posts the recap once', async () => {
    const view = await openRecapModal(t);
    const before = t.emulator.state.messages(dm()).length;
    const broken = breakRepository(t, 'meetings', 'create');
    // Home is published after the rep is told, slowly here: "Try again" clicked meanwhile must still run.
    t.emulator.failNext('views.publish', { status: 'slow', delayMs: 1_500 });
    const submitted = await t.driver.submitView(view.id, recapValues());
    expect(submitted.status).toBe(200);
    expect(submitted.outcome).toBe('close');

    const notice = await failureNotice(before);
    broken.restore();
    expect(broken.calls()).toBe(1);
    expect(notice.text).toContain('saving the meeting failed');
    expect(notice.text).toMatch(/Your notes and transcript \([\d,]+ characters\) are saved/);
    expect(recapParents(t)).toEqual([]);

    const saved = await t.repos.recapSubmissions.get(t.ids.team, retryId(notice));
    expect(saved?.status).toBe('failed');
    expect(saved?.payload).toContain(JSON.stringify(NOTES).slice(1, -1));
    expect(saved?.payload).toContain(JSON.stringify(TRANSCRIPT).slice(1, -1));

    await t.driver.clickButton(notice.ts, RECAP_IDS.retrySubmission, t.ids.rep);
    const parent = await waitFor('the recap after the retry', () => recapParents(t)[0]);
    await waitFor('its thread', () => threadOf(t, parent).length >= 2);
    const after = await waitFor('the notice replaced', () => {
      const m = t.emulator.state.findMessage(dm(), notice.ts);
      return m?.text.includes('is posted') ? m : undefined;
    });
    expect(JSON.stringify(after.blocks)).not.toContain(RECAP_IDS.retrySubmission);
    expect((await t.repos.recapSubmissions.get(t.ids.team, saved!.id))?.status).toBe('posted');
    const meeting = await t.repos.meetings.getById(
      t.ids.team,
      (await t.repos.recapSubmissions.get(t.ids.team, saved!.id))!.meetingId!,
    );
    expect(meeting?.notes).toBe(NOTES);

    // A second click (double click, old message) runs nothing.
    await t.driver.clickButton(notice.ts, RECAP_IDS.retrySubmission, t.ids.rep).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));
    expect(recapParents(t)).toHaveLength(1);
  });

  it('Slack refuses the post: the reason is named, and the retry reuses the meeting without doubling proposals', async () => {
    const view = await openRecapModal(t);
    const parentsBefore = recapParents(t).length;
    const before = t.emulator.state.messages(dm()).length;
    t.emulator.state.leaveChannel(deal.channelId, t.emulator.state.bot.userId);
    await t.driver.submitView(view.id, recapValues({ [RECAP_IDS.title]: 'Pricing call' }));
    const notice = await failureNotice(before);
    t.emulator.state.joinChannel(deal.channelId, t.emulator.state.bot.userId);
    expect(notice.text).toContain('posting the recap in the channel: Slack refused it (not_in_channel)');
    expect(notice.text).toContain('Pricing call');

    const saved = await t.repos.recapSubmissions.get(t.ids.team, retryId(notice));
    expect(saved?.meetingId).toBeGreaterThan(0);
    const firstRun = await t.repos.meetings.listProposals(t.ids.team, saved!.meetingId!);
    expect(firstRun.length).toBeGreaterThan(0);

    await t.driver.clickButton(notice.ts, RECAP_IDS.retrySubmission, t.ids.rep);
    await waitFor('the recap after the retry', () => recapParents(t).length === parentsBefore + 1);
    await waitFor(
      'posted',
      async () => (await t.repos.recapSubmissions.get(t.ids.team, saved!.id))?.status === 'posted',
    );
    const all = await t.repos.meetings.listProposals(t.ids.team, saved!.meetingId!);
    const live = all.filter((p) => p.status === 'proposed');
    expect(live).toHaveLength(firstRun.length);
    expect(live.every((p) => p.messageTs !== null)).toBe(true);
    expect(all.filter((p) => p.status === 'discarded')).toHaveLength(firstRun.length);
  });

  it('Slack fails after the recap message was posted: the retry continues that thread, no second recap', async () => {
    const view = await openRecapModal(t);
    const parentsBefore = recapParents(t).length;
    const before = t.emulator.state.messages(dm()).length;
    // The recap's parent goes through; the first message of its thread gets Slack's fatal_error (not retried).
    t.emulator.failNext('chat.postMessage', { status: 200, error: 'fatal_error' }, 1, 1);
    await t.driver.submitView(view.id, recapValues({ [RECAP_IDS.title]: 'Renewal call' }));
    const notice = await failureNotice(before);
    expect(notice.text).toContain('posting the recap in the channel: Slack refused it (fatal_error)');
    const parents = recapParents(t);
    expect(parents).toHaveLength(parentsBefore + 1);
    const parent = parents.at(-1)!;
    expect(parent.text).toContain('Renewal call');
    expect(threadOf(t, parent)).toEqual([]);

    const updates = t.emulator.calls('chat.update').length;
    const id = await retryUntilPosted(notice);
    // One recap in the channel: the first run's message, updated, with the whole thread under it.
    expect(recapParents(t)).toHaveLength(parentsBefore + 1);
    expect(
      t.emulator
        .calls('chat.update')
        .slice(updates)
        .some((c) => c.args.ts === parent.ts && c.status === 200),
    ).toBe(true);
    const thread = threadOf(t, parent);
    expect(thread.length).toBeGreaterThanOrEqual(2);
    const meetingId = (await t.repos.recapSubmissions.get(t.ids.team, id))!.meetingId!;
    const live = (await t.repos.meetings.listProposals(t.ids.team, meetingId)).filter(
      (p) => p.status === 'proposed',
    );
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((p) => thread.some((m) => m.ts === p.messageTs))).toBe(true);
  });

  it('Slack fails halfway through the thread: the proposals posted before are marked replaced, none doubled', async () => {
    const view = await openRecapModal(t);
    const parentsBefore = recapParents(t).length;
    const before = t.emulator.state.messages(dm()).length;
    const notes = Array.from(
      { length: 25 },
      (_, i) => `Constraint: site ${i + 1} cannot change its carrier before the audit`,
    ).join('\n');
    // Parent, first message of the thread and the first 20 proposals go through; the next 5 fail.
    t.emulator.failNext('chat.postMessage', { status: 200, error: 'fatal_error' }, 1, 3);
    await t.driver.submitView(
      view.id,
      recapValues({ [RECAP_IDS.title]: 'Carrier audit', [RECAP_IDS.notes]: notes }),
    );
    const notice = await failureNotice(before);
    const parent = recapParents(t).at(-1)!;
    expect(parent.text).toContain('Carrier audit');
    const firstThread = threadOf(t, parent);
    const firstChunk = firstThread.find((m) => JSON.stringify(m.blocks).includes('site 1 '));
    expect(firstChunk).toBeDefined();

    const id = await retryUntilPosted(notice);
    expect(recapParents(t)).toHaveLength(parentsBefore + 1);
    const replaced = t.emulator.state.findMessage(t.ids.dealAcme, firstChunk!.ts)!;
    expect(replaced.text).toContain('were replaced');
    expect(JSON.stringify(replaced.blocks)).not.toContain('"type":"button"');
    const meetingId = (await t.repos.recapSubmissions.get(t.ids.team, id))!.meetingId!;
    const all = await t.repos.meetings.listProposals(t.ids.team, meetingId);
    const live = all.filter((p) => p.status === 'proposed');
    const sites = live.filter((p) => /site \d+ cannot/.test(JSON.stringify(p)));
    expect(sites).toHaveLength(25);
    const thread = threadOf(t, parent);
    expect(live.every((p) => thread.some((m) => m.ts === p.messageTs && m.ts !== firstChunk!.ts))).toBe(true);
  });

  it('database down for the whole run (marking it failed fails too): the retry still runs it, once', async () => {
    const view = await openRecapModal(t);
    const parents = recapParents(t).length;
    const before = t.emulator.state.messages(dm()).length;
    const create = breakRepository(t, 'meetings', 'create');
    const finish = breakRepository(t, 'recapSubmissions', 'finish');
    await t.driver.submitView(view.id, recapValues({ [RECAP_IDS.title]: 'Budget call' }));
    const notice = await failureNotice(before);
    create.restore();
    finish.restore();
    expect(finish.calls()).toBe(1);
    const id = retryId(notice);
    expect((await t.repos.recapSubmissions.get(t.ids.team, id))?.status).toBe('pending');

    await t.driver.clickButton(notice.ts, RECAP_IDS.retrySubmission, t.ids.rep);
    await waitFor('the recap after the retry', () => recapParents(t).length === parents + 1);
    await waitFor(
      'posted',
      async () => (await t.repos.recapSubmissions.get(t.ids.team, id))?.status === 'posted',
    );
  });

  it('the text worker crashes: the rep is told proposals could not be extracted, and the retry works', async () => {
    const view = await openRecapModal(t);
    const parents = recapParents(t).length;
    const before = t.emulator.state.messages(dm()).length;
    const deps = t.app.deps;
    const extractor = deps.recapExtractor;
    deps.recapExtractor = {
      name: 'offline',
      extract: () => Promise.reject(new Error('the worker stopped')),
    };
    try {
      await t.driver.submitView(view.id, recapValues({ [RECAP_IDS.title]: 'Pilot scoping' }));
      const notice = await failureNotice(before);
      expect(notice.text).toContain('extracting proposals failed');
      expect(notice.text).not.toContain('worker stopped'); // internals stay in the log
      deps.recapExtractor = extractor;
      await t.driver.clickButton(notice.ts, RECAP_IDS.retrySubmission, t.ids.rep);
      await waitFor('the recap after the retry', () => recapParents(t).length === parents + 1);
    } finally {
      deps.recapExtractor = extractor;
    }
  });

  it("another user cannot run a rep's saved recap", async () => {
    const view = await openRecapModal(t);
    const before = t.emulator.state.messages(dm()).length;
    const broken = breakRepository(t, 'meetings', 'addProposals');
    await t.driver.submitView(view.id, recapValues({ [RECAP_IDS.title]: 'Security review' }));
    const notice = await failureNotice(before);
    broken.restore();
    const parents = recapParents(t).length;
    await t.driver.clickButton(notice.ts, RECAP_IDS.retrySubmission, t.ids.manager);
    await new Promise((r) => setTimeout(r, 300));
    expect(recapParents(t)).toHaveLength(parents);
    expect((await t.repos.recapSubmissions.get(t.ids.team, retryId(notice)))?.status).toBe('failed');
  });

  it('Slack takes neither the DM nor the ephemeral: App Home lists the recap, and "Try again" there posts it', async () => {
    const view = await openRecapModal(t);
    const parents = recapParents(t).length;
    const extractor = t.app.deps.recapExtractor;
    t.app.deps.recapExtractor = {
      name: 'offline',
      extract: () => Promise.reject(new Error('the worker stopped')),
    };
    t.emulator.failNext('chat.postMessage', { status: 200, error: 'fatal_error' });
    t.emulator.failNext('chat.postEphemeral', { status: 200, error: 'fatal_error' });
    await t.driver.submitView(view.id, recapValues({ [RECAP_IDS.title]: 'Steering committee' }));
    const retryButtonsOnHome = (): string[] =>
      (
        (t.emulator.state.views.home(t.ids.rep)?.definition.blocks ?? []) as {
          accessory?: { action_id?: string; value?: string };
        }[]
      )
        .filter((b) => b.accessory?.action_id === RECAP_IDS.retrySubmission)
        .map((b) => b.accessory!.value!);
    const homeWith = (wanted: boolean) =>
      waitFor(`Home ${wanted ? 'with' : 'without'} the unfinished recap`, async () => {
        const latest = (
          await t.repos.recapSubmissions.listUnfinishedByUser(t.ids.team, t.ids.rep, NOW, 5)
        )[0];
        const home = t.emulator.state.views.home(t.ids.rep);
        if (!home || !latest) return undefined;
        const blocks = JSON.stringify(home.definition.blocks);
        const shown = blocks.includes('“Steering committee”') && blocks.includes('extracting proposals');
        return shown === wanted ? home : undefined;
      });
    const home = await homeWith(true).finally(() => {
      t.app.deps.recapExtractor = extractor;
    });
    const id = (await t.repos.recapSubmissions.listUnfinishedByUser(t.ids.team, t.ids.rep, NOW, 1))[0]!.id;
    expect(retryButtonsOnHome()).toContain(String(id));

    await t.driver.clickButton(home.id, RECAP_IDS.retrySubmission, t.ids.rep);
    await waitFor('the recap after the retry from Home', () => recapParents(t).length === parents + 1);
    await waitFor(
      'posted',
      async () => (await t.repos.recapSubmissions.get(t.ids.team, id))?.status === 'posted',
    );
    await waitFor('Home without it', () => !retryButtonsOnHome().includes(String(id)));
    const told = await waitFor('the DM saying it is posted', () =>
      t.emulator.state
        .messages(dm())
        .find((m) => m.text.includes('Steering committee') && m.text.includes('is posted')),
    );
    expect(told).toBeDefined();
  });
});
