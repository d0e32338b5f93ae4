import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageDay } from '../../src/domain/classifier/second-opinion.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import {
  chatCompletion,
  type OpenAIMockServer,
  startOpenAIMockServer,
} from '../support/openai-mock-server.js';
import { settle, waitFor } from '../support/wait.js';
import { ephemerals, everything, linkDeal, manualClock, PRESCRIBING } from './listen-support.js';

/** The local classifier reads these as neutral 0.42 and prescribing 0.71: both in the unsure band. */
const UNSURE_NEUTRAL = 'gonna loop in Sam for the tour thing on thurs';
const UNSURE_PRESCRIBING = 'I think premium fits them';

const judgement = (label: string, confidence: number, quoted: string[]) =>
  chatCompletion(JSON.stringify({ label, confidence, quoted_words: quoted }));

describe('/vision listen ai: the model second opinion, end to end (receiver, openai client, mock server)', () => {
  let t: TestApp;
  let llm: OpenAIMockServer;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(async () => {
    clock = manualClock();
    llm = await startOpenAIMockServer();
    t = await startTestApp({ clock: clock.now, openai: { baseURL: llm.baseURL } });
    await linkDeal(t);
  });
  afterEach(async () => {
    await t.close();
    await llm.close();
  });

  const reply = (userId: string, pattern: RegExp) =>
    waitFor(`a reply matching ${pattern}`, () =>
      ephemerals(t, userId).find((m) => pattern.test(m.text ?? '')),
    );
  const nudges = (userId: string) =>
    ephemerals(t, userId).filter((m) => everything(m).includes('Listen first?'));
  const turnOn = async () => {
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.dealAcme, text: 'listen ai on' });
    return reply(t.ids.manager, /now \*on\*/);
  };
  const post = (text: string) => t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.dealAcme, text });

  it('is off by default; an admin turns it on and is told plainly what is sent, to which model, and the cap', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'listen ai' });
    expect((await reply(t.ids.rep, /second opinion is \*off\*/)).text).toContain('/vision listen ai on');
    expect((await t.repos.listenModel.getSetting(t.ids.team)).enabled).toBe(false);
    const on = await turnOn();
    expect(on.text).toContain('only the text of one deal-channel message at a time');
    expect(on.text).toContain('confidence under 0.90');
    expect(on.text).toContain('*gpt-test* at *127.0.0.1:');
    expect(on.text).toContain('no author, channel, deal, account or other names');
    expect(on.text).toContain('at most *200* messages a day');
    expect(await t.repos.listenModel.getSetting(t.ids.team)).toMatchObject({
      enabled: true,
      changedBy: t.ids.manager,
    });
  });

  it('refuses a non-admin, privately, and changes nothing', async () => {
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'listen ai on' });
    const refusal = await reply(t.ids.rep, /workspace admin or owner/);
    expect(refusal.text).toContain('`/vision listen ai on`');
    expect((await t.repos.listenModel.getSetting(t.ids.team)).enabled).toBe(false);
    await post(UNSURE_NEUTRAL);
    await settle();
    expect(llm.requests).toHaveLength(0);
  });

  it('an unsure message goes to the model (its text only), and the nudge fires with the model result and says so', async () => {
    await turnOn();
    llm.reply(judgement('prescribing', 0.9, ['the tour thing', 'Sam for a call']));
    await post(UNSURE_NEUTRAL);
    const [nudge] = await waitFor('a nudge', () => (nudges(t.ids.rep).length ? nudges(t.ids.rep) : null));
    const shown = everything(nudge!);
    expect(shown).toContain('This read as pitching because: “the tour thing”');
    expect(shown).toContain('the model (gpt-test) gave a second opinion, and it was used');
    expect(llm.requests).toHaveLength(1);
    const request = llm.requests[0]!.body;
    expect(request.response_format.json_schema.name).toBe('listen_judgement');
    expect(request.messages[1].content).toBe(`<message>${JSON.stringify(UNSURE_NEUTRAL)}</message>`);
    expect(JSON.stringify(request)).not.toContain(t.ids.rep);
    expect(JSON.stringify(request)).not.toContain('Acme');
    expect(await t.repos.listenModel.callsOn(t.ids.team, usageDay(clock.now()))).toBe(1);
  });

  it('runs after Slack got its ack and delays nothing else: a slow model holds up neither the event nor a command', async () => {
    await turnOn();
    llm.reply(judgement('prescribing', 0.9, ['the tour thing']), { delayMs: 3_000 });
    const started = Date.now();
    const { response } = await post(UNSURE_NEUTRAL);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    await waitFor('the model call', () => llm.requests.length === 1);
    const commandStarted = Date.now();
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'listen ai' });
    await reply(t.ids.rep, /Used today: 1 of 200/);
    expect(Date.now() - commandStarted).toBeLessThan(2_000);
    expect(nudges(t.ids.rep)).toEqual([]);
    const [nudge] = await waitFor('the nudge after the model answered', () =>
      nudges(t.ids.rep).length ? nudges(t.ids.rep) : null,
    );
    expect(everything(nudge!)).toContain('the model (gpt-test) gave a second opinion');
  });

  it('a message the local classifier is sure about never goes to the model', async () => {
    await turnOn();
    await post(PRESCRIBING);
    const [nudge] = await waitFor('a nudge', () => (nudges(t.ids.rep).length ? nudges(t.ids.rep) : null));
    expect(everything(nudge!)).not.toContain('second opinion');
    await settle();
    expect(llm.requests).toHaveLength(0);
  });

  it('no call once the daily cap is reached (counted in the database)', async () => {
    await turnOn();
    const day = usageDay(clock.now());
    for (let i = 0; i < 200; i++) await t.repos.listenModel.takeCall(t.ids.team, day, 200);
    await post(UNSURE_PRESCRIBING);
    const [nudge] = await waitFor('the local nudge', () =>
      nudges(t.ids.rep).length ? nudges(t.ids.rep) : null,
    );
    expect(everything(nudge!)).not.toContain('second opinion');
    expect(llm.requests).toHaveLength(0);
    await t.driver.slashCommand({ userId: t.ids.rep, channelId: t.ids.dealAcme, text: 'listen ai' });
    expect((await reply(t.ids.rep, /Used today/)).text).toContain('Used today: 200 of 200');
  });

  it('when the model fails the local result stands (the nudge still fires, without the model note)', async () => {
    await turnOn();
    llm.replyStatus(500, { error: { message: 'boom', type: 'server_error', param: null, code: null } });
    await post(UNSURE_PRESCRIBING);
    const [nudge] = await waitFor('the local nudge', () =>
      nudges(t.ids.rep).length ? nudges(t.ids.rep) : null,
    );
    expect(everything(nudge!)).toContain('This read as pitching because: “I think premium fits them”');
    expect(everything(nudge!)).not.toContain('second opinion');
    expect(llm.requests).toHaveLength(1);
    const metrics = await (await fetch(`${t.app.url}/metrics`)).text();
    expect(metrics).toContain(
      'shared_vision_model_fallbacks_total{feature="listen",reason="server_error"} 1',
    );
  });

  it('when the model answers outside the schema the local result stands', async () => {
    await turnOn();
    llm.reply(chatCompletion('{"label":"pitchy","confidence":"very"}'));
    await post(UNSURE_PRESCRIBING);
    const [nudge] = await waitFor('the local nudge', () =>
      nudges(t.ids.rep).length ? nudges(t.ids.rep) : null,
    );
    expect(everything(nudge!)).not.toContain('second opinion');
    expect(llm.requests).toHaveLength(1);
  });
});

describe('/vision listen ai without a model', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('explains that it needs a model and stays off', async () => {
    await t.driver.slashCommand({ userId: t.ids.manager, channelId: t.ids.dealAcme, text: 'listen ai on' });
    const answer = await waitFor('the answer', () =>
      ephemerals(t, t.ids.manager).find((m) => /needs a model/.test(m.text ?? '')),
    );
    expect(answer.text).toContain('OPENAI_API_KEY');
    expect((await t.repos.listenModel.getSetting(t.ids.team)).enabled).toBe(false);
  });
});
