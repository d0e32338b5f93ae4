import { z } from 'zod';
import { channelJson, messageJson } from '../serialize.js';
import type { SlackMessage } from '../types.js';
import {
  boolField,
  type MethodHandler,
  numberField,
  parseArgs,
  requireChannel,
  requireMembership,
  SlackApiError,
} from './context.js';

const page = { cursor: z.string().optional(), limit: numberField.optional() };

/** Cursor = offset as base64 text, like Slack's opaque `next_cursor`. */
function paginate<T>(items: T[], cursor: string | undefined, limit: number | undefined) {
  const start = cursor
    ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', '')) || 0
    : 0;
  const size = limit && limit > 0 ? Math.min(limit, 1000) : 100;
  const slice = items.slice(start, start + size);
  const hasMore = start + size < items.length;
  const nextCursor = hasMore ? Buffer.from(`offset:${start + size}`).toString('base64') : '';
  return { slice, hasMore, nextCursor };
}

const info: MethodHandler = (raw, ctx) => {
  const args = parseArgs(z.object({ channel: z.string().min(1) }), raw);
  const channel = requireChannel(ctx, args.channel);
  return { ok: true, channel: channelJson(ctx.state, channel) };
};

const members: MethodHandler = (raw, ctx) => {
  const args = parseArgs(z.object({ channel: z.string().min(1), ...page }), raw);
  const channel = requireChannel(ctx, args.channel);
  const { slice, nextCursor } = paginate(channel.members, args.cursor, args.limit);
  return { ok: true, members: slice, response_metadata: { next_cursor: nextCursor } };
};

const historyArgs = z.object({
  channel: z.string().min(1),
  latest: z.string().optional(),
  oldest: z.string().optional(),
  inclusive: boolField.optional(),
  ...page,
});

function inRange(m: SlackMessage, oldest?: string, latest?: string, inclusive = false): boolean {
  const ts = Number(m.ts);
  if (oldest && (inclusive ? ts < Number(oldest) : ts <= Number(oldest))) return false;
  if (latest && (inclusive ? ts > Number(latest) : ts >= Number(latest))) return false;
  return true;
}

const history: MethodHandler = (raw, ctx) => {
  const args = parseArgs(historyArgs, raw);
  const channel = requireMembership(ctx, args.channel);
  const newestFirst = ctx.state
    .messages(channel.id)
    .filter((m) => inRange(m, args.oldest, args.latest, args.inclusive))
    .reverse();
  const { slice, hasMore, nextCursor } = paginate(newestFirst, args.cursor, args.limit);
  return {
    ok: true,
    messages: slice.map((m) => messageJson(ctx.state, m)),
    has_more: hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: nextCursor },
  };
};

const repliesArgs = z.object({
  channel: z.string().min(1),
  ts: z.string().min(1),
  latest: z.string().optional(),
  oldest: z.string().optional(),
  inclusive: boolField.optional(),
  ...page,
});

const replies: MethodHandler = (raw, ctx) => {
  const args = parseArgs(repliesArgs, raw);
  const channel = requireMembership(ctx, args.channel);
  const message = ctx.state.findMessage(channel.id, args.ts);
  if (!message) throw new SlackApiError('thread_not_found');
  const parentTs = message.threadTs ?? message.ts;
  const parent = ctx.state.findMessage(channel.id, parentTs);
  const thread = [...(parent ? [parent] : []), ...ctx.state.threadReplies(channel.id, parentTs)].filter((m) =>
    inRange(m, args.oldest, args.latest, args.inclusive ?? true),
  );
  const { slice, hasMore, nextCursor } = paginate(thread, args.cursor, args.limit);
  return {
    ok: true,
    messages: slice.map((m) => messageJson(ctx.state, m)),
    has_more: hasMore,
    response_metadata: { next_cursor: nextCursor },
  };
};

const openArgs = z.object({
  users: z.string().optional(),
  channel: z.string().optional(),
  return_im: boolField.optional(),
});

const open: MethodHandler = (raw, ctx) => {
  const args = parseArgs(openArgs, raw);
  if (args.channel) return { ok: true, channel: { id: requireChannel(ctx, args.channel).id } };
  const userIds = (args.users ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (userIds.length === 0) throw new SlackApiError('users_list_not_supplied');
  for (const id of userIds) if (!ctx.state.users.has(id)) throw new SlackApiError('user_not_found');
  if (userIds.length === 1) {
    const im = ctx.state.openIm(userIds[0]!);
    return { ok: true, channel: args.return_im ? channelJson(ctx.state, im) : { id: im.id } };
  }
  const memberIds = [...new Set([...userIds, ctx.caller.userId])].sort();
  const name = `mpdm-${memberIds.join('--')}-1`;
  const mpim =
    ctx.state.resolveChannel(name) ??
    ctx.state.addChannel({
      id: ctx.state.nextId('G'),
      name,
      isPrivate: true,
      isMpim: true,
      members: memberIds,
    });
  return { ok: true, channel: { id: mpim.id } };
};

const join: MethodHandler = (raw, ctx) => {
  const args = parseArgs(z.object({ channel: z.string().min(1) }), raw);
  const channel = requireChannel(ctx, args.channel);
  if (channel.isPrivate) throw new SlackApiError('method_not_supported_for_channel_type');
  if (channel.isArchived) throw new SlackApiError('is_archived');
  const already = channel.members.includes(ctx.caller.userId);
  ctx.state.joinChannel(channel.id, ctx.caller.userId);
  const warning = already
    ? { warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } }
    : {};
  return { ok: true, channel: channelJson(ctx.state, channel), ...warning };
};

const list: MethodHandler = (raw, ctx) => {
  const args = parseArgs(z.object({ types: z.string().optional(), ...page }), raw);
  const types = (args.types ?? 'public_channel').split(',');
  const visible = [...ctx.state.channels.values()].filter((c) => {
    if (c.isIm) return types.includes('im') && c.members.includes(ctx.caller.userId);
    if (c.isMpim) return types.includes('mpim') && c.members.includes(ctx.caller.userId);
    if (c.isPrivate) return types.includes('private_channel') && c.members.includes(ctx.caller.userId);
    return types.includes('public_channel');
  });
  const { slice, nextCursor } = paginate(visible, args.cursor, args.limit);
  return {
    ok: true,
    channels: slice.map((c) => channelJson(ctx.state, c)),
    response_metadata: { next_cursor: nextCursor },
  };
};

export const conversationsMethods: Record<string, MethodHandler> = {
  'conversations.info': info,
  'conversations.members': members,
  'conversations.history': history,
  'conversations.replies': replies,
  'conversations.open': open,
  'conversations.join': join,
  'conversations.list': list,
};
