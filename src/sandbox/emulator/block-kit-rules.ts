import { LIMITS } from '../../slack/views/limits.js';
import type { Block, JsonObject } from './types.js';

/** Where blocks are shown; decides the block count limit. */
export type Surface = 'message' | 'modal' | 'home';

const BLOCK_LIMIT: Record<Surface, number> = {
  message: LIMITS.blocksPerMessage,
  modal: LIMITS.blocksPerModal,
  home: LIMITS.blocksPerHomeTab,
};

const KNOWN_BLOCKS = new Set([
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'video',
  'table',
  'context_actions',
]);

/** Collects Slack-style messages: `must be ... [json-pointer:/blocks/0/text/text]`. */
class Problems {
  readonly messages: string[] = [];
  add(pointer: string, message: string): void {
    this.messages.push(`${message} [json-pointer:${pointer}]`);
  }
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkText(p: Problems, pointer: string, value: unknown, max: number, plainOnly = false): void {
  if (!isObject(value)) {
    p.add(pointer, 'must provide an object');
    return;
  }
  if (value.type !== 'plain_text' && (plainOnly || value.type !== 'mrkdwn')) {
    p.add(`${pointer}/type`, plainOnly ? 'must be plain_text' : 'must be plain_text or mrkdwn');
  }
  const text = value.text;
  if (typeof text !== 'string' || text.length === 0)
    p.add(`${pointer}/text`, 'must be more than 0 characters');
  else if (text.length > max) p.add(`${pointer}/text`, `must be less than ${max + 1} characters`);
}

function checkString(p: Problems, pointer: string, value: unknown, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') p.add(pointer, 'must be a string');
  else if (value.length > max) p.add(pointer, `must be less than ${max + 1} characters`);
}

function checkOptions(p: Problems, pointer: string, options: unknown, max: number): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    p.add(pointer, 'must be an array');
    return;
  }
  if (options.length > max) p.add(pointer, `must be less than ${max + 1} items`);
  options.forEach((option: unknown, i) => {
    if (!isObject(option)) {
      p.add(`${pointer}/${i}`, 'must provide an object');
      return;
    }
    checkText(p, `${pointer}/${i}/text`, option.text, LIMITS.optionText);
    checkString(p, `${pointer}/${i}/value`, option.value, LIMITS.optionValue);
  });
}

function checkElement(p: Problems, pointer: string, element: unknown): void {
  if (!isObject(element)) {
    p.add(pointer, 'must provide an object');
    return;
  }
  checkString(p, `${pointer}/action_id`, element.action_id, LIMITS.actionId);
  if (element.placeholder !== undefined) {
    checkText(p, `${pointer}/placeholder`, element.placeholder, LIMITS.placeholder, true);
  }
  switch (element.type) {
    case 'button':
      checkText(p, `${pointer}/text`, element.text, LIMITS.buttonText, true);
      checkString(p, `${pointer}/value`, element.value, LIMITS.buttonValue);
      break;
    case 'overflow':
      checkOptions(p, `${pointer}/options`, element.options, LIMITS.overflowOptions);
      break;
    case 'static_select':
    case 'multi_static_select':
    case 'checkboxes':
    case 'radio_buttons':
      checkOptions(p, `${pointer}/options`, element.options, LIMITS.staticSelectOptions);
      break;
    case 'plain_text_input':
      if (typeof element.max_length === 'number' && element.max_length > LIMITS.plainTextInputMaxLength) {
        p.add(`${pointer}/max_length`, `must be less than ${LIMITS.plainTextInputMaxLength + 1}`);
      }
      break;
    case undefined:
      p.add(`${pointer}/type`, 'must provide a type');
      break;
  }
}

function checkBlock(p: Problems, pointer: string, block: Block): void {
  const type = block.type;
  if (typeof type !== 'string' || !KNOWN_BLOCKS.has(type)) {
    p.add(`${pointer}/type`, `unsupported type: ${String(type)}`);
    return;
  }
  checkString(p, `${pointer}/block_id`, block.block_id, LIMITS.blockId);
  if (type === 'section') {
    if (block.text === undefined && block.fields === undefined) p.add(pointer, 'must provide text or fields');
    if (block.text !== undefined) checkText(p, `${pointer}/text`, block.text, LIMITS.sectionText);
    if (block.fields !== undefined) {
      const fields = Array.isArray(block.fields) ? block.fields : [];
      if (fields.length > LIMITS.sectionFields) {
        p.add(`${pointer}/fields`, `must be less than ${LIMITS.sectionFields + 1} items`);
      }
      fields.forEach((f, i) => {
        checkText(p, `${pointer}/fields/${i}`, f, LIMITS.sectionFieldText);
      });
    }
    if (block.accessory !== undefined) checkElement(p, `${pointer}/accessory`, block.accessory);
  } else if (type === 'header') {
    checkText(p, `${pointer}/text`, block.text, LIMITS.headerText, true);
  } else if (type === 'context') {
    const elements = Array.isArray(block.elements) ? block.elements : [];
    if (elements.length === 0) p.add(`${pointer}/elements`, 'must provide at least 1 item');
    if (elements.length > LIMITS.contextElements) {
      p.add(`${pointer}/elements`, `must be less than ${LIMITS.contextElements + 1} items`);
    }
    elements.forEach((e: unknown, i) => {
      if (isObject(e) && e.type !== 'image') checkText(p, `${pointer}/elements/${i}`, e, LIMITS.contextText);
    });
  } else if (type === 'actions') {
    const elements = Array.isArray(block.elements) ? block.elements : [];
    if (elements.length === 0) p.add(`${pointer}/elements`, 'must provide at least 1 item');
    if (elements.length > LIMITS.actionsElements) {
      p.add(`${pointer}/elements`, `must be less than ${LIMITS.actionsElements + 1} items`);
    }
    const actionIds = new Set<string>();
    elements.forEach((e: unknown, i) => {
      checkElement(p, `${pointer}/elements/${i}`, e);
      const actionId = isObject(e) ? e.action_id : undefined;
      if (typeof actionId === 'string') {
        if (actionIds.has(actionId))
          p.add(`${pointer}/elements/${i}/action_id`, `duplicate action_id: ${actionId}`);
        actionIds.add(actionId);
      }
    });
  } else if (type === 'input') {
    checkText(p, `${pointer}/label`, block.label, LIMITS.inputLabel, true);
    if (block.hint !== undefined) checkText(p, `${pointer}/hint`, block.hint, LIMITS.inputHint, true);
    checkElement(p, `${pointer}/element`, block.element);
  }
}

/** Validates blocks against the Block Kit limits; returns Slack-style error messages (empty when valid). */
export function validateBlocks(blocks: unknown, surface: Surface, root = '/blocks'): string[] {
  const p = new Problems();
  if (!Array.isArray(blocks)) {
    p.add(root, 'must provide an array');
    return p.messages;
  }
  const limit = BLOCK_LIMIT[surface];
  if (blocks.length > limit) p.add(root, `must be less than ${limit + 1} items`);
  const blockIds = new Set<string>();
  blocks.forEach((block: unknown, i) => {
    const pointer = `${root}/${i}`;
    if (!isObject(block)) {
      p.add(pointer, 'must provide an object');
      return;
    }
    const blockId = block.block_id;
    if (typeof blockId === 'string') {
      if (blockIds.has(blockId)) p.add(`${pointer}/block_id`, `duplicate block_id: ${blockId}`);
      blockIds.add(blockId);
    }
    checkBlock(p, pointer, block);
  });
  return p.messages;
}

export interface ViewProblems {
  error: 'invalid_blocks' | 'invalid_arguments';
  messages: string[];
}

/** Validates a view payload (modal or home). Block problems are `invalid_blocks`, view fields `invalid_arguments`. */
export function validateView(view: unknown, expected: 'modal' | 'home' | 'any' = 'any'): ViewProblems | null {
  const p = new Problems();
  if (!isObject(view)) {
    p.add('/view', 'must provide an object');
    return { error: 'invalid_arguments', messages: p.messages };
  }
  const type = view.type;
  if (type !== 'modal' && type !== 'home') p.add('/view/type', 'must be modal or home');
  else if (expected !== 'any' && type !== expected) p.add('/view/type', `must be ${expected}`);
  if (type === 'modal') {
    checkText(p, '/view/title', view.title, LIMITS.modalTitle, true);
    if (view.submit !== undefined) checkText(p, '/view/submit', view.submit, LIMITS.modalSubmit, true);
    if (view.close !== undefined) checkText(p, '/view/close', view.close, LIMITS.modalClose, true);
    const blocks = Array.isArray(view.blocks) ? view.blocks : [];
    const hasInput = blocks.some((b: unknown) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined)
      p.add('/view/submit', 'must provide submit when using input blocks');
  }
  checkString(p, '/view/private_metadata', view.private_metadata, LIMITS.privateMetadata);
  checkString(p, '/view/callback_id', view.callback_id, LIMITS.callbackId);
  if (p.messages.length > 0) return { error: 'invalid_arguments', messages: p.messages };
  const surface: Surface = type === 'home' ? 'home' : 'modal';
  const blockMessages = validateBlocks(view.blocks, surface, '/view/blocks');
  return blockMessages.length > 0 ? { error: 'invalid_blocks', messages: blockMessages } : null;
}
