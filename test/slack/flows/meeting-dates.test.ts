import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/harness.js';
import { waitFor } from '../../support/wait.js';
import { linkDeal, NOW } from '../recap-support.js';

/** `/vision meeting` through the real receiver: dates typed the way people type them, in each user's zone and locale. */
describe('/vision meeting reads dates as people type them', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ clock: () => NOW }); // Mon 2026-12-07 13:00 in New York, 18:00 in London
    await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const reply = async (userId: string, text: string) => {
    const before = t.emulator.state.ephemeralsFor(userId).length;
    await t.driver.slashCommand({ userId, channelId: t.ids.dealAcme, text });
    return waitFor('the ephemeral reply', () => t.emulator.state.ephemeralsFor(userId)[before]);
  };
  const scheduled = () =>
    t.app.deps.repos.meetings.listDuePrompts(t.emulator.state.team.id, new Date('2030-01-01T00:00:00Z'), NOW);

  it('schedules "12/9 3pm" (en-US month/day), "tomorrow at noon" and day/month for an en-GB user', async () => {
    const us = await reply(t.ids.rep, 'meeting Pricing review 12/9 3pm');
    expect(us.text).toBe(
      'Scheduled *Pricing review*. When it ends (2026-12-09 15:45 America/New_York) I will ask here how it went, with a button to write the recap.',
    );
    const noon = await reply(t.ids.rep, 'meeting Lunch with Dana tomorrow at noon for 1h');
    expect(noon.text).toContain('(2026-12-08 13:00 America/New_York)');

    t.emulator.state.users.get(t.ids.manager)!.locale = 'en-GB';
    const uk = await reply(t.ids.manager, 'meeting Exec sync 9/12 15.00');
    expect(uk.text).toContain('*Exec sync*. When it ends (2026-12-09 15:45 Europe/London)');

    const meetings = (await scheduled()).map((m) => [m.title, m.startsAt?.toISOString()]);
    expect(meetings).toEqual(
      expect.arrayContaining([
        ['Pricing review', '2026-12-09T20:00:00.000Z'],
        ['Lunch with Dana', '2026-12-08T17:00:00.000Z'],
        ['Exec sync', '2026-12-09T15:00:00.000Z'],
      ]),
    );
    expect(meetings).toHaveLength(3);
  });

  it('answers what it cannot read with an example and schedules nothing', async () => {
    const vague = await reply(t.ids.rep, 'meeting Pricing review sometime next week');
    expect(vague.text).toMatch(/^"next week" has no time of day: add one, e\.g\. `next week 15:00`/);
    const unreadable = await reply(t.ids.rep, 'meeting Pricing review whenever Dana is free');
    expect(unreadable.text).toMatch(
      /^I could not read when the meeting starts.*`tomorrow 15:00`.*America\/New_York/,
    );
    expect(await scheduled()).toEqual([]);
  });
});
