import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LISTEN_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';
import { CUSTOMER_WORDS, ephemerals, everything, linkDeal, PRESCRIBING } from './listen-support.js';

describe('/vision quiet, end to end', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const tips = (userId: string) =>
    ephemerals(t, userId).filter((m) => /Listen first\?|in their own words/.test(everything(m)));
  const replies = (userId: string) =>
    ephemerals(t, userId).filter((m) => everything(m).includes('Listening tips are'));

  it('turns nudges and capture offers off for that person only, says how to turn them back on, and back on', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'quiet' });
    const [off] = await waitFor('the reply', () => (replies(t.ids.rep).length ? replies(t.ids.rep) : null));
    expect(off!.text).toContain('*off*');
    expect(off!.text).toContain('`/vision quiet off`');
    expect(await t.repos.listening.isQuiet(t.ids.team, t.ids.rep)).toBe(true);

    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: CUSTOMER_WORDS });
    await t.driver.userMessage({ userId: t.ids.engineer, channelId: t.ids.dealAcme, text: PRESCRIBING });
    await waitFor('the engineer nudge', () => tips(t.ids.engineer).length === 1);
    await settle(300);
    expect(tips(t.ids.rep)).toEqual([]);

    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'quiet' });
    await waitFor('the second reply', () => replies(t.ids.rep).length === 2);
    expect(replies(t.ids.rep)[1]!.text).toContain('*on*');
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    await waitFor('a nudge now', () => tips(t.ids.rep).length === 1);
  });

  it('accepts explicit on/off and is listed in /vision help', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'quiet on' });
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'quiet on' });
    await waitFor('two replies', () => replies(t.ids.rep).length === 2);
    expect(await t.repos.listening.isQuiet(t.ids.team, t.ids.rep)).toBe(true);
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'quiet off' });
    await waitFor('three replies', () => replies(t.ids.rep).length === 3);
    expect(await t.repos.listening.isQuiet(t.ids.team, t.ids.rep)).toBe(false);

    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.dealAcme, text: 'help' });
    const [help] = await waitFor('help', () =>
      ephemerals(t, t.ids.manager).length ? ephemerals(t, t.ids.manager) : null,
    );
    expect(everything(help!)).toContain('/vision quiet [on|off]');
    expect(everything(help!)).toContain('/vision ask [question]');
  });

  it('the "Turn these tips off" button on a nudge does the same', async () => {
    await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: PRESCRIBING });
    const [nudge] = await waitFor('a nudge', () => (tips(t.ids.rep).length ? tips(t.ids.rep) : null));
    await t.driver.clickButton(nudge!.ts, LISTEN_IDS.quiet, t.ids.rep);
    await waitFor('quiet stored', async () => t.repos.listening.isQuiet(t.ids.team, t.ids.rep));
    await waitFor('the nudge replaced by the reply', () =>
      ephemerals(t, t.ids.rep).some((m) => m.text.includes('Listening tips are *off*')),
    );
  });
});
