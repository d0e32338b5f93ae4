// Slack mrkdwn to DOM. Everything is created as text nodes or elements: no HTML parsing, no innerHTML.

/**
 * @typedef {{ userName: (id: string) => string, channelName: (id: string) => string }} Names
 */

const ENTITIES = /** @type {Record<string, string>} */ ({ lt: '<', gt: '>', amp: '&' });
const EMOJI = /** @type {Record<string, string>} */ ({
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  warning: '⚠️',
  memo: '📝',
  bulb: '💡',
  speech_balloon: '💬',
  calendar: '📅',
  spiral_calendar_pad: '🗓️',
  clipboard: '📋',
  pushpin: '📌',
  mag: '🔍',
  eyes: '👀',
  wave: '👋',
  tada: '🎉',
  rocket: '🚀',
  dart: '🎯',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  thinking_face: '🤔',
  ear: '👂',
  handshake: '🤝',
  star: '⭐',
  bell: '🔔',
  zzz: '💤',
  chart_with_upwards_trend: '📈',
  link: '🔗',
  lock: '🔒',
  sparkles: '✨',
  information_source: 'ℹ️',
  question: '❓',
  exclamation: '❗',
  red_circle: '🔴',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  busts_in_silhouette: '👥',
  bust_in_silhouette: '👤',
  page_facing_up: '📄',
});

/** Decodes the only three entities Slack escapes. @param {string} text */
export const decodeEntities = (text) => text.replace(/&(lt|gt|amp);/g, (_, name) => ENTITIES[name] ?? _);

/** @param {string} text */
export const emojify = (text) => text.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);

const INLINE =
  /<([^<>\n]+)>|`([^`\n]+)`|(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])|(?<![\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])/g;

/**
 * A `<...>` token: link, user / channel mention, special mention or date.
 * @param {string} inner
 * @param {Names} names
 * @returns {Node}
 */
function angle(inner, names) {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) {
    return mention(`@${label ?? names.userName(target.slice(1))}`, 'mention');
  }
  if (target.startsWith('#')) {
    return mention(`#${label ?? names.channelName(target.slice(1))}`, 'mention channel-mention');
  }
  if (target.startsWith('!')) {
    const special = target.slice(1);
    if (special.startsWith('date^')) return document.createTextNode(decodeEntities(label ?? ''));
    if (special.startsWith('subteam^')) return mention(label ?? '@group', 'mention');
    return mention(`@${special}`, 'mention');
  }
  const href = decodeEntities(target);
  if (/^(https?:|mailto:)/i.test(href)) {
    const a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = decodeEntities(label ?? target);
    return a;
  }
  return document.createTextNode(decodeEntities(label ?? target));
}

/** @param {string} text @param {string} className */
function mention(text, className) {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

/**
 * Inline formatting of one line: links, mentions, code, bold, italic, strike (nested).
 * @param {string} text
 * @param {Names} names
 * @returns {DocumentFragment}
 */
export function inline(text, names) {
  const out = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) out.append(emojify(decodeEntities(text.slice(last, index))));
    const [, link, code, bold, italic, strike] = match;
    if (link !== undefined) out.append(angle(link, names));
    else if (code !== undefined) {
      const el = document.createElement('code');
      el.textContent = decodeEntities(code);
      out.append(el);
    } else {
      const el = document.createElement(bold !== undefined ? 'strong' : italic !== undefined ? 'em' : 's');
      el.append(inline(bold ?? italic ?? strike ?? '', names));
      out.append(el);
    }
    last = index + match[0].length;
  }
  if (last < text.length) out.append(emojify(decodeEntities(text.slice(last))));
  return out;
}

const QUOTE = /^(&gt;|>)\s?/;
const BULLET = /^\s*[•◦▪‣\-*]\s+/;

/**
 * Lines of text: block quotes and bullet lists are grouped, other lines end with a line break.
 * @param {string} text
 * @param {Names} names
 * @param {DocumentFragment} out
 */
function lines(text, names, out) {
  const all = text.split('\n');
  for (let i = 0; i < all.length; i++) {
    const line = all[i] ?? '';
    if (QUOTE.test(line)) {
      const quote = document.createElement('blockquote');
      const inner = [];
      while (i < all.length && QUOTE.test(all[i] ?? '')) inner.push((all[i++] ?? '').replace(QUOTE, ''));
      i--;
      const frag = document.createDocumentFragment();
      lines(inner.join('\n'), names, frag);
      quote.append(frag);
      out.append(quote);
    } else if (BULLET.test(line)) {
      const list = document.createElement('ul');
      while (i < all.length && BULLET.test(all[i] ?? '')) {
        const li = document.createElement('li');
        li.append(inline((all[i++] ?? '').replace(BULLET, ''), names));
        list.append(li);
      }
      i--;
      out.append(list);
    } else {
      out.append(inline(line, names));
      if (i < all.length - 1) out.append(document.createElement('br'));
    }
  }
}

/**
 * Renders Slack mrkdwn safely.
 * @param {string} text
 * @param {Names} names
 * @returns {DocumentFragment}
 */
export function renderMrkdwn(text, names) {
  const out = document.createDocumentFragment();
  const parts = text.split(/```/);
  parts.forEach((part, index) => {
    if (index % 2 === 1 && index < parts.length - 1) {
      const pre = document.createElement('pre');
      pre.textContent = decodeEntities(part.replace(/^\n/, ''));
      out.append(pre);
    } else {
      const text = index % 2 === 1 ? `\`\`\`${part}` : part;
      lines(index > 0 ? text.replace(/^\n/, '') : text, names, out);
    }
  });
  return out;
}
