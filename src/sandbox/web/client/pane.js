// What the main pane and the thread panel show for the current place.

import { renderBlocks } from './blocks.js';
import { h, replaceChildren } from './dom.js';
import { channelIntro } from './guide.js';
import { APP_HOME, APP_MESSAGES } from './layout.js';
import { renderMessage, renderMessageList } from './messages.js';

/**
 * @typedef {import('./messages.js').Message} Message
 * @typedef {import('./messages.js').ListOptions} ListOptions
 * @typedef {{ snapshot: any, place: string, thread: { channel: string, ts: string } | null, dismissed: Set<string> }} Store
 */

const byTs = (/** @type {Message} */ a, /** @type {Message} */ b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0);

/** The DM between the current user and the app, when it exists. @param {any} snapshot */
export const dmChannel = (snapshot) => snapshot.channels.find((/** @type {any} */ c) => c.isIm) ?? null;

/** @param {Store} store @param {string} channelId */
export function channelMessages(store, channelId) {
  const all = /** @type {Message[]} */ (store.snapshot.messages[channelId] ?? []);
  const ephemerals = /** @type {Message[]} */ (store.snapshot.ephemerals).filter(
    (m) => m.channel === channelId && !m.threadTs && !store.dismissed.has(m.ts),
  );
  return [...all.filter((m) => !m.threadTs || m.threadTs === m.ts), ...ephemerals].sort(byTs);
}

/** @param {Store} store @param {string} channelId @param {string} threadTs */
export function threadMessages(store, channelId, threadTs) {
  const all = /** @type {Message[]} */ (store.snapshot.messages[channelId] ?? []);
  const ephemerals = /** @type {Message[]} */ (store.snapshot.ephemerals).filter(
    (m) => m.channel === channelId && m.threadTs === threadTs && !store.dismissed.has(m.ts),
  );
  return [...all.filter((m) => m.threadTs === threadTs && m.ts !== threadTs), ...ephemerals].sort(byTs);
}

/**
 * @param {import('./layout.js').Layout} layout @param {Store} store @param {ListOptions} options
 * @param {{ invite: (channelId: string) => void, tab: (place: string) => void,
 *   homeCtx: (view: any) => import('./elements.js').RenderCtx }} actions
 */
export function renderPane(layout, store, options, actions) {
  const { snapshot, place } = store;
  const isApp = place === APP_HOME || place === APP_MESSAGES;
  layout.tabs.hidden = !isApp;
  layout.homeView.hidden = place !== APP_HOME;
  layout.messages.hidden = place === APP_HOME;
  layout.composerSlot.hidden = place === APP_HOME;
  if (isApp) {
    replaceChildren(
      layout.paneHeader,
      h('h2', {}, snapshot.bot.displayName),
      h('span', { class: 'badge' }, 'APP'),
    );
    replaceChildren(
      layout.tabs,
      [
        [APP_HOME, 'Home'],
        [APP_MESSAGES, 'Messages'],
      ].map(([id, label]) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            class: 'tab',
            'aria-selected': String(id === place),
            onclick: () => actions.tab(id ?? ''),
          },
          label,
        ),
      ),
    );
  }
  if (place === APP_HOME) return renderHome(layout, snapshot, actions);
  if (place === APP_MESSAGES) {
    const dm = dmChannel(snapshot);
    const messages = dm ? channelMessages(store, dm.id) : [];
    const intro = h(
      'div',
      { class: 'channel-intro' },
      h('p', { class: 'muted' }, `Your direct messages with ${snapshot.bot.displayName}.`),
    );
    return renderMessageList(layout.messages, messages, { ...options, openThread: null }, intro);
  }
  const channel = snapshot.channels.find((/** @type {any} */ c) => c.id === place);
  if (!channel) return;
  replaceChildren(
    layout.paneHeader,
    h('h2', {}, `# ${channel.name}`),
    channel.topic ? h('span', { class: 'muted topic' }, channel.topic) : null,
    channel.botMember
      ? null
      : h(
          'span',
          { class: 'not-member' },
          `${snapshot.bot.displayName} is not in this channel. `,
          h(
            'button',
            { type: 'button', class: 'btn', onclick: () => actions.invite(channel.id) },
            `Add ${snapshot.bot.displayName}`,
          ),
        ),
  );
  renderMessageList(
    layout.messages,
    channelMessages(store, channel.id),
    options,
    channelIntro(channel, snapshot.bot.displayName),
  );
}

/** @param {import('./layout.js').Layout} layout @param {any} snapshot @param {{ homeCtx: (view: any) => any }} actions */
function renderHome(layout, snapshot, actions) {
  const home = snapshot.home;
  const key = home ? `${home.id}|${home.hash}` : 'none';
  if (layout.homeView.dataset.key === key && layout.homeView.childElementCount) return;
  layout.homeView.dataset.key = key;
  if (!home) {
    return replaceChildren(
      layout.homeView,
      h('p', { class: 'muted' }, 'The app has not published a Home tab for you yet.'),
    );
  }
  replaceChildren(layout.homeView, renderBlocks(home.blocks, actions.homeCtx(home)));
}

/** @param {import('./layout.js').Layout} layout @param {Store} store @param {ListOptions} options @param {() => void} closeThread */
export function renderThread(layout, store, options, closeThread) {
  const thread = store.thread;
  const parent =
    thread &&
    (store.snapshot.messages[thread.channel] ?? []).find((/** @type {Message} */ m) => m.ts === thread.ts);
  layout.thread.hidden = !parent;
  if (!thread || !parent) return;
  const channel = store.snapshot.channels.find((/** @type {any} */ c) => c.id === thread.channel);
  replaceChildren(
    layout.threadHeader,
    h('h2', {}, 'Thread'),
    h('span', { class: 'muted' }, channel ? `#${channel.name}` : ''),
    h('span', { class: 'spacer' }),
    h(
      'button',
      { type: 'button', class: 'btn-icon', 'aria-label': 'Close thread', onclick: closeThread },
      '✕',
    ),
  );
  const head = h('div', { class: 'thread-parent' }, renderMessage(parent, { ...options, openThread: null }));
  renderMessageList(
    layout.threadMessages,
    threadMessages(store, thread.channel, thread.ts),
    { ...options, openThread: null },
    head,
  );
}
