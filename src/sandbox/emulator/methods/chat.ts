import { z } from 'zod';
import { LIMITS } from '../../../slack/views/limits.js';
import { validateBlocks } from '../block-kit-rules.js';
import { normalizeBlocks } from '../normalize.js';
import { messageJson } from '../serialize.js';
import type { Block, JsonObject, SlackMessage } from '../types.js';
import {
  blocksField,
  boolField,
  type MethodContext,
  type MethodHandler,
  objectField,
  parseArgs,
  requireChannel,
  requireMembership,
  SlackApiError,
} from './context.js';

const content = {
  text: z.string().optional(),
  blocks: blocksField.optional(),
  attachments: blocksField.optional(),
};

const postArgs = z.object({
  channel: z.string().min(1),
  ...content,
  thread_ts: z.string().optional(),
  reply_broadcast: boolField.optional(),
  metadata: objectField.optional(),
  username: z.string().optional(),
  icon_emoji: z.string().optional(),
  unfurl_links: boolField.optional(),
  unfurl_media: boolField.optional(),
  mrkdwn: boolField.optional(),
});

/** Checks text / blocks like Slack: something to show, within the limits. */
export function checkMessageContent(input: { text?: string; blocks?: Block[]; attachments?: Block[] }): void {
  const hasText = (input.text ?? '').trim().length > 0;
  if (!hasText && !input.blocks?.length && !input.attachments?.length) throw new SlackApiError('no_text');
  if ((input.text ?? '').length > LIMITS.messageText) throw new SlackApiError('msg_too_long');
  if (input.blocks) {
    const errors = validateBlocks(input.blocks, 'message');
    if (errors.length > 0) {
      throw new SlackApiError('invalid_blocks', {
        errors,
        response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
      });
    }
  }
}

/** Resolves thread_ts to the thread's parent in the channel. */
export function resolveThread(ctx: MethodContext, channelId: string, threadTs?: string): string | undefined {
  if (!threadTs) return undefined;
  const parent = ctx.state.findMessage(channelId, threadTs);
  if (!parent) throw new SlackApiError('thread_not_found');
  return parent.threadTs ?? parent.ts;
}

export function botMessage(ctx: MethodContext, fields: Omit<SlackMessage, 'ts' | 'reactions'>): SlackMessage {
  const ts = ctx.state.nextTs();
  const message: SlackMessage = {
    ...fields,
    ts,
    reactions: [],
    user: ctx.caller.userId,
    botId: ctx.caller.isBot ? ctx.state.bot.botId : undefined,
    appId: ctx.caller.isBot ? ctx.state.bot.appId : undefined,
    blocks: normalizeBlocks(fields.blocks, ts),
  };
  if (message.threadTs) {
    const parent = ctx.state.findMessage(message.channel, message.threadTs);
    if (parent && !parent.threadTs) ctx.state.updateMessage(parent, { threadTs: parent.ts });
  }
  return ctx.state.addMessage(message);
}

const postMessage: MethodHandler = (raw, ctx) => {
  const args = parseArgs(postArgs, raw);
  const channel = requireMembership(ctx, args.channel);
  if (channel.isArchived) throw new SlackApiError('is_archived');
  checkMessageContent(args);
  const threadTs = resolveThread(ctx, channel.id, args.thread_ts);
  const message = botMessage(ctx, {
    channel: channel.id,
    text: args.text ?? '',
    blocks: args.blocks,
    attachments: args.attachments,
    metadata: args.metadata,
    threadTs,
    replyBroadcast: threadTs ? args.reply_broadcast : undefined,
  });
  return { ok: true, channel: channel.id, ts: message.ts, message: messageJson(ctx.state, message) };
};

const updateArgs = z.object({ channel: z.string().min(1), ts: z.string().min(1), ...content });

function ownMessage(ctx: MethodContext, channelId: string, ts: string, denied: string): SlackMessage {
  const channel = requireChannel(ctx, channelId);
  const message = ctx.state.findMessage(channel.id, ts);
  if (!message) throw new SlackApiError('message_not_found');
  if (message.user !== ctx.caller.userId) throw new SlackApiError(denied);
  return message;
}

const update: MethodHandler = (raw, ctx) => {
  const args = parseArgs(updateArgs, raw);
  const message = ownMessage(ctx, args.channel, args.ts, 'cant_update_message');
  checkMessageContent({
    text: args.text ?? message.text,
    blocks: args.blocks ?? message.blocks,
    attachments: args.attachments,
  });
  ctx.state.updateMessage(message, {
    text: args.text ?? message.text,
    blocks: args.blocks
      ? normalizeBlocks(args.blocks, `${message.ts}:${ctx.state.nextTs()}`)
      : message.blocks,
    attachments: args.attachments ?? message.attachments,
    edited: { user: ctx.caller.userId, ts: ctx.state.nextTs() },
  });
  const json = messageJson(ctx.state, message);
  return { ok: true, channel: message.channel, ts: message.ts, text: message.text, message: json };
};

const deleteArgs = z.object({ channel: z.string().min(1), ts: z.string().min(1) });

const del: MethodHandler = (raw, ctx) => {
  const args = parseArgs(deleteArgs, raw);
  const message = ownMessage(ctx, args.channel, args.ts, 'cant_delete_message');
  ctx.state.deleteMessage(message);
  return { ok: true, channel: message.channel, ts: message.ts };
};

const ephemeralArgs = z.object({
  channel: z.string().min(1),
  user: z.string().min(1),
  ...content,
  thread_ts: z.string().optional(),
});

const postEphemeral: MethodHandler = (raw, ctx) => {
  const args = parseArgs(ephemeralArgs, raw);
  const channel = requireMembership(ctx, args.channel);
  if (!ctx.state.users.has(args.user)) throw new SlackApiError('user_not_found');
  if (!channel.members.includes(args.user)) throw new SlackApiError('user_not_in_channel');
  checkMessageContent(args);
  const ts = ctx.state.nextTs();
  ctx.state.addEphemeral({
    channel: channel.id,
    user: args.user,
    ts,
    threadTs: args.thread_ts,
    text: args.text ?? '',
    blocks: normalizeBlocks(args.blocks, ts),
    source: 'api',
  });
  return { ok: true, message_ts: ts };
};

const permalinkArgs = z.object({ channel: z.string().min(1), message_ts: z.string().min(1) });

const getPermalink: MethodHandler = (raw, ctx) => {
  const args = parseArgs(permalinkArgs, raw);
  const channel = requireChannel(ctx, args.channel);
  const message = ctx.state.findMessage(channel.id, args.message_ts);
  if (!message) throw new SlackApiError('message_not_found');
  const base = `https://${ctx.state.team.domain}.slack.com/archives/${channel.id}/p${message.ts.replace('.', '')}`;
  const isReply = message.threadTs && message.threadTs !== message.ts;
  const permalink = isReply ? `${base}?thread_ts=${message.threadTs}&cid=${channel.id}` : base;
  return { ok: true, channel: channel.id, permalink } satisfies JsonObject;
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.delete': del,
  'chat.postEphemeral': postEphemeral,
  'chat.getPermalink': getPermalink,
};
