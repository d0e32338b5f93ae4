import type { WorkspaceState } from '../emulator/state.js';
import type { Block, EphemeralMessage, JsonObject, SlackMessage, StoredView } from '../emulator/types.js';
import type { MessageShortcut } from './shortcuts.js';

/** What the browser needs to draw the workspace as one user sees it. */
export interface SandboxSnapshot {
  team: { id: string; name: string };
  me: string;
  bot: { userId: string; name: string; displayName: string };
  users: Array<{ id: string; name: string; realName: string; isBot: boolean }>;
  channels: Array<{ id: string; name: string; isIm: boolean; botMember: boolean; topic: string }>;
  /** Names of every channel, for `<#C…>` mentions of channels this user is not in. */
  channelNames: Record<string, string>;
  /** Every message (top level and replies) per visible channel, oldest first. */
  messages: Record<string, SnapshotMessage[]>;
  ephemerals: SnapshotMessage[];
  /** The user's open modal stack, bottom first. */
  modals: SnapshotView[];
  home: SnapshotView | null;
  shortcuts: MessageShortcut[];
}

export interface SnapshotMessage {
  ts: string;
  channel: string;
  threadTs: string | null;
  user: string | null;
  isBot: boolean;
  text: string;
  blocks: Block[];
  edited: boolean;
  ephemeral: boolean;
}

export interface SnapshotView {
  id: string;
  hash: string;
  title: string;
  submit: string | null;
  close: string | null;
  blocks: Block[];
  values: StoredView['values'];
  errors: Record<string, string>;
}

const plainText = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && typeof (value as JsonObject).text === 'string'
    ? String((value as JsonObject).text)
    : null;

function messageOut(m: SlackMessage | EphemeralMessage, ephemeral: boolean, state: WorkspaceState) {
  const sender = 'botId' in m && m.botId ? state.bot.userId : m.user;
  return {
    ts: m.ts,
    channel: m.channel,
    threadTs: m.threadTs ?? null,
    user: ephemeral ? state.bot.userId : (sender ?? null),
    isBot: ephemeral || ('botId' in m && Boolean(m.botId)),
    text: m.text,
    blocks: m.blocks ?? [],
    edited: 'edited' in m && Boolean(m.edited),
    ephemeral,
  } satisfies SnapshotMessage;
}

function viewOut(view: StoredView): SnapshotView {
  const d = view.definition;
  return {
    id: view.id,
    hash: view.hash,
    title: plainText(d.title) ?? '',
    submit: plainText(d.submit),
    close: plainText(d.close),
    blocks: Array.isArray(d.blocks) ? (d.blocks as Block[]) : [],
    values: view.values,
    errors: view.errors ?? {},
  };
}

export function buildSnapshot(
  state: WorkspaceState,
  userId: string,
  shortcuts: MessageShortcut[],
  botDisplayName: string,
): SandboxSnapshot {
  const visible = [...state.channels.values()].filter((c) =>
    c.isIm ? c.imUser === userId : !c.isArchived && c.members.includes(userId),
  );
  const messages: SandboxSnapshot['messages'] = {};
  for (const channel of visible) {
    messages[channel.id] = state.allMessages(channel.id).map((m) => messageOut(m, false, state));
  }
  const home = state.views.home(userId);
  return {
    team: { id: state.team.id, name: state.team.name },
    me: userId,
    bot: { userId: state.bot.userId, name: state.bot.name, displayName: botDisplayName },
    users: [...state.users.values()]
      .filter((u) => !u.deleted)
      .map((u) => ({ id: u.id, name: u.name, realName: u.realName, isBot: u.isBot })),
    channels: visible
      .map((c) => ({
        id: c.id,
        name: c.name,
        isIm: c.isIm,
        botMember: c.members.includes(state.bot.userId),
        topic: c.topic || c.purpose,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    channelNames: Object.fromEntries(
      [...state.channels.values()].filter((c) => !c.isIm).map((c) => [c.id, c.name]),
    ),
    messages,
    ephemerals: state.ephemeralsFor(userId).map((m) => messageOut(m, true, state)),
    modals: state.views.stack(userId).map(viewOut),
    home: home ? viewOut(home) : null,
    shortcuts,
  };
}
