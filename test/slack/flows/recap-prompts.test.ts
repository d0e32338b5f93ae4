import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postDueRecapPrompts } from '../../../src/slack/flows/recap-prompts.js';
import { RECAP_IDS } from '../../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../../support/harness.js';
import { settle, waitFor } from '../../support/wait.js';
import { linkDeal, NOW, recapParents, threadOf, waitForRecapThread } from '../recap-support.js';

const minutesAfterNow = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe('scheduled meeting -> recap prompt', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW });
    await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const job = (now: Date) => postDueRecapPrompts(now, t.app.deps, t.app.bolt.client);
  const prompts = () =>
    t.emulator.state.messages(t.ids.dealAcme).filter((m) => m.text.startsWith('How did Discovery call go?'));

  it('posts the prompt once after the end; its button opens the prefilled modal; thread replies become notes', async () => {
    // 13:00 in New York now; the meeting runs 14:00-14:45 New York time (19:00-19:45 UTC).
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'meeting Discovery call today 14:00',
    });
    const scheduled = await waitFor('the confirmation', () =>
      t.emulator.state.ephemeralsFor(t.ids.rep).find((e) => e.text.startsWith('Scheduled')),
    );
    expect(scheduled.text).toContain('2026-12-07 14:45 America/New_York');

    expect(await job(minutesAfterNow(104))).toEqual({ posted: 0, failed: 0 }); // 14:44, still running
    expect(prompts()).toEqual([]);
    const [first, second] = await Promise.all([job(minutesAfterNow(106)), job(minutesAfterNow(106))]);
    expect(first.posted + second.posted).toBe(1);
    expect(await job(minutesAfterNow(200))).toEqual({ posted: 0, failed: 0 });
    expect(prompts()).toHaveLength(1);
    const prompt = prompts()[0]!;
    expect(prompt.text).toBe('How did Discovery call go? What did they tell you?');

    await t.driver.userMessage({
      userId: t.ids.engineer,
      channelId: t.ids.dealAcme,
      threadTs: prompt.ts,
      text: 'Constraint: security review takes six weeks',
    });
    await t.driver.clickButton(prompt.ts, RECAP_IDS.openFromPrompt, t.ids.rep);
    const view = await waitFor('the prefilled recap modal', () => {
      const top = t.emulator.state.views.top(t.ids.rep);
      return top?.definition.callback_id === RECAP_IDS.modal ? top : undefined;
    });
    const definition = JSON.stringify(view.definition);
    expect(definition).toContain('"initial_value":"Discovery call"');
    expect(definition).toContain('"initial_date":"2026-12-07"');
    expect(definition).toContain(`"initial_users":["${t.ids.rep}"]`);
    expect(definition).toContain('1 reply in the prompt');

    // Only the thread reply as notes: the form accepts it without typed notes.
    const result = await t.driver.submitView(view.id, {});
    expect(result.outcome).toBe('close');
    const parent = await waitForRecapThread(t);
    expect(JSON.stringify(threadOf(t, parent)[0]!.blocks)).toContain(
      '1 thread reply was added to the notes.',
    );
    const meeting = (await t.repos.meetings.getById(t.ids.team, 1))!;
    expect(meeting).toMatchObject({
      status: 'recapped',
      notes: 'Constraint: security review takes six weeks',
    });
    const proposals = await t.repos.meetings.listProposals(t.ids.team, meeting.id);
    expect(proposals.map((p) => (p.kind === 'entry' ? p.payload.statement : p.payload.title))).toEqual([
      'security review takes six weeks',
    ]);
    await settle();
    expect(recapParents(t)).toHaveLength(1);
  });

  it('explains the syntax when the time cannot be read', async () => {
    await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.dealAcme,
      text: 'meeting Discovery call sometime',
    });
    const reply = await waitFor('the error', () => t.emulator.state.ephemeralsFor(t.ids.rep)[0]);
    expect(reply.text).toMatch(/could not read when the meeting starts: put a date and time at the end/);
    expect(reply.text).toContain('America/New_York');
  });
});
