import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { readVendorJson } from '../support/vendor-fixtures.js';
import { startEmulator, TOKEN } from './support/harness.js';

type Started = Awaited<ReturnType<typeof startEmulator>>;
let env: Started;
beforeEach(async () => {
  env = await startEmulator();
});
afterEach(() => env.close());

async function rawCall(method: string, body: string, headers: Record<string, string>) {
  const res = await fetch(`${env.emulator.apiUrl}${method}`, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const fixture = (name: string) => readVendorJson<Record<string, unknown>>('slack/api/slack-api-specs', name);

describe('Web API emulator', () => {
  it('answers auth.test with the workspace and bot identity, shaped like Slack', async () => {
    const res = await env.client.auth.test();
    expect(res).toMatchObject({
      ok: true,
      team_id: 'T0LOCAL',
      team: 'Local Demo',
      user_id: DEMO_IDS.botUser,
    });
    expect(res.bot_id).toBe(DEMO_IDS.bot);
    for (const key of Object.keys(fixture('auth.test.ok.json'))) expect(res).toHaveProperty(key);
  });

  it('rejects unknown or missing tokens like Slack (HTTP 200, ok:false)', async () => {
    const bad = await rawCall('auth.test', '', { authorization: 'Bearer xoxb-wrong' });
    expect(bad).toEqual({ status: 200, json: { ok: false, error: 'invalid_auth' } });
    const none = await rawCall('auth.test', '', {});
    expect(none.json).toEqual({ ok: false, error: 'not_authed' });
    const unknown = await rawCall('chat.fly', '', { authorization: `Bearer ${TOKEN}` });
    expect(unknown.json).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('accepts JSON bodies and form bodies with JSON-string blocks', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const json = await rawCall(
      'chat.postMessage',
      JSON.stringify({ channel: DEMO_IDS.dealAcme, text: 'json', blocks }),
      { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    );
    const form = await rawCall(
      'chat.postMessage',
      new URLSearchParams({
        token: TOKEN,
        channel: DEMO_IDS.dealAcme,
        text: 'form',
        blocks: JSON.stringify(blocks),
      }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(json.json.ok).toBe(true);
    expect(form.json.ok).toBe(true);
    const stored = env.emulator.state.messages(DEMO_IDS.dealAcme);
    expect(stored.map((m) => m.text)).toEqual(['json', 'form']);
    expect(stored[1]!.blocks?.[0]).toMatchObject({ type: 'section', text: { text: '*hi*' } });
    expect(typeof stored[1]!.blocks?.[0]?.block_id).toBe('string');
  });

  it('chat.postMessage returns channel, ts and the message like the Slack sample', async () => {
    const res = await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'Kickoff notes' });
    const sample = fixture('chat.postMessage.ok.json');
    for (const key of Object.keys(sample)) expect(res).toHaveProperty(key);
    expect(res.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(res.message).toMatchObject({
      type: 'message',
      text: 'Kickoff notes',
      bot_id: DEMO_IDS.bot,
      ts: res.ts,
    });
  });

  it('refuses to post where the bot is not a member (no auto-join), until it joins', async () => {
    const attempt = env.client.chat.postMessage({ channel: DEMO_IDS.general, text: 'hello' });
    await expect(attempt).rejects.toMatchObject({ data: { ok: false, error: 'not_in_channel' } });
    expect(env.emulator.state.messages(DEMO_IDS.general)).toHaveLength(0);
    await env.client.conversations.join({ channel: DEMO_IDS.general });
    const res = await env.client.chat.postMessage({ channel: DEMO_IDS.general, text: 'hello' });
    expect(res.ok).toBe(true);
    await expect(env.client.chat.postMessage({ channel: 'C0NOPE', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('threads: replies, reply_count, conversations.replies and history', async () => {
    const parent = await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'parent' });
    await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'r1', thread_ts: parent.ts! });
    await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'r2', thread_ts: parent.ts! });
    const replies = await env.client.conversations.replies({ channel: DEMO_IDS.dealAcme, ts: parent.ts! });
    expect(replies.messages?.map((m) => m.text)).toEqual(['parent', 'r1', 'r2']);
    expect(replies.messages?.[0]).toMatchObject({ reply_count: 2, thread_ts: parent.ts });
    expect(replies.messages?.[1]).toMatchObject({ thread_ts: parent.ts, parent_user_id: DEMO_IDS.botUser });
    const history = await env.client.conversations.history({ channel: DEMO_IDS.dealAcme });
    expect(history.messages?.map((m) => m.text)).toEqual(['parent']);
    expect(env.emulator.state.threadReplies(DEMO_IDS.dealAcme, parent.ts!).map((m) => m.text)).toEqual([
      'r1',
      'r2',
    ]);
  });

  it('chat.update, chat.getPermalink, reactions.add and chat.delete act on the stored message', async () => {
    const posted = await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'v1' });
    const updated = await env.client.chat.update({ channel: DEMO_IDS.dealAcme, ts: posted.ts!, text: 'v2' });
    expect(updated).toMatchObject({ ok: true, channel: DEMO_IDS.dealAcme, ts: posted.ts, text: 'v2' });
    const link = await env.client.chat.getPermalink({ channel: DEMO_IDS.dealAcme, message_ts: posted.ts! });
    expect(link.permalink).toBe(
      `https://local-demo.slack.com/archives/${DEMO_IDS.dealAcme}/p${posted.ts!.replace('.', '')}`,
    );
    await env.client.reactions.add({ channel: DEMO_IDS.dealAcme, timestamp: posted.ts!, name: 'eyes' });
    await expect(
      env.client.reactions.add({ channel: DEMO_IDS.dealAcme, timestamp: posted.ts!, name: 'eyes' }),
    ).rejects.toMatchObject({ data: { error: 'already_reacted' } });
    expect(env.emulator.state.messages(DEMO_IDS.dealAcme)[0]).toMatchObject({
      text: 'v2',
      reactions: [{ name: 'eyes', count: 1 }],
    });
    await env.client.chat.delete({ channel: DEMO_IDS.dealAcme, ts: posted.ts! });
    expect(env.emulator.state.messages(DEMO_IDS.dealAcme)).toHaveLength(0);
    await expect(
      env.client.chat.update({ channel: DEMO_IDS.dealAcme, ts: posted.ts!, text: 'x' }),
    ).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('chat.postEphemeral needs the user in the channel and is stored for that user only', async () => {
    const res = await env.client.chat.postEphemeral({
      channel: DEMO_IDS.dealAcme,
      user: DEMO_IDS.rep,
      text: 'psst',
    });
    expect(res.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(env.emulator.state.ephemeralsFor(DEMO_IDS.rep).map((m) => m.text)).toEqual(['psst']);
    expect(env.emulator.state.ephemeralsFor(DEMO_IDS.manager)).toEqual([]);
    const bob = {
      id: 'U0OUT',
      name: 'out',
      realName: 'Out Sider',
      tz: 'UTC',
      tzLabel: 'UTC',
      tzOffset: 0,
      isBot: false,
    };
    env.emulator.state.addUser(bob);
    await expect(
      env.client.chat.postEphemeral({ channel: DEMO_IDS.dealAcme, user: 'U0OUT', text: 'x' }),
    ).rejects.toMatchObject({ data: { error: 'user_not_in_channel' } });
  });

  it('conversations.open gives a DM the bot can post to; users.info carries the time zone', async () => {
    const opened = await env.client.conversations.open({ users: DEMO_IDS.rep });
    const dm = (opened.channel as { id: string }).id;
    expect(dm).toMatch(/^D/);
    expect((await env.client.conversations.open({ users: DEMO_IDS.rep })).channel).toEqual({ id: dm });
    await env.client.chat.postMessage({ channel: dm, text: 'weekly nudge' });
    expect(env.emulator.state.dmsTo(DEMO_IDS.rep).map((m) => m.text)).toEqual(['weekly nudge']);
    const user = await env.client.users.info({ user: DEMO_IDS.rep });
    expect(user.user).toMatchObject({
      id: DEMO_IDS.rep,
      tz: 'America/New_York',
      tz_offset: -18000,
      is_bot: false,
    });
    await expect(env.client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });

  it('conversations.info and conversations.members describe the seeded deal channel', async () => {
    const info = await env.client.conversations.info({ channel: DEMO_IDS.dealAcme });
    expect(info.channel).toMatchObject({
      id: DEMO_IDS.dealAcme,
      name: 'deal-acme',
      is_channel: true,
      is_member: true,
    });
    const general = await env.client.conversations.info({ channel: DEMO_IDS.general });
    expect(general.channel).toMatchObject({ is_member: false });
    const members = await env.client.conversations.members({ channel: DEMO_IDS.dealAcme });
    expect(members.members).toEqual([DEMO_IDS.rep, DEMO_IDS.manager, DEMO_IDS.engineer, DEMO_IDS.botUser]);
  });

  it('files.uploadV2 goes through getUploadURLExternal, the upload URL and completeUploadExternal', async () => {
    const res = await env.client.filesUploadV2({
      channel_id: DEMO_IDS.dealAcme,
      content: 'Mutual action plan',
      filename: 'plan.txt',
      title: 'Plan',
      initial_comment: 'here is the plan',
    });
    expect(res.ok).toBe(true);
    const methods = env.emulator.calls().map((c) => c.method);
    expect(methods).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    const [file] = [...env.emulator.state.files.values()];
    expect(file).toMatchObject({
      name: 'plan.txt',
      title: 'Plan',
      completed: true,
      channels: [DEMO_IDS.dealAcme],
    });
    expect(file!.bytes?.toString('utf8')).toBe('Mutual action plan');
    const info = await env.client.files.info({ file: file!.id });
    expect(info.file).toMatchObject({ id: file!.id, name: 'plan.txt', size: 18 });
    const [message] = env.emulator.state.messages(DEMO_IDS.dealAcme);
    expect(message).toMatchObject({ text: 'here is the plan', files: [file!.id] });
  });

  it('views.publish stores the Home tab per user and checks the hash', async () => {
    const view = {
      type: 'home' as const,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your deals' } }],
    };
    const first = await env.client.views.publish({ user_id: DEMO_IDS.rep, view });
    expect(first.view).toMatchObject({ type: 'home', id: expect.stringMatching(/^V/) });
    expect(env.emulator.state.views.home(DEMO_IDS.rep)?.id).toBe(first.view?.id);
    await expect(
      env.client.views.publish({ user_id: DEMO_IDS.rep, view, hash: 'stale' }),
    ).rejects.toMatchObject({
      data: { error: 'hash_conflict' },
    });
  });

  it('keeps a call log and streams changes to listeners', async () => {
    const seen: string[] = [];
    const stop = env.emulator.state.onChange((change) => seen.push(change.kind));
    await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'x' });
    stop();
    await env.client.chat.postMessage({ channel: DEMO_IDS.dealAcme, text: 'y' });
    expect(seen).toEqual(['message.posted', 'call']);
    const calls = env.emulator.calls('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({
      args: { channel: DEMO_IDS.dealAcme, text: 'x' },
      token: TOKEN,
      status: 200,
    });
  });
});
