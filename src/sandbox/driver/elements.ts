import type { Block, JsonObject } from '../emulator/types.js';

/** Where an interactive element sits in a list of blocks. */
export interface LocatedElement {
  blockId: string;
  block: Block;
  element: JsonObject;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function elementsOf(block: Block): JsonObject[] {
  const found: unknown[] = [];
  if (Array.isArray(block.elements) && block.type === 'actions') found.push(...block.elements);
  if (block.accessory !== undefined) found.push(block.accessory);
  if (block.element !== undefined) found.push(block.element);
  return found.filter(isObject);
}

export function findElement(
  blocks: Block[] | undefined,
  actionId: string,
  blockId?: string,
): LocatedElement | undefined {
  for (const block of blocks ?? []) {
    if (blockId && block.block_id !== blockId) continue;
    const element = elementsOf(block).find((e) => e.action_id === actionId);
    if (element) return { blockId: String(block.block_id), block, element };
  }
  return undefined;
}

/** What a test may pass for an element: a value, a list of values, or the raw Slack field object. */
export type InputValue = string | number | boolean | null | string[] | JsonObject;

function allOptions(element: JsonObject): JsonObject[] {
  const direct = Array.isArray(element.options) ? element.options : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.flatMap((g: unknown) =>
        isObject(g) && Array.isArray(g.options) ? g.options : [],
      )
    : [];
  return [...direct, ...grouped].filter(isObject);
}

function option(element: JsonObject, value: string): JsonObject {
  const found = allOptions(element).find((o) => o.value === value);
  if (found) return found;
  if (element.type === 'external_select' || element.type === 'multi_external_select') {
    return { text: { type: 'plain_text', text: value }, value };
  }
  throw new Error(`no option with value "${value}" in ${String(element.type)} ${String(element.action_id)}`);
}

const list = (v: InputValue): string[] => (Array.isArray(v) ? v : v === null || v === '' ? [] : [String(v)]);
const one = (v: InputValue): string | null => (v === null || v === undefined ? null : String(v));

/** The fields Slack sends for an element's current value (in view.state.values and in block_actions). */
export function valueFields(element: JsonObject, value: InputValue): JsonObject {
  if (isObject(value) && !Array.isArray(value)) return value;
  switch (element.type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow':
      return { selected_option: value === null ? null : option(element, String(value)) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { selected_options: list(value).map((v) => option(element, v)) };
    case 'users_select':
      return { selected_user: one(value) };
    case 'multi_users_select':
      return { selected_users: list(value) };
    case 'conversations_select':
      return { selected_conversation: one(value) };
    case 'multi_conversations_select':
      return { selected_conversations: list(value) };
    case 'channels_select':
      return { selected_channel: one(value) };
    case 'multi_channels_select':
      return { selected_channels: list(value) };
    case 'datepicker':
      return { selected_date: one(value) };
    case 'timepicker':
      return { selected_time: one(value) };
    case 'datetimepicker':
      return { selected_date_time: value === null ? null : Number(value) };
    case 'rich_text_input':
      return {
        rich_text_value: {
          type: 'rich_text',
          elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: String(value ?? '') }] }],
        },
      };
    case 'file_input':
      return { files: list(value).map((id) => ({ id })) };
    default:
      return { value: value === null || value === '' ? null : String(value) };
  }
}

/** The element's value before the user touches it (its initial_* field), in Slack's state shape. */
export function initialFields(element: JsonObject): JsonObject {
  const pick = (key: string) => element[key] ?? null;
  switch (element.type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { selected_option: pick('initial_option') };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { selected_options: element.initial_options ?? [] };
    case 'users_select':
      return { selected_user: pick('initial_user') };
    case 'multi_users_select':
      return { selected_users: element.initial_users ?? [] };
    case 'conversations_select':
      return { selected_conversation: pick('initial_conversation') };
    case 'multi_conversations_select':
      return { selected_conversations: element.initial_conversations ?? [] };
    case 'channels_select':
      return { selected_channel: pick('initial_channel') };
    case 'multi_channels_select':
      return { selected_channels: element.initial_channels ?? [] };
    case 'datepicker':
      return { selected_date: pick('initial_date') };
    case 'timepicker':
      return { selected_time: pick('initial_time') };
    case 'datetimepicker':
      return { selected_date_time: pick('initial_date_time') };
    case 'rich_text_input':
      return { rich_text_value: pick('initial_value') };
    case 'file_input':
      return { files: [] };
    default:
      return { value: pick('initial_value') };
  }
}

/** True when the state entry holds no value (what Slack's client refuses for a required input). */
export function isEmpty(fields: JsonObject): boolean {
  return Object.entries(fields).every(
    ([key, v]) => key === 'type' || v === null || v === '' || (Array.isArray(v) && v.length === 0),
  );
}
