// The window: top bar with the user switch, sidebar, message pane, thread panel, modal layer and toasts.

import { h, replaceChildren } from './dom.js';

/** @typedef {ReturnType<typeof buildLayout>} Layout */

export const APP_HOME = 'app-home';
export const APP_MESSAGES = 'app-messages';

export function buildLayout() {
  const userSwitch = /** @type {HTMLSelectElement} */ (
    h('select', { class: 'select', 'aria-label': 'Switch user' })
  );
  const live = h('span', { class: 'live', title: 'Live updates' }, '● live');
  const refs = {
    workspace: h('span', { class: 'workspace' }),
    userSwitch,
    live,
    sidebar: h('nav', { class: 'sidebar', 'aria-label': 'Channels' }),
    paneHeader: h('header', { class: 'pane-header' }),
    tabs: h('div', { class: 'tabs', role: 'tablist', hidden: true }),
    messages: h('div', { class: 'messages', role: 'log', 'aria-label': 'Messages' }),
    homeView: h('div', { class: 'home-view', hidden: true }),
    composerSlot: h('div', { class: 'composer-slot' }),
    thread: h('aside', { class: 'thread', 'aria-label': 'Thread', hidden: true }),
    threadHeader: h('header', { class: 'pane-header thread-header' }),
    threadMessages: h('div', {
      class: 'messages thread-messages',
      role: 'log',
      'aria-label': 'Thread messages',
    }),
    threadComposerSlot: h('div', { class: 'composer-slot' }),
    modalLayer: h('div', { class: 'modal-layer', hidden: true }),
    toasts: h('div', { class: 'toasts', 'aria-live': 'polite' }),
  };
  refs.thread.append(refs.threadHeader, refs.threadMessages, refs.threadComposerSlot);
  const root = h(
    'div',
    { class: 'window' },
    h(
      'header',
      { class: 'topbar' },
      refs.workspace,
      h('span', { class: 'sandbox-badge' }, 'Local sandbox'),
      h('span', { class: 'spacer' }),
      h('label', { class: 'acting-as' }, 'Acting as ', userSwitch),
      live,
    ),
    refs.sidebar,
    h('main', { class: 'pane' }, refs.paneHeader, refs.tabs, refs.messages, refs.homeView, refs.composerSlot),
    refs.thread,
    refs.modalLayer,
    refs.toasts,
  );
  return { root, ...refs };
}

/**
 * @param {Layout} layout
 * @param {any} snapshot
 * @param {string} place
 * @param {(place: string) => void} select
 */
export function renderSidebar(layout, snapshot, place, select) {
  /** @param {string} id @param {string} label @param {string} [icon] */
  const item = (id, label, icon = '#') =>
    h(
      'button',
      {
        type: 'button',
        class: `sidebar-item${id === place ? ' active' : ''}`,
        'aria-current': id === place ? 'page' : null,
        'data-place': id,
        onclick: () => select(id),
      },
      h('span', { class: 'sidebar-icon' }, icon),
      label,
    );
  const channels = snapshot.channels.filter((/** @type {any} */ c) => !c.isIm);
  replaceChildren(
    layout.sidebar,
    h('div', { class: 'sidebar-title' }, 'Channels'),
    channels.map((/** @type {any} */ c) => item(c.id, c.name)),
    h('div', { class: 'sidebar-title' }, 'Apps'),
    item(APP_HOME, `${snapshot.bot.displayName} · Home`, '⌂'),
    item(APP_MESSAGES, `${snapshot.bot.displayName} · Messages`, '✉'),
  );
}

/** @param {Layout} layout @param {any} snapshot */
export function renderUserSwitch(layout, snapshot) {
  layout.workspace.textContent = snapshot.team.name;
  const humans = snapshot.users.filter((/** @type {any} */ u) => !u.isBot);
  const key = humans.map((/** @type {any} */ u) => u.id).join(',');
  if (layout.userSwitch.dataset.key !== key) {
    layout.userSwitch.dataset.key = key;
    replaceChildren(
      layout.userSwitch,
      humans.map((/** @type {any} */ u) => h('option', { value: u.id }, u.realName)),
    );
  }
  layout.userSwitch.value = snapshot.me;
}

/** @param {Layout} layout @param {string} message */
export function toast(layout, message) {
  const el = h('div', { class: 'toast', role: 'alert' }, message);
  layout.toasts.append(el);
  setTimeout(() => el.remove(), 8000);
}
