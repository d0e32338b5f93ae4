import { DEMO_IDS } from '../../../src/sandbox/index.js';

export const text = (t: string) => ({ type: 'plain_text' as const, text: t });
export const option = (value: string) => ({ text: text(value), value });
export const input = (blockId: string, element: Record<string, unknown>, optional = false) => ({
  type: 'input',
  block_id: blockId,
  optional,
  label: text(blockId),
  element: { action_id: 'v', ...element },
});

/** A modal with one input of each kind that Slack types differently in view.state.values. */
export const entryModal = {
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
