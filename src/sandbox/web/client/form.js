// The values a user has entered in a view, in the simple shape the sandbox API takes: string, string[] or null.

import { isObject } from './dom.js';

/** @typedef {string | string[] | null} Value */

/** @param {string} type */
export const isMulti = (type) => type.startsWith('multi_') || type === 'checkboxes';

/** @param {any} option @returns {string | null} */
const optionValue = (option) => (isObject(option) && typeof option.value === 'string' ? option.value : null);

/** @param {unknown} list @returns {string[]} */
const optionValues = (list) => (Array.isArray(list) ? list.map(optionValue).filter((v) => v !== null) : []);

/**
 * Slack's state fields for an element (selected_option, value, …) in the simple shape.
 * @param {Record<string, any>} fields
 * @returns {Value}
 */
export function fromStateFields(fields) {
  if ('selected_options' in fields) return optionValues(fields.selected_options);
  if ('selected_option' in fields) return optionValue(fields.selected_option);
  for (const key of ['selected_users', 'selected_conversations', 'selected_channels']) {
    if (key in fields) return Array.isArray(fields[key]) ? fields[key].map(String) : [];
  }
  for (const key of [
    'selected_user',
    'selected_conversation',
    'selected_channel',
    'selected_date',
    'selected_time',
    'value',
  ]) {
    if (key in fields) return fields[key] === null || fields[key] === undefined ? null : String(fields[key]);
  }
  return null;
}

/**
 * The element's initial value (initial_option, initial_value, …).
 * @param {Record<string, any>} element
 * @returns {Value}
 */
export function initialValue(element) {
  if (isMulti(element.type)) {
    if (element.initial_options) return optionValues(element.initial_options);
    const list = element.initial_users ?? element.initial_conversations ?? element.initial_channels ?? [];
    return Array.isArray(list) ? list.map(String) : [];
  }
  if (element.initial_option) return optionValue(element.initial_option);
  const single =
    element.initial_user ??
    element.initial_conversation ??
    element.initial_channel ??
    element.initial_date ??
    element.initial_time ??
    element.initial_value;
  return single === undefined || single === null ? null : String(single);
}

/** @param {Value} value */
export const isEmptyValue = (value) =>
  value === null || value === '' || (Array.isArray(value) && !value.length);

/** What the user has typed or picked in one open view, kept across re-renders and views.update. */
export class FormState {
  /** @param {string} viewId @param {Record<string, Record<string, any>>} stateValues */
  constructor(viewId, stateValues) {
    this.viewId = viewId;
    /** @type {Record<string, Record<string, any>>} */
    this.stateValues = stateValues;
    /** @type {Map<string, Value>} */
    this.values = new Map();
  }

  /** @param {string} blockId @param {string} actionId */
  static key(blockId, actionId) {
    return `${blockId}\u0000${actionId}`;
  }

  /**
   * @param {string} blockId
   * @param {Record<string, any>} element
   * @returns {Value}
   */
  get(blockId, element) {
    const key = FormState.key(blockId, element.action_id);
    if (this.values.has(key)) return this.values.get(key) ?? null;
    const fields = this.stateValues[blockId]?.[element.action_id];
    return isObject(fields) ? fromStateFields(fields) : initialValue(element);
  }

  /** @param {string} blockId @param {string} actionId @param {Value} value */
  set(blockId, actionId, value) {
    this.values.set(FormState.key(blockId, actionId), value);
  }

  /**
   * Every input's current value: { block_id: { action_id: value } }.
   * @param {Array<Record<string, any>>} blocks
   */
  collect(blocks) {
    /** @type {Record<string, Record<string, Value>>} */
    const out = {};
    for (const block of blocks) {
      if (block.type !== 'input' || !isObject(block.element)) continue;
      const value = this.get(block.block_id, block.element);
      out[block.block_id] = {
        [block.element.action_id]: isEmptyValue(value) && !isMulti(block.element.type) ? null : value,
      };
    }
    return out;
  }
}
