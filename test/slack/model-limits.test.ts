import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_BUSY_MESSAGE } from '../../src/domain/model-gate.js';
import { RECAP_IDS } from '../../src/slack/views/ids.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  chatCompletion,
  type OpenAIMockServer,
  startOpenAIMockServer,
} from '../support/openai-mock-server.js';
import { settle, waitFor } from '../support/wait.js';
import { addEntry, ephemerals, fixtureEvent, linkDeal } from './listen-support.js';
import { NOW, openRecapModal, recapParents, recapValues } from './recap-support.js';

/**
 * Model calls in flight are capped per person (1 here) and for the app (2 here): beyond a cap the person is
 * told privately to try again in a minute, and nothing is sent to the model.
 */
describe('limits on concurrent model calls, end to end', () => {
  let t: TestApp;
  let openai: OpenAIMockServer;
  let release: () => void;
  beforeEach(async () => {
    openai = await startOpenAIMockServer();
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Two model calls that hang until the test lets them answer (with something unusable: offline fallback).
    for (let i = 0; i < 2; i++)
      openai.replyWith(async () => {
        await held;
        return { body: chatCompletion('not json') };
      });
    t = await startTestApp({
      clock: () => NOW,
      openai: { baseURL: openai.baseURL },
      modelLimits: { global: 2, perUser: 1 },
    });
    const deal = await linkDeal(t);
    await addEntry(t, deal, {
      kind: 'constraint',
      statement: 'No new spend before March',
      status: 'confirmed',
    });
  });
  afterEach(async () => {
    release();
    await t.close();
    await openai.close();
  });

  const ask = (userId: string, question: string) =>
    t.driver.slashCommand({ userId, channelId: t.ids.dealAcme, text: `ask ${question}` });
  const busyFor = (userId: string) => ephemerals(t, userId).filter((m) => m.text === MODEL_BUSY_MESSAGE);
  const modelCalls = (n: number) =>
    waitFor(`${n} model calls`, () => openai.requests.length >= n || undefined);

  it('a second ask or @Vision by the same person is refused while the first runs; others until the global cap', async () => {
    await ask(t.ids.rep, 'what is their budget?');
    await modelCalls(1);

    await ask(t.ids.rep, 'who signs off?');
    await waitFor('busy for the rep', () => busyFor(t.ids.rep).length === 1 || undefined);

    const wire = `<@${t.ids.botUser}> what are their constraints?`;
    const { ts } = await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: wire });
    await t.driver.event(
      fixtureEvent('bolt-python/app_mention.json', {
        user: t.ids.rep,
        team: t.ids.team,
        channel: t.ids.dealAcme,
        text: wire,
        ts,
        event_ts: ts,
      }),
      { eventId: `Ev0MENTION${ts.replace('.', '')}` },
    );
    await waitFor('busy for the mention', () => busyFor(t.ids.rep).length === 2 || undefined);

    await ask(t.ids.manager, 'what is their budget?');
    await modelCalls(2);
    await t.driver.slashCommand({ userId: t.ids.engineer, channelId: t.ids.dealAcme, text: 'draft' });
    await waitFor('busy for the draft', () => busyFor(t.ids.engineer).length === 1 || undefined);

    await settle(200);
    expect(openai.requests).toHaveLength(2);

    release();
    await waitFor('both answers', () => {
      const answers = t.emulator.state
        .allMessages(t.ids.dealAcme)
        .filter((m) => m.user === t.ids.botUser && m.threadTs && m.threadTs !== m.ts);
      return answers.length === 2 || undefined;
    });
    // Slots are free again: the rep can ask (the mock has no reply left, so the offline answer comes).
    await ask(t.ids.rep, 'who signs off?');
    await modelCalls(3);
    await settle(200);
    expect(busyFor(t.ids.rep)).toHaveLength(2);
  });

  it('a recap beyond the cap keeps the modal open with the text, and posts nothing', async () => {
    await ask(t.ids.rep, 'what is their budget?');
    await modelCalls(1);
    const view = await openRecapModal(t);
    const result = await t.driver.submitView(view.id, recapValues());
    expect(result.outcome).toBe('errors');
    expect(result.errors?.[RECAP_IDS.title]).toContain(MODEL_BUSY_MESSAGE);
    expect(result.errors?.[RECAP_IDS.title]).toContain('Nothing was saved');
    expect(result.topView?.id).toBe(view.id);
    expect(recapParents(t)).toEqual([]);
    expect(openai.requests).toHaveLength(1);
  });
});
