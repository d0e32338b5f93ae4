import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/index.js';
import { entryModal, option, text } from './support/entry-modal.js';
import { type Harness, startBoltHarness } from './support/harness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

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
