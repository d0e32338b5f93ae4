import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDeal } from '../support/deal-fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { settle, waitFor } from '../support/wait.js';

/** 4,000 characters of what breaks naive text handling: RTL overrides, zero-width joiners, emoji, NUL, lone halves. */
function hostileText(seed: string): string {
  const parts = [
    seed,
    '\u202Eevil\u202C',
    '\u200B\u200D\uFEFF',
    '👩‍👩‍👧‍👦',
    '\u0000',
    '\uD800',
    '<!channel>',
    '<https://evil.example|re-auth>',
    'שלום',
    '&amp;',
    '*_~`',
  ];
  let text = '';
  for (let i = 0; text.length < 4_000; i++) text += `${parts[i % parts.length]} `;
  return text.slice(0, 4_000);
}

const SUBCOMMANDS = [
  '',
  'help',
  'ask',
  'crm',
  'decision',
  'decisions',
  'draft',
  'driver',
  'constraint',
  'export',
  'list',
  'listen',
  'log driver',
  'meeting',
  'nudges',
  'quiet',
  'recap',
  'setup',
  'stalled',
  'zzz-unknown',
];

/** Slack calls the app made that the emulator refused (bad blocks, text too long, bad arguments). */
function refusedCalls(t: TestApp, from: number): string[] {
  return t.emulator
    .calls()
    .slice(from)
    .filter((call) => (call.response as { ok?: boolean } | null)?.ok === false)
    .map(
      (call) => `${call.method}: ${JSON.stringify(call.response)} ${JSON.stringify(call.args).slice(0, 160)}`,
    );
}

describe('hostile commands and absurd events through the real receiver', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await linkDeal(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('every subcommand with 4,000 characters of RTL, zero-width, emoji and NUL text answers the rep', {
    timeout: 120_000,
  }, async () => {
    const from = t.emulator.calls().length;
    const unanswered: string[] = [];
    for (const name of SUBCOMMANDS) {
      for (const channelId of [t.ids.dealAcme, t.ids.general]) {
        const replies = () =>
          t.emulator.state.ephemeralsFor(t.ids.rep).length +
          t.emulator.state.dmsTo(t.ids.rep).length +
          t.emulator.calls('views.open').length +
          t.emulator.calls('chat.postMessage').length;
        const before = replies();
        const answer = await t.driver.slashCommand({
          userId: t.ids.rep,
          channelId,
          text: `${name} ${hostileText(name)}`,
        });
        expect(answer.status, name).toBe(200);
        const told = await waitFor(name, () => replies() > before, 4_000).catch(() => false);
        if (!told) unanswered.push(`${name} in ${channelId}`);
      }
    }
    expect(unanswered).toEqual([]);
    await settle(500);
    expect(refusedCalls(t, from)).toEqual([]);
    // Nothing reached a channel where everyone sees it: replies to a command are private.
    const everyone = t.emulator
      .calls('chat.postMessage')
      .slice(0)
      .filter((call) => JSON.stringify(call.args).includes('<!channel>'));
    expect(everyone).toEqual([]);
    expect(t.logs.filter((line) => /unhandled|uncaught|TypeError/i.test(line))).toEqual([]);
  });

  it('absurd events: a thread of another channel, our own bot, edits with nothing before them', async () => {
    const general = await t.driver.userMessage({
      userId: t.ids.rep,
      channelId: t.ids.general,
      text: 'hello all',
    });
    const from = t.emulator.calls().length;
    const event = (fields: Record<string, unknown>) =>
      t.driver.event({
        type: 'message',
        channel: t.ids.dealAcme,
        channel_type: 'channel',
        ts: `${Date.now() / 1000}`,
        ...fields,
      });
    const prescribing =
      'You should buy our routing module, it is the best fit for you and will fix everything.';
    const ownBot = 'OWN-BOT: you should buy our routing module, it will fix everything for you.';
    const answers = await Promise.all([
      event({ user: t.ids.rep, text: prescribing, thread_ts: general.ts }),
      event({ subtype: 'bot_message', bot_id: 'B0BOT', user: t.ids.botUser, text: ownBot }),
      event({ bot_id: 'B0BOT', user: t.ids.botUser, text: ownBot }),
      event({
        subtype: 'message_changed',
        hidden: true,
        message: { type: 'message', bot_id: 'B0BOT', text: ownBot, ts: '1.1' },
      }),
      event({ subtype: 'message_changed', hidden: true, message: null, previous_message: null }),
      event({
        subtype: 'message_changed',
        message: { user: t.ids.rep, text: hostileText('edit'), ts: '1.2' },
      }),
      event({ subtype: 'message_deleted', hidden: true, deleted_ts: '1.1' }),
      event({
        subtype: 'thread_broadcast',
        user: t.ids.rep,
        text: hostileText('x'),
        thread_ts: '9999999999.999999',
      }),
      event({ user: t.ids.rep, text: hostileText('plain'), thread_ts: 'not-a-ts', files: 'nope' }),
      t.driver.event({
        type: 'app_mention',
        user: t.ids.rep,
        channel: t.ids.general,
        text: `<@U0BOT> ${hostileText('ask')}`,
        ts: '1.3',
      }),
    ]);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    await settle(1_500);
    // The rep's own message in a thread of another channel is coached like any other, and stays in its channel.
    const coached = t.emulator
      .calls('chat.postEphemeral')
      .slice(0)
      .filter((c) => JSON.stringify(c.args).includes('routing module'));
    expect(coached.every((c) => c.args.channel === t.ids.dealAcme)).toBe(true);
    // The bot never answers itself, and no absurd event produced a refused Slack call or a crash.
    const toOwnBot = t.emulator
      .calls()
      .slice(from)
      .filter((call) => /chat\.post/.test(call.method) && JSON.stringify(call.args).includes('OWN-BOT'));
    expect(toOwnBot.map((c) => `${c.method} ${JSON.stringify(c.args).slice(0, 400)}`)).toEqual([]);
    // The mention came from a channel the app is not in: the ephemeral is refused, so the rep gets a DM instead.
    const refused = refusedCalls(t, from);
    expect(refused.filter((call) => !call.includes('not_in_channel'))).toEqual([]);
    expect(t.emulator.state.dmsTo(t.ids.rep).map((m) => m.text)).toContainEqual(
      expect.stringContaining('not linked to a deal'),
    );
    expect(t.logs.filter((line) => /unhandled|uncaught|TypeError/i.test(line))).toEqual([]);
    const health = await fetch(`${t.app.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
