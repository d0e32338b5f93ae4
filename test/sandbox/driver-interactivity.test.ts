import type { BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { type Harness, startBoltHarness } from './support/harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (value: string) => ({ text: text(value), value });
const input = (blockId: string, element: Record<string, unknown>, optional = false) => ({
  type: 'input',
  block_id: blockId,
  optional,
  label: text(blockId),
  element: { action_id: 'v', ...element },
});

const entryModal = {
  type: 'modal' as const,
  callback_id: 'entry',
  title: text('Log an entry'),
  submit: text('Save'),
  notify_on_close: true,
  blocks: [
    input('quote', { type: 'plain_text_input', multiline: true }),
    input('kind', { type: 'static_select', options: ['driver', 'risk'].map(option) }),
    input('people', { type: 'multi_users_select' }, true),
    input('owner', { type: 'users_select', initial_user: DEMO_IDS.rep }, true),
    input('due', { type: 'datepicker' }, true),
    input('flags', { type: 'checkboxes', options: ['verbatim', 'confirmed'].map(option) }, true),
    input('tone', { type: 'radio_buttons', options: ['positive', 'negative'].map(option) }, true),
    input('seats', { type: 'number_input', is_decimal_allowed: false }, true),
  ],
};

/** A Bolt app whose /vision command opens the entry modal and posts a message with buttons. */
function entryApp(onSubmit: (values: Record<string, unknown>) => Record<string, unknown> | undefined) {
  return startBoltHarness((app) => {
    app.command('/vision', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: entryModal });
    });
    app.view('entry', async ({ ack, view }) => {
      const answer = onSubmit(view.state.values as unknown as Record<string, unknown>);
      await ack(answer as never);
    });
  });
}

async function openEntry(h: Harness) {
  await h.emulator.driver.slashCommand({ userId: DEMO_IDS.rep, channelId: DEMO_IDS.dealAcme, text: 'log' });
  return h.emulator.state.views.top(DEMO_IDS.rep)!;
}

describe('driver: view_submission', () => {
  it('builds view.state.values with Slack typed values per element', async () => {
    const submitted: Record<string, unknown>[] = [];
    harness = await entryApp((values) => {
      submitted.push(values);
      return undefined;
    });
    const view = await openEntry(harness);
    const result = await harness.emulator.driver.submitView(view.id, {
      quote: { v: 'We lose two days a month on reconciliation' },
      kind: 'driver',
      people: [DEMO_IDS.manager, DEMO_IDS.engineer],
      due: '2025-03-01',
      flags: ['verbatim'],
      tone: 'negative',
      seats: 40,
    });
    expect(submitted[0]).toEqual({
      quote: { v: { type: 'plain_text_input', value: 'We lose two days a month on reconciliation' } },
      kind: { v: { type: 'static_select', selected_option: option('driver') } },
      people: { v: { type: 'multi_users_select', selected_users: [DEMO_IDS.manager, DEMO_IDS.engineer] } },
      owner: { v: { type: 'users_select', selected_user: DEMO_IDS.rep } },
      due: { v: { type: 'datepicker', selected_date: '2025-03-01' } },
      flags: { v: { type: 'checkboxes', selected_options: [option('verbatim')] } },
      tone: { v: { type: 'radio_buttons', selected_option: option('negative') } },
      seats: { v: { type: 'number_input', value: '40' } },
    });
    expect(result.outcome).toBe('close');
    expect(harness.emulator.state.views.stack(DEMO_IDS.rep)).toEqual([]);
  });

  it('refuses to submit an empty required input, like the Slack client', async () => {
    harness = await entryApp(() => undefined);
    const view = await openEntry(harness);
    await expect(harness.emulator.driver.submitView(view.id, { kind: 'risk' })).rejects.toThrow(/quote/);
  });

  it('applies response_action errors, update, push and clear to the modal stack', async () => {
    const answers: Array<Record<string, unknown> | undefined> = [
      { response_action: 'errors', errors: { quote: "Use the customer's words" } },
      { response_action: 'update', view: { ...entryModal, title: text('Check the entry') } },
      {
        response_action: 'push',
        view: { type: 'modal', callback_id: 'confirm', title: text('Saved'), blocks: [] },
      },
      { response_action: 'clear' },
    ];
    harness = await entryApp(() => answers.shift());
    const view = await openEntry(harness);
    const values = { quote: 'short', kind: 'risk' };

    const errors = await harness.emulator.driver.submitView(view.id, values);
    expect(errors).toMatchObject({ outcome: 'errors', errors: { quote: "Use the customer's words" } });
    expect(errors.topView?.id).toBe(view.id);

    const hashBefore = view.hash;
    const updated = await harness.emulator.driver.submitView(view.id, values);
    expect(updated.outcome).toBe('update');
    expect(updated.topView).toMatchObject({
      id: view.id,
      definition: { title: { text: 'Check the entry' } },
    });
    expect(updated.topView?.hash).not.toBe(hashBefore);

    const pushed = await harness.emulator.driver.submitView(view.id, values);
    expect(pushed.outcome).toBe('push');
    expect(harness.emulator.state.views.stack(DEMO_IDS.rep).map((v) => v.definition.callback_id)).toEqual([
      'entry',
      'confirm',
    ]);

    const cleared = await harness.emulator.driver.submitView(view.id, values);
    expect(cleared.outcome).toBe('clear');
    expect(harness.emulator.state.views.stack(DEMO_IDS.rep)).toEqual([]);
  });

  it('an invalid view in response_action update is reported and not applied', async () => {
    harness = await entryApp(() => ({
      response_action: 'update',
      view: { ...entryModal, title: text('x'.repeat(30)) },
    }));
    const view = await openEntry(harness);
    const result = await harness.emulator.driver.submitView(view.id, { quote: 'q', kind: 'risk' });
    expect(result).toMatchObject({ outcome: 'invalid_response', responseError: 'invalid_arguments' });
    expect(result.topView?.definition.title).toEqual(text('Log an entry'));
  });

  it('view_closed reaches the app only for notify_on_close views', async () => {
    const closed: string[] = [];
    harness = await startBoltHarness((app) => {
      app.command('/vision', async ({ ack, body, client }) => {
        await ack();
        const notify = body.text === 'notify';
        await client.views.open({
          trigger_id: body.trigger_id,
          view: { ...entryModal, notify_on_close: notify },
        });
      });
      app.view({ callback_id: 'entry', type: 'view_closed' }, async ({ ack, body }) => {
        await ack();
        closed.push(body.view.id);
      });
    });
    const d = harness.emulator.driver;
    await d.slashCommand({ userId: DEMO_IDS.rep, channelId: DEMO_IDS.dealAcme, text: 'quiet' });
    const quiet = harness.emulator.state.views.top(DEMO_IDS.rep)!;
    expect(await d.viewClosed(quiet.id)).toBeUndefined();
    await d.slashCommand({ userId: DEMO_IDS.rep, channelId: DEMO_IDS.dealAcme, text: 'notify' });
    const loud = harness.emulator.state.views.top(DEMO_IDS.rep)!;
    expect((await d.viewClosed(loud.id))?.status).toBe(200);
    expect(closed).toEqual([loud.id]);
    expect(harness.emulator.state.views.stack(DEMO_IDS.rep)).toEqual([]);
  });
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
