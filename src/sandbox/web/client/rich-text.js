// rich_text blocks: sections, lists, quotes and preformatted text.

import { h, isObject } from './dom.js';
import { emojify } from './mrkdwn.js';

/**
 * @param {Record<string, any>} el
 * @param {import('./mrkdwn.js').Names} names
 * @returns {Node}
 */
function leaf(el, names) {
  let node;
  switch (el.type) {
    case 'text':
      node = document.createTextNode(String(el.text ?? ''));
      break;
    case 'link': {
      const safe = typeof el.url === 'string' && /^(https?:|mailto:)/i.test(el.url);
      node = safe
        ? h('a', { href: el.url, target: '_blank', rel: 'noopener noreferrer' }, String(el.text ?? el.url))
        : document.createTextNode(String(el.text ?? el.url ?? ''));
      break;
    }
    case 'user':
      node = h('span', { class: 'mention' }, `@${names.userName(String(el.user_id))}`);
      break;
    case 'channel':
      node = h('span', { class: 'mention' }, `#${names.channelName(String(el.channel_id))}`);
      break;
    case 'broadcast':
      node = h('span', { class: 'mention' }, `@${String(el.range)}`);
      break;
    case 'emoji':
      node = document.createTextNode(emojify(`:${String(el.name)}:`));
      break;
    default:
      node = document.createTextNode(String(el.text ?? ''));
  }
  const style = isObject(el.style) ? el.style : {};
  if (style.code) node = h('code', {}, node);
  if (style.strike) node = h('s', {}, node);
  if (style.italic) node = h('em', {}, node);
  if (style.bold) node = h('strong', {}, node);
  return node;
}

/** @param {unknown} elements @param {import('./mrkdwn.js').Names} names */
const leaves = (elements, names) =>
  (Array.isArray(elements) ? elements : []).filter(isObject).map((el) => leaf(el, names));

/**
 * @param {Record<string, any>} part
 * @param {import('./mrkdwn.js').Names} names
 * @returns {HTMLElement}
 */
function richPart(part, names) {
  switch (part.type) {
    case 'rich_text_list': {
      const items = (Array.isArray(part.elements) ? part.elements : []).map((/** @type {any} */ s) =>
        h('li', {}, leaves(s?.elements, names)),
      );
      return h(part.style === 'ordered' ? 'ol' : 'ul', {}, items);
    }
    case 'rich_text_quote':
      return h('blockquote', {}, leaves(part.elements, names));
    case 'rich_text_preformatted':
      return h('pre', {}, leaves(part.elements, names));
    default:
      return h('div', { class: 'rich-section' }, leaves(part.elements, names));
  }
}

/** @param {Record<string, any>} block @param {import('./mrkdwn.js').Names} names */
export function renderRichText(block, names) {
  const parts = Array.isArray(block.elements) ? block.elements.filter(isObject) : [];
  return h(
    'div',
    { class: 'block block-rich-text' },
    parts.map((p) => richPart(p, names)),
  );
}
