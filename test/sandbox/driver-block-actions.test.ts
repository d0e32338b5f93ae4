import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { entryModal, option, text } from './support/entry-modal.js';
import { type Harness, startBoltHarness } from './support/harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('driver: block_actions, shortcuts', () => {
  const card = [
    { type: 'section', block_id: 'card', text: { type: 'mrkdwn', text: 'Decision: pilot in March?' } },
    {
      type: 'actions',
      block_id: 'decide',
      elements: [
        { type: 'button', action_id: 'approve', text: text('Approve'), value: 'dec-1', style: 'primary' },
        { type: 'overflow', action_id: 'more', options: ['snooze', 'archive'].map(option) },
      ],
    },
  ];

  it('clickButton sends the payload Slack would; respond replace_original updates the message', async () => {
    const payloads: BlockAction[] = [];
    harness = await startBoltHarness((app) => {
      app.action<BlockAction<ButtonAction>>('approve', async ({ ack, body, respond }) => {
        await ack();
        payloads.push(body);
        await respond({ replace_original: true, text: 'Approved by <@U0MGR>' });
      });
      app.action<BlockAction<StaticSelectAction>>('more', async ({ ack, body }) => {
        await ack();
        payloads.push(body);
      });
    });
    const { client } = harness.app;
    const posted = await client.chat.postMessage({
      channel: DEMO_IDS.dealAcme,
      text: 'Decision',
      blocks: card,
    });
    const d = harness.emulator.driver;
    await d.clickButton(posted.ts!, 'more', DEMO_IDS.manager, { value: 'snooze' });
    const click = await d.clickButton(posted.ts!, 'approve', DEMO_IDS.manager);
    expect(click.status).toBe(200);

    expect(payloads[0]?.actions[0]).toMatchObject({
      action_id: 'more',
      block_id: 'decide',
      selected_option: option('snooze'),
    });
    expect(payloads[1]).toMatchObject({
      type: 'block_actions',
      user: { id: DEMO_IDS.manager, name: 'morgan.manager' },
      team: { id: 'T0LOCAL' },
      container: {
        type: 'message',
        message_ts: posted.ts,
        channel_id: DEMO_IDS.dealAcme,
        is_ephemeral: false,
      },
      channel: { id: DEMO_IDS.dealAcme, name: 'deal-acme' },
      message: { ts: posted.ts, text: 'Decision' },
      actions: [
        { action_id: 'approve', block_id: 'decide', value: 'dec-1', type: 'button', style: 'primary' },
      ],
    });
    expect(payloads[1]?.trigger_id).toMatch(/\./);
    expect(payloads[1]?.response_url).toContain('/response-url/');
    expect(harness.emulator.state.messages(DEMO_IDS.dealAcme)).toMatchObject([
      { ts: posted.ts, text: 'Approved by <@U0MGR>' },
    ]);
  });

  it('actions inside a modal carry the view and update its state', async () => {
    const seen: BlockAction[] = [];
    const pickModal = {
      type: 'modal' as const,
      callback_id: 'pick',
      title: text('Pick a stage'),
      blocks: [
        {
          type: 'actions',
          block_id: 'stage',
          elements: [
            { type: 'static_select', action_id: 'set', options: ['discovery', 'proposal'].map(option) },
          ],
        },
      ],
    };
    harness = await startBoltHarness((app) => {
      app.shortcut('new_deal', async ({ ack, shortcut, client }) => {
        await ack();
        await client.views.open({ trigger_id: shortcut.trigger_id, view: pickModal });
      });
      app.action('set', async ({ ack, body, client }) => {
        await ack();
        seen.push(body as BlockAction);
        const view = (body as BlockAction).view!;
        await client.views.update({
          view_id: view.id,
          hash: view.hash,
          view: { ...pickModal, title: text('Stage set') },
        });
      });
    });
    const d = harness.emulator.driver;
    expect((await d.shortcut({ callbackId: 'new_deal', userId: DEMO_IDS.rep })).status).toBe(200);
    const view = harness.emulator.state.views.top(DEMO_IDS.rep)!;
    await d.clickButton(view.id, 'set', DEMO_IDS.rep, { value: 'proposal' });
    expect(seen[0]).toMatchObject({
      container: { type: 'view', view_id: view.id },
      view: {
        id: view.id,
        state: { values: { stage: { set: { type: 'static_select', selected_option: option('proposal') } } } },
      },
    });
    expect(harness.emulator.state.views.top(DEMO_IDS.rep)?.definition.title).toEqual(text('Stage set'));
  });

  it('messageAction sends a message_action payload for a stored message with a working trigger', async () => {
    const received: Record<string, unknown>[] = [];
    harness = await startBoltHarness((app) => {
      app.shortcut('capture_quote', async ({ ack, shortcut, client }) => {
        await ack();
        received.push(shortcut as unknown as Record<string, unknown>);
        await client.views.open({ trigger_id: shortcut.trigger_id, view: entryModal });
      });
    });
    const { ts } = await harness.emulator.driver.userMessage({
      userId: DEMO_IDS.rep,
      channelId: DEMO_IDS.dealAcme,
      text: 'Customer: "we need SSO before legal signs"',
    });
    const res = await harness.emulator.driver.messageAction({
      channelId: DEMO_IDS.dealAcme,
      messageTs: ts,
      userId: DEMO_IDS.rep,
      callbackId: 'capture_quote',
    });
    expect(res.status).toBe(200);
    expect(received[0]).toMatchObject({
      type: 'message_action',
      callback_id: 'capture_quote',
      message_ts: ts,
      channel: { id: DEMO_IDS.dealAcme, name: 'deal-acme' },
      user: { id: DEMO_IDS.rep, name: 'riley.rep' },
      message: { ts, user: DEMO_IDS.rep, text: 'Customer: "we need SSO before legal signs"' },
    });
    expect(harness.emulator.state.views.top(DEMO_IDS.rep)?.definition.callback_id).toBe('entry');
  });
});
