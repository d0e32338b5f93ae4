import { EventEmitter } from 'node:events';
import type {
  CallLogEntry,
  Clock,
  EphemeralMessage,
  SlackChannel,
  SlackMessage,
  SlackTeam,
  SlackUser,
  StoredFile,
} from './types.js';
import { ViewStore } from './views-store.js';

export type StateChange =
  | { kind: 'message.posted' | 'message.updated' | 'message.deleted'; message: SlackMessage }
  | { kind: 'ephemeral.posted' | 'ephemeral.updated' | 'ephemeral.deleted'; message: EphemeralMessage }
  | {
      kind: 'view.opened' | 'view.updated' | 'view.closed' | 'home.published';
      viewId: string;
      userId: string;
    }
  | { kind: 'channel.changed'; channelId: string }
  | { kind: 'file.completed'; fileId: string }
  | { kind: 'call'; call: CallLogEntry };

export interface BotIdentity {
  userId: string;
  botId: string;
  appId: string;
  name: string;
}

/** In-memory workspace: team, users, channels, messages, ephemerals, views, files and the API call log. */
export class WorkspaceState {
  readonly users = new Map<string, SlackUser>();
  readonly channels = new Map<string, SlackChannel>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly files = new Map<string, StoredFile>();
  readonly callLog: CallLogEntry[] = [];
  readonly views: ViewStore;
  private readonly messagesByChannel = new Map<string, SlackMessage[]>();
  private readonly emitter = new EventEmitter();
  private lastTsMicros = 0;
  private idCounter = 0;

  constructor(
    readonly team: SlackTeam,
    readonly bot: BotIdentity,
    readonly clock: Clock,
  ) {
    this.views = new ViewStore(
      () => this.nextId('V'),
      clock,
      (change) => this.emit(change),
    );
    this.emitter.setMaxListeners(100);
  }

  /** Subscribe to every change (for a streaming UI). Returns an unsubscribe function. */
  onChange(listener: (change: StateChange) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }

  /**
   * Resolves with the predicate's first truthy result, checked now and after every change. For apps that ack
   * first and call the Web API afterwards (Bolt's processBeforeResponse: false).
   */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 2_000): Promise<T> {
    const first = predicate();
    if (first) return Promise.resolve(first);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`emulator: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const stop = this.onChange(() => {
        const result = predicate();
        if (!result) return;
        clearTimeout(timer);
        stop();
        resolve(result);
      });
    });
  }

  emit(change: StateChange): void {
    this.emitter.emit('change', change);
  }

  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}0${this.idCounter.toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** Slack-style message timestamp, strictly increasing. */
  nextTs(): string {
    const micros = Math.max(this.clock() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  addUser(user: SlackUser): SlackUser {
    this.users.set(user.id, user);
    return user;
  }

  addChannel(channel: Partial<SlackChannel> & Pick<SlackChannel, 'id' | 'name'>): SlackChannel {
    const full: SlackChannel = {
      isPrivate: false,
      isIm: false,
      isMpim: false,
      isArchived: false,
      members: [],
      created: Math.floor(this.clock() / 1000),
      creator: this.bot.userId,
      topic: '',
      purpose: '',
      ...channel,
    };
    this.channels.set(full.id, full);
    this.emit({ kind: 'channel.changed', channelId: full.id });
    return full;
  }

  /** Channel by id, by name (`deal-acme` / `#deal-acme`) or, for a user id, the DM with that user. */
  resolveChannel(idOrName: string): SlackChannel | undefined {
    const byId = this.channels.get(idOrName);
    if (byId) return byId;
    if (this.users.has(idOrName)) return this.openIm(idOrName);
    const name = idOrName.replace(/^#/, '');
    return [...this.channels.values()].find((c) => !c.isIm && c.name === name);
  }

  joinChannel(channelId: string, userId: string): void {
    const channel = this.channels.get(channelId);
    if (!channel || channel.members.includes(userId)) return;
    channel.members.push(userId);
    this.emit({ kind: 'channel.changed', channelId });
  }

  leaveChannel(channelId: string, userId: string): void {
    const channel = this.channels.get(channelId);
    if (!channel) return;
    channel.members = channel.members.filter((m) => m !== userId);
    this.emit({ kind: 'channel.changed', channelId });
  }

  isMember(channelId: string, userId: string): boolean {
    return this.channels.get(channelId)?.members.includes(userId) ?? false;
  }

  /** The bot's DM with a user, created on first use (like conversations.open). */
  openIm(userId: string): SlackChannel {
    const existing = [...this.channels.values()].find((c) => c.isIm && c.imUser === userId);
    if (existing) return existing;
    return this.addChannel({
      id: this.nextId('D'),
      name: userId,
      isPrivate: true,
      isIm: true,
      imUser: userId,
      members: [userId, this.bot.userId],
    });
  }

  addMessage(message: SlackMessage): SlackMessage {
    const list = this.messagesByChannel.get(message.channel) ?? [];
    list.push(message);
    this.messagesByChannel.set(message.channel, list);
    this.emit({ kind: 'message.posted', message });
    return message;
  }

  findMessage(channelId: string, ts: string): SlackMessage | undefined {
    return this.messagesByChannel.get(channelId)?.find((m) => m.ts === ts);
  }

  /** Any stored message (channel or ephemeral) with this ts. */
  findAnyMessage(
    ts: string,
  ):
    | { ephemeral: false; message: SlackMessage }
    | { ephemeral: true; message: EphemeralMessage }
    | undefined {
    for (const list of this.messagesByChannel.values()) {
      const message = list.find((m) => m.ts === ts);
      if (message) return { message, ephemeral: false as const };
    }
    const ephemeral = this.ephemerals.find((m) => m.ts === ts);
    return ephemeral ? { message: ephemeral, ephemeral: true as const } : undefined;
  }

  updateMessage(message: SlackMessage, changes: Partial<SlackMessage>): SlackMessage {
    Object.assign(message, changes);
    this.emit({ kind: 'message.updated', message });
    return message;
  }

  deleteMessage(message: SlackMessage): void {
    const list = this.messagesByChannel.get(message.channel) ?? [];
    this.messagesByChannel.set(
      message.channel,
      list.filter((m) => m !== message),
    );
    this.emit({ kind: 'message.deleted', message });
  }

  /** All messages of a channel (top level and replies), oldest first. */
  allMessages(channelId: string): SlackMessage[] {
    return [...(this.messagesByChannel.get(channelId) ?? [])];
  }

  /** Top-level messages (and broadcast replies), oldest first. */
  messages(channelId: string): SlackMessage[] {
    return this.allMessages(channelId).filter(
      (m) => !m.threadTs || m.threadTs === m.ts || m.replyBroadcast === true,
    );
  }

  /** Replies in a thread, oldest first, without the parent. */
  threadReplies(channelId: string, threadTs: string): SlackMessage[] {
    return this.allMessages(channelId).filter((m) => m.threadTs === threadTs && m.ts !== threadTs);
  }

  addEphemeral(message: EphemeralMessage): EphemeralMessage {
    this.ephemerals.push(message);
    this.emit({ kind: 'ephemeral.posted', message });
    return message;
  }

  removeEphemeral(message: EphemeralMessage): void {
    const index = this.ephemerals.indexOf(message);
    if (index < 0) return;
    this.ephemerals.splice(index, 1);
    this.emit({ kind: 'ephemeral.deleted', message });
  }

  updateEphemeral(message: EphemeralMessage, changes: Partial<EphemeralMessage>): EphemeralMessage {
    Object.assign(message, changes);
    this.emit({ kind: 'ephemeral.updated', message });
    return message;
  }

  ephemeralsFor(userId: string, channelId?: string): EphemeralMessage[] {
    return this.ephemerals.filter((m) => m.user === userId && (!channelId || m.channel === channelId));
  }

  /** Messages in the bot's DM with a user, oldest first. */
  dmsTo(userId: string): SlackMessage[] {
    const im = [...this.channels.values()].find((c) => c.isIm && c.imUser === userId);
    return im ? this.allMessages(im.id) : [];
  }

  logCall(entry: CallLogEntry): void {
    this.callLog.push(entry);
    this.emit({ kind: 'call', call: entry });
  }

  calls(method?: string): CallLogEntry[] {
    return method ? this.callLog.filter((c) => c.method === method) : [...this.callLog];
  }
}
