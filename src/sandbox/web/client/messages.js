// Messages: one item (sender, time, blocks or text, "Only visible to you", replies) and its hover actions.

import { renderBlocks } from './blocks.js';
import { h, timeOf } from './dom.js';
import { renderMrkdwn } from './mrkdwn.js';

/**
 * @typedef {{ ts: string, channel: string, threadTs: string | null, user: string | null, isBot: boolean,
 *   text: string, blocks: Array<Record<string, any>>, edited: boolean, ephemeral: boolean }} Message
 * @typedef {{
 *   names: import('./mrkdwn.js').Names,
 *   botName: string,
 *   ctxFor: (message: Message) => import('./elements.js').RenderCtx,
 *   replyCount: (message: Message) => number,
 *   shortcuts: Array<{ callbackId: string, name: string }>,
 *   openThread: ((message: Message) => void) | null,
 *   shortcut: (message: Message, callbackId: string) => void,
 *   dismiss: (message: Message) => void,
 * }} ListOptions
 */

const AVATAR_COLORS = 7;

/** @param {string} name @param {string} id */
function avatar(name, id) {
  const initials = name
    .split(/[\s.]+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const color = [...id].reduce((sum, c) => sum + c.charCodeAt(0), 0) % AVATAR_COLORS;
  return h('div', { class: `avatar avatar-${color}`, 'aria-hidden': 'true' }, initials);
}

/** @param {Message} message @param {ListOptions} options */
function hoverActions(message, options) {
  if (message.ephemeral) return null;
  const menu = h('div', { class: 'menu menu-right', role: 'menu', hidden: true });
  for (const shortcut of options.shortcuts) {
    menu.append(
      h(
        'button',
        {
          type: 'button',
          role: 'menuitem',
          class: 'menu-item',
          onclick: () => {
            menu.hidden = true;
            options.shortcut(message, shortcut.callbackId);
          },
        },
        shortcut.name,
      ),
    );
  }
  const openThread = options.openThread;
  return h(
    'div',
    { class: 'message-actions' },
    openThread &&
      h(
        'button',
        { type: 'button', class: 'btn-icon', title: 'Reply in thread', onclick: () => openThread(message) },
        '↩',
      ),
    options.shortcuts.length > 0 &&
      h(
        'button',
        {
          type: 'button',
          class: 'btn-icon',
          title: 'More actions',
          'aria-label': 'More actions',
          onclick: () => {
            menu.hidden = !menu.hidden;
          },
        },
        '⋯',
      ),
    menu,
  );
}

/** @param {Message} message @param {ListOptions} options */
export function renderMessage(message, options) {
  const sender = message.isBot ? options.botName : options.names.userName(message.user ?? '');
  const body = message.blocks.length
    ? renderBlocks(message.blocks, options.ctxFor(message))
    : h('div', { class: 'message-text' }, renderMrkdwn(message.text, options.names));
  const replies = options.openThread ? options.replyCount(message) : 0;
  const openThread = options.openThread;
  return h(
    'div',
    {
      class: `message${message.ephemeral ? ' ephemeral' : ''}`,
      'data-ts': message.ts,
      'data-user': message.user ?? '',
    },
    avatar(sender, message.user ?? sender),
    h(
      'div',
      { class: 'message-main' },
      h(
        'div',
        { class: 'message-meta' },
        h('span', { class: 'sender' }, sender),
        message.isBot ? h('span', { class: 'badge' }, 'APP') : null,
        h('time', {}, timeOf(message.ts)),
        message.edited ? h('span', { class: 'edited' }, '(edited)') : null,
      ),
      message.ephemeral
        ? h(
            'div',
            { class: 'ephemeral-note' },
            'Only visible to you · ',
            h(
              'button',
              { type: 'button', class: 'link', onclick: () => options.dismiss(message) },
              'Dismiss',
            ),
          )
        : null,
      h('div', { class: 'message-body' }, body),
      replies > 0 && openThread
        ? h(
            'button',
            { type: 'button', class: 'link replies', onclick: () => openThread(message) },
            `${replies} ${replies === 1 ? 'reply' : 'replies'}`,
          )
        : null,
    ),
    hoverActions(message, options),
  );
}

/**
 * Replaces a list's messages, keeping it scrolled to the bottom when it was there.
 * @param {HTMLElement} list @param {Message[]} messages @param {ListOptions} options @param {Node | null} intro
 */
export function renderMessageList(list, messages, options, intro) {
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const previousCount = Number(list.dataset.count ?? '0');
  list.replaceChildren();
  if (intro) list.append(intro);
  for (const message of messages) list.append(renderMessage(message, options));
  list.dataset.count = String(messages.length);
  if (atBottom || messages.length > previousCount) list.scrollTop = list.scrollHeight;
}
