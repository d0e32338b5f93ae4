import type { App } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';

/**
 * Test-only listeners that exercise every Block Kit surface the sandbox draws, independent of product features.
 * They run in the real app's Bolt instance, reached only through the emulator's signed requests.
 */
export const DEMO = {
  message: 'Renderer check',
  modalCallback: 'sandbox_demo_modal',
  pushedCallback: 'sandbox_demo_pushed',
} as const;

export const demoMessageBlocks: KnownBlock[] = [
  { type: 'header', text: { type: 'plain_text', text: 'Renderer check' } },
  {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: '*Bold* _italic_ ~strike~ `code` <https://example.com/deal|the deal> for <@U0MGR> in <#C0DEALGLOBEX> &lt;script&gt;alert(1)&lt;/script&gt; &amp; more\n&gt; quoted line\n• first point\n• second point\n```const x = 1 < 2;```',
    },
    fields: [
      { type: 'mrkdwn', text: '*Stage*\nDiscovery' },
      { type: 'plain_text', text: 'Owner: Riley' },
    ],
    accessory: {
      type: 'overflow',
      action_id: 'demo_overflow',
      options: [
        { text: { type: 'plain_text', text: 'Archive' }, value: 'archive' },
        { text: { type: 'plain_text', text: 'Pin' }, value: 'pin' },
      ],
    },
  },
  { type: 'divider' },
  { type: 'context', elements: [{ type: 'mrkdwn', text: 'Logged by <@U0REP>' }] },
  { type: 'image', image_url: 'https://example.invalid/chart.png', alt_text: 'Pipeline chart' },
  {
    type: 'rich_text',
    elements: [
      {
        type: 'rich_text_list',
        style: 'bullet',
        elements: [
          {
            type: 'rich_text_section',
            elements: [{ type: 'text', text: 'Rich item', style: { bold: true } }],
          },
        ],
      },
    ],
  },
  {
    type: 'actions',
    block_id: 'demo_actions',
    elements: [
      {
        type: 'button',
        action_id: 'demo_click',
        text: { type: 'plain_text', text: 'Approve' },
        style: 'primary',
      },
      {
        type: 'button',
        action_id: 'demo_danger',
        style: 'danger',
        text: { type: 'plain_text', text: 'Delete' },
        confirm: {
          title: { type: 'plain_text', text: 'Delete it?' },
          text: { type: 'plain_text', text: 'This cannot be undone.' },
          confirm: { type: 'plain_text', text: 'Delete' },
          deny: { type: 'plain_text', text: 'Keep' },
        },
      },
      { type: 'button', action_id: 'demo_open', text: { type: 'plain_text', text: 'Open form' } },
      {
        type: 'static_select',
        action_id: 'demo_pick',
        placeholder: { type: 'plain_text', text: 'Pick a stage' },
        options: ['Discovery', 'Proposal'].map((s) => ({ text: { type: 'plain_text', text: s }, value: s })),
      },
    ],
  },
];

const option = (text: string) => ({ text: { type: 'plain_text' as const, text }, value: text.toLowerCase() });

export const demoModal: ModalView = {
  type: 'modal',
  callback_id: DEMO.modalCallback,
  title: { type: 'plain_text', text: 'Demo form' },
  submit: { type: 'plain_text', text: 'Save' },
  close: { type: 'plain_text', text: 'Cancel' },
  blocks: [
    {
      type: 'input',
      block_id: 'quote',
      label: { type: 'plain_text', text: 'Their words' },
      hint: { type: 'plain_text', text: 'Put the customer’s words in quotes' },
      element: { type: 'plain_text_input', action_id: 'quote', multiline: true },
    },
    {
      type: 'input',
      block_id: 'kind',
      label: { type: 'plain_text', text: 'Kind' },
      element: { type: 'static_select', action_id: 'kind', options: [option('Driver'), option('Risk')] },
    },
    {
      type: 'input',
      block_id: 'tags',
      optional: true,
      label: { type: 'plain_text', text: 'Tags' },
      element: {
        type: 'multi_static_select',
        action_id: 'tags',
        options: [option('Urgent'), option('Budget')],
      },
    },
    {
      type: 'input',
      block_id: 'who',
      label: { type: 'plain_text', text: 'Said by' },
      element: { type: 'users_select', action_id: 'who' },
    },
    {
      type: 'input',
      block_id: 'when',
      optional: true,
      label: { type: 'plain_text', text: 'Said on' },
      element: { type: 'datepicker', action_id: 'when' },
    },
    {
      type: 'input',
      block_id: 'flags',
      optional: true,
      label: { type: 'plain_text', text: 'Flags' },
      element: { type: 'checkboxes', action_id: 'flags', options: [option('Verified'), option('Public')] },
    },
    {
      type: 'input',
      block_id: 'priority',
      label: { type: 'plain_text', text: 'Priority' },
      element: {
        type: 'radio_buttons',
        action_id: 'priority',
        initial_option: option('Low'),
        options: [option('Low'), option('High')],
      },
    },
    {
      type: 'input',
      block_id: 'size',
      optional: true,
      label: { type: 'plain_text', text: 'Seats' },
      element: { type: 'number_input', action_id: 'size', is_decimal_allowed: false },
    },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'demo_push', text: { type: 'plain_text', text: 'More details' } },
      ],
    },
  ],
};

/** Registers the demo listeners on the running app's Bolt instance. */
export function registerDemoListeners(app: App, channel: string): void {
  app.action('demo_click', async ({ ack, respond, body }) => {
    await ack();
    await respond({
      replace_original: true,
      text: 'Approved',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `Approved by <@${body.user.id}>` } }],
    });
  });
  app.action('demo_danger', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', replace_original: false, text: 'Deleted (not really).' });
  });
  app.action('demo_pick', async ({ ack, respond, action }) => {
    await ack();
    const picked = action.type === 'static_select' ? action.selected_option?.value : '';
    await respond({ response_type: 'ephemeral', replace_original: false, text: `Stage picked: ${picked}` });
  });
  app.action('demo_open', async ({ ack, body, client }) => {
    await ack();
    if ('trigger_id' in body) await client.views.open({ trigger_id: body.trigger_id, view: demoModal });
  });
  app.action('demo_push', async ({ ack, body, client }) => {
    await ack();
    if (!('trigger_id' in body)) return;
    await client.views.push({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: DEMO.pushedCallback,
        title: { type: 'plain_text', text: 'More details' },
        blocks: [{ type: 'section', text: { type: 'plain_text', text: 'A pushed view.' } }],
      },
    });
  });
  app.view(DEMO.modalCallback, async ({ ack, view, body, client }) => {
    const values = view.state.values;
    const quote = values.quote?.quote?.value ?? '';
    if (!quote.includes('"')) {
      await ack({ response_action: 'errors', errors: { quote: 'Add the customer’s own words in quotes.' } });
      return;
    }
    await ack();
    const summary = {
      quote,
      kind: values.kind?.kind?.selected_option?.value,
      tags: values.tags?.tags?.selected_options?.map((o) => o.value),
      who: values.who?.who?.selected_user,
      when: values.when?.when?.selected_date,
      flags: values.flags?.flags?.selected_options?.map((o) => o.value),
      priority: values.priority?.priority?.selected_option?.value,
      size: values.size?.size?.value,
    };
    await client.chat.postMessage({
      channel,
      text: `Saved by <@${body.user.id}>: ${JSON.stringify(summary)}`,
    });
  });
}
