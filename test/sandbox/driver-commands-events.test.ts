import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { readVendorText } from '../support/vendor-fixtures.js';
import { type Harness, startBoltHarness } from './support/harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const modal = {
  type: 'modal' as const,
  callback_id: 'entry',
  title: { type: 'plain_text' as const, text: 'Log an entry' },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'What did the customer say?' } }],
};

describe('driver: slash commands', () => {
  it('sends a signed form like Slack; the app opens a modal with the trigger and answers via response_url', async () => {
    const seen: Record<string, unknown>[] = [];
    const errors: unknown[] = [];
    harness = await startBoltHarness((app) => {
      app.command('/vision', async ({ ack, body, client, respond }) => {
        await ack();
        seen.push({ ...body });
        await client.views.open({ trigger_id: body.trigger_id, view: modal });
        await client.views.open({ trigger_id: body.trigger_id, view: modal }).catch((e) => errors.push(e));
        await respond({ text: 'Opened the entry form' });
      });
    });
    const result = await harness.emulator.driver.slashCommand({
      userId: DEMO_IDS.rep,
      channelId: DEMO_IDS.dealAcme,
      text: 'log',
    });
    expect(result.status).toBe(200);
    expect(result.body).toBe('');
    expect(seen[0]).toMatchObject({
      team_id: 'T0LOCAL',
      team_domain: 'local-demo',
      channel_id: DEMO_IDS.dealAcme,
      channel_name: 'deal-acme',
      user_id: DEMO_IDS.rep,
      user_name: 'riley.rep',
      command: '/vision',
      text: 'log',
      api_app_id: 'A0LOCAL',
      trigger_id: result.triggerId,
      response_url: result.responseUrl,
    });
    const stack = harness.emulator.state.views.stack(DEMO_IDS.rep);
    expect(stack.map((v) => v.definition.callback_id)).toEqual(['entry']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ data: { error: 'exchanged_trigger_id' } });
    expect(harness.emulator.state.ephemeralsFor(DEMO_IDS.rep)).toMatchObject([
      { text: 'Opened the entry form', channel: DEMO_IDS.dealAcme, source: 'response_url' },
    ]);
  });

  it('shows an acked body to the user as ephemeral; in_channel responses land in the channel', async () => {
    harness = await startBoltHarness((app) => {
      app.command('/vision', async ({ ack, command, respond }) => {
        if (command.text === 'help') return ack({ text: 'Usage: /vision log' });
        await ack();
        await respond({ response_type: 'in_channel', text: 'Deal summary' });
      });
    });
    const help = await harness.emulator.driver.slashCommand({
      userId: DEMO_IDS.rep,
      channelId: DEMO_IDS.general,
      text: 'help',
    });
    expect(help.body).toMatchObject({ text: 'Usage: /vision log' });
    expect(harness.emulator.state.ephemeralsFor(DEMO_IDS.rep, DEMO_IDS.general)).toMatchObject([
      { text: 'Usage: /vision log', source: 'ack' },
    ]);
    await harness.emulator.driver.slashCommand({
      userId: DEMO_IDS.rep,
      channelId: DEMO_IDS.general,
      text: '',
    });
    expect(harness.emulator.state.messages(DEMO_IDS.general)).toMatchObject([
      { text: 'Deal summary', user: DEMO_IDS.botUser },
    ]);
  });

  it('the response_url rejects a sixth use', async () => {
    harness = await startBoltHarness((app) => {
      app.command('/vision', async ({ ack }) => ack());
    });
    const { responseUrl } = await harness.emulator.driver.slashCommand({
      userId: DEMO_IDS.rep,
      channelId: DEMO_IDS.dealAcme,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `update ${i}` }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(harness.emulator.state.ephemeralsFor(DEMO_IDS.rep)).toHaveLength(5);
  });

  it('an unsigned or wrongly signed request is refused by Bolt', async () => {
    let calls = 0;
    harness = await startBoltHarness((app) => {
      app.command('/vision', async ({ ack }) => {
        calls += 1;
        await ack();
      });
    });
    const body = 'command=%2Fvision&text=&user_id=U0REP&channel_id=C0DEALACME&team_id=T0LOCAL';
    const unsigned = await harness.emulator.driver.sendRaw(body, { sign: false });
    const forged = await harness.emulator.driver.sendRaw(body, { signature: 'v0=deadbeef' });
    const stale = await harness.emulator.driver.sendRaw(body, {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect([unsigned.status, forged.status, stale.status]).toEqual([401, 401, 401]);
    const signed = await harness.emulator.driver.sendRaw(body);
    expect(signed.status).toBe(200);
    expect(calls).toBe(1);
  });
});

describe('driver: events', () => {
  it('a user message is stored and delivered as a signed event_callback; the app replies in thread', async () => {
    const envelopes: Record<string, unknown>[] = [];
    harness = await startBoltHarness((app) => {
      app.message(/budget/, async ({ message, body, client }) => {
        envelopes.push(body as unknown as Record<string, unknown>);
        if (message.subtype === undefined) {
          await client.chat.postMessage({ channel: message.channel, thread_ts: message.ts, text: 'Noted' });
        }
      });
    });
    const { ts, response } = await harness.emulator.driver.userMessage({
      userId: DEMO_IDS.rep,
      channelId: DEMO_IDS.dealAcme,
      text: 'Their budget is approved for Q3',
    });
    expect(response.status).toBe(200);
    expect(envelopes[0]).toMatchObject({
      type: 'event_callback',
      team_id: 'T0LOCAL',
      api_app_id: 'A0LOCAL',
      event: { type: 'message', channel: DEMO_IDS.dealAcme, user: DEMO_IDS.rep, ts, channel_type: 'channel' },
      authorizations: [{ user_id: DEMO_IDS.botUser, is_bot: true }],
    });
    expect(envelopes[0]?.event_id).toMatch(/^Ev/);
    expect(harness.emulator.state.threadReplies(DEMO_IDS.dealAcme, ts).map((m) => m.text)).toEqual(['Noted']);
  });

  it('passes X-Slack-Retry-Num so the app can see redeliveries', async () => {
    const retries: Array<number | undefined> = [];
    harness = await startBoltHarness((app) => {
      app.event('reaction_added', async ({ context }) => {
        retries.push(context.retryNum);
      });
    });
    const event = { type: 'reaction_added', user: DEMO_IDS.rep, reaction: 'eyes', item: { type: 'message' } };
    await harness.emulator.driver.event(event, { eventId: 'Ev1' });
    await harness.emulator.driver.event(event, { eventId: 'Ev1', retryNum: 1, retryReason: 'http_timeout' });
    expect(retries).toEqual([undefined, 1]);
  });

  it('app_home_opened lets the app publish a Home tab; inviteBot makes the bot a member', async () => {
    const joined: string[] = [];
    harness = await startBoltHarness((app) => {
      app.event('app_home_opened', async ({ event, client }) => {
        await client.views.publish({
          user_id: event.user,
          view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your deals' } }] },
        });
      });
      app.event('member_joined_channel', async ({ event }) => {
        joined.push(event.channel);
      });
    });
    await harness.emulator.driver.openHome(DEMO_IDS.manager);
    expect(harness.emulator.state.views.home(DEMO_IDS.manager)?.definition.blocks).toHaveLength(1);
    await harness.emulator.driver.inviteBot(DEMO_IDS.dealGlobex, DEMO_IDS.rep);
    expect(joined).toEqual([DEMO_IDS.dealGlobex]);
    expect(harness.emulator.state.isMember(DEMO_IDS.dealGlobex, DEMO_IDS.botUser)).toBe(true);
  });

  it('posts the vendor message_action fixture unchanged (form-encoded payload)', async () => {
    const callbacks: string[] = [];
    harness = await startBoltHarness((app) => {
      app.shortcut('test-shortcut', async ({ ack, shortcut }) => {
        await ack();
        callbacks.push(shortcut.type);
      });
    });
    const fixture = readVendorText('slack/interactivity/bolt-python/shortcut.message_action.json');
    const body = new URLSearchParams({ payload: fixture }).toString();
    const res = await harness.emulator.driver.sendRaw(body);
    expect(res.status).toBe(200);
    expect(callbacks).toEqual(['message_action']);
  });
});
