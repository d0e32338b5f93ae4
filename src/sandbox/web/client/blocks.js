// Block Kit layout blocks. Elements are drawn by elements.js; text by mrkdwn.js.

import { h, isObject, textOf } from './dom.js';
import { renderElement } from './elements.js';
import { renderRichText } from './rich-text.js';

/** @typedef {import('./elements.js').RenderCtx} RenderCtx */

/** An image that shows its alt text when it cannot load (the sandbox is often offline). @param {Record<string, any>} img */
function image(img, className = 'image') {
  const alt = String(img.alt_text ?? '');
  const el = h('img', { class: className, src: img.image_url, alt, title: alt, loading: 'lazy' });
  el.addEventListener('error', () => el.replaceWith(h('span', { class: 'image-alt' }, `🖼 ${alt}`)));
  return el;
}

/** @param {Record<string, any>} block @param {RenderCtx} ctx */
function section(block, ctx) {
  const body = h('div', { class: 'section-body' });
  if (isObject(block.text)) body.append(h('div', { class: 'section-text' }, ctx.text(block.text)));
  if (Array.isArray(block.fields) && block.fields.length) {
    body.append(
      h(
        'div',
        { class: 'fields' },
        block.fields.map((f) => h('div', { class: 'field' }, ctx.text(f))),
      ),
    );
  }
  const accessory = isObject(block.accessory)
    ? block.accessory.type === 'image'
      ? image(block.accessory, 'accessory-image')
      : renderElement(block.accessory, ctx, { blockId: block.block_id })
    : null;
  return h(
    'div',
    { class: 'block block-section' },
    body,
    accessory && h('div', { class: 'accessory' }, accessory),
  );
}

/** @param {Record<string, any>} block @param {RenderCtx} ctx */
function input(block, ctx) {
  const label = textOf(block.label);
  const error = ctx.errors[block.block_id];
  const element = isObject(block.element)
    ? renderElement(block.element, ctx, {
        blockId: block.block_id,
        label,
        input: true,
        dispatch: block.dispatch_action === true,
      })
    : null;
  return h(
    'div',
    { class: `block block-input${error ? ' has-error' : ''}`, 'data-block-id': block.block_id },
    h(
      'div',
      { class: 'input-label' },
      label,
      block.optional ? h('span', { class: 'optional' }, ' (optional)') : null,
    ),
    element,
    isObject(block.hint) ? h('div', { class: 'hint' }, textOf(block.hint)) : null,
    error ? h('div', { class: 'field-error', role: 'alert' }, error) : null,
  );
}

/**
 * @param {Record<string, any>} block
 * @param {RenderCtx} ctx
 * @returns {HTMLElement}
 */
function renderBlock(block, ctx) {
  switch (block.type) {
    case 'section':
      return section(block, ctx);
    case 'header':
      return h('div', { class: 'block block-header', role: 'heading', 'aria-level': 3 }, textOf(block.text));
    case 'divider':
      return h('hr', { class: 'block block-divider' });
    case 'context':
      return h(
        'div',
        { class: 'block block-context' },
        (Array.isArray(block.elements) ? block.elements : [])
          .filter(isObject)
          .map((el) => (el.type === 'image' ? image(el, 'context-image') : h('span', {}, ctx.text(el)))),
      );
    case 'actions':
      return h(
        'div',
        { class: 'block block-actions' },
        (Array.isArray(block.elements) ? block.elements : [])
          .filter(isObject)
          .map((el) => renderElement(el, ctx, { blockId: block.block_id })),
      );
    case 'input':
      return input(block, ctx);
    case 'image':
      return h(
        'figure',
        { class: 'block block-image' },
        isObject(block.title) ? h('figcaption', {}, textOf(block.title)) : null,
        image(block),
      );
    case 'rich_text':
      return renderRichText(block, ctx.names);
    default:
      return h('div', { class: 'block unsupported' }, `[${String(block.type)} block]`);
  }
}

/**
 * @param {Array<Record<string, any>>} blocks
 * @param {RenderCtx} ctx
 */
export function renderBlocks(blocks, ctx) {
  return h(
    'div',
    { class: 'blocks' },
    blocks.filter(isObject).map((b) => renderBlock(b, ctx)),
  );
}
