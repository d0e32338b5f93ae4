// The sandbox page: keeps the workspace snapshot for the acting user and sends every action to the server,
// which replays it to the app through the emulator's signed-request driver.

import { fetchState, post, subscribe } from './api.js';
import { createComposer } from './composer.js';
import { isObject, textOf } from './dom.js';
import { APP_HOME, APP_MESSAGES, buildLayout, renderSidebar, renderUserSwitch, toast } from './layout.js';
import { confirmDialog, formFor, renderModals } from './modal.js';
import { emojify, renderMrkdwn } from './mrkdwn.js';
import { dmChannel, renderPane, renderThread } from './pane.js';

const params = new URLSearchParams(location.search);
/** @type {import('./pane.js').Store & { user: string, forms: Map<string, import('./form.js').FormState> }} */
const store = {
  user: params.get('user') ?? '',
  place: params.get('channel') ?? '',
  thread: null,
  snapshot: null,
  dismissed: new Set(),
  forms: new Map(),
};
const layout = buildLayout();
const appRoot = /** @type {HTMLElement} */ (document.getElementById('app'));
appRoot.replaceChildren(layout.root);

const names = {
  /** @param {string} id */
  userName: (id) =>
    id === store.snapshot?.bot.userId
      ? store.snapshot.bot.displayName
      : (store.snapshot?.users.find((/** @type {any} */ u) => u.id === id)?.realName ?? id),
  /** @param {string} id */
  channelName: (id) => store.snapshot?.channelNames[id] ?? id,
};

/** @param {unknown} obj @returns {Node} */
const text = (obj) =>
  isObject(obj) && obj.type === 'mrkdwn'
    ? renderMrkdwn(textOf(obj), names)
    : document.createTextNode(emojify(textOf(obj)));

/** Runs one action and refreshes; a failure becomes a toast. @param {string} name @param {Record<string, unknown>} body */
async function run(name, body) {
  const result = await post(name, { user: store.user, ...body });
  if (!result.ok) toast(layout, result.error ?? 'Something went wrong.');
  await refresh();
  return result;
}

/**
 * Render context for one surface: a message (target = ts) or a view (target = view id, with its form).
 * @param {string} target @param {import('./form.js').FormState | null} form
 * @param {Record<string, string>} errors @param {Array<Record<string, any>>} blocks
 * @returns {import('./elements.js').RenderCtx}
 */
function ctxFor(target, form, errors, blocks) {
  return {
    names,
    users: store.snapshot.users,
    channels: store.snapshot.channels,
    form,
    errors,
    text,
    act: (element, blockId, value) =>
      void run('action', {
        target,
        actionId: element.action_id,
        blockId,
        ...(value !== undefined ? { value } : {}),
        ...(form ? { values: form.collect(blocks) } : {}),
      }),
    confirm: (dialog) =>
      confirmDialog(layout.modalLayer.hidden ? layout.root : layout.modalLayer, dialog, text),
  };
}

/** @type {import('./messages.js').ListOptions} */
const listOptions = {
  names,
  get botName() {
    return store.snapshot?.bot.displayName ?? 'App';
  },
  ctxFor: (message) => ctxFor(message.ts, null, {}, message.blocks),
  replyCount: (message) =>
    (store.snapshot.messages[message.channel] ?? []).filter(
      (/** @type {any} */ m) => m.threadTs === message.ts && m.ts !== message.ts,
    ).length,
  get shortcuts() {
    return store.snapshot?.shortcuts ?? [];
  },
  openThread: (message) => {
    store.thread = { channel: message.channel, ts: message.ts };
    render();
  },
  shortcut: (message, callbackId) =>
    void run('shortcut', { channel: message.channel, ts: message.ts, callbackId }),
  dismiss: (message) => {
    store.dismissed.add(message.ts);
    render();
  },
};

const modalOptions = {
  forms: store.forms,
  /** @param {any} view @param {import('./form.js').FormState} form @param {Record<string, string>} errors */
  ctxFor: (view, form, errors) => ctxFor(view.id, form, errors, view.blocks),
  /** @param {any} view @param {Record<string, unknown>} values */
  submit: async (view, values) => void (await run('submit', { viewId: view.id, values })),
  /** @param {any} view */
  close: async (view) => void (await run('close', { viewId: view.id })),
};

const composer = createComposer({
  label: 'Message',
  hint: 'Enter sends · Shift+Enter for a new line · /vision help lists the commands',
  onSend: async (message) => {
    const channel =
      store.place === APP_MESSAGES ? (dmChannel(store.snapshot)?.id ?? store.user) : store.place;
    return (await run('send', { channel, text: message })).ok;
  },
});
layout.composerSlot.append(composer.element);
const threadComposer = createComposer({
  label: 'Reply…',
  onSend: async (message) =>
    store.thread
      ? (await run('send', { channel: store.thread.channel, text: message, threadTs: store.thread.ts })).ok
      : false,
});
layout.threadComposerSlot.append(threadComposer.element);

/** @param {string} place */
function select(place) {
  store.place = place;
  store.thread = null;
  syncUrl();
  render();
  if (place === APP_HOME) void run('home', {});
}

function syncUrl() {
  const url = new URL(location.href);
  url.searchParams.set('user', store.user);
  url.searchParams.set('channel', store.place);
  history.replaceState(null, '', url);
}

function render() {
  const snapshot = store.snapshot;
  if (!snapshot) return;
  const places = [
    APP_HOME,
    APP_MESSAGES,
    ...snapshot.channels.filter((/** @type {any} */ c) => !c.isIm).map((/** @type {any} */ c) => c.id),
  ];
  if (!places.includes(store.place)) {
    store.place = places.find((p) => snapshot.channelNames[p] === 'deal-acme') ?? places[2] ?? APP_HOME;
    syncUrl();
  }
  renderUserSwitch(layout, snapshot);
  renderSidebar(layout, snapshot, store.place, select);
  const channelName = snapshot.channelNames[store.place];
  composer.setLabel(channelName ? `Message #${channelName}` : `Message ${snapshot.bot.displayName}`);
  renderPane(layout, store, listOptions, {
    invite: (channel) => void run('invite', { channel }),
    tab: select,
    homeCtx: (view) => ctxFor(view.id, formFor(modalOptions, view), view.errors, view.blocks),
  });
  renderThread(layout, store, listOptions, () => {
    store.thread = null;
    render();
  });
  renderModals(layout.modalLayer, snapshot.modals, modalOptions);
  appRoot.dataset.state = 'ready';
  appRoot.dataset.user = snapshot.me;
}

/** @type {Promise<void> | null} */
let refreshing = null;
let again = false;
/** Fetches the snapshot for the acting user; calls made meanwhile coalesce into one more fetch. */
function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      try {
        store.snapshot = await fetchState(store.user);
        store.user = store.snapshot.me;
        render();
      } catch (error) {
        toast(layout, String(error));
      }
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

layout.userSwitch.addEventListener('change', () => {
  store.user = layout.userSwitch.value;
  store.thread = null;
  store.dismissed.clear();
  syncUrl();
  void refresh().then(() => store.place === APP_HOME && run('home', {}));
});

// Menus close on a click elsewhere; Escape closes the open modal (or a menu), as in Slack.
document.addEventListener('click', (event) => {
  for (const menu of document.querySelectorAll('.menu:not([hidden])')) {
    if (!menu.parentElement?.contains(/** @type {Node} */ (event.target))) menu.setAttribute('hidden', '');
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const open = document.querySelectorAll('.menu:not([hidden])');
  if (open.length) {
    for (const menu of open) menu.setAttribute('hidden', '');
    return;
  }
  const top = store.snapshot?.modals.at(-1);
  if (top && !document.querySelector('.confirm-layer')) void modalOptions.close(top);
});

subscribe(
  () => void refresh(),
  (connected) => layout.live.classList.toggle('offline', !connected),
);
void refresh().then(() => store.place === APP_HOME && run('home', {}));
