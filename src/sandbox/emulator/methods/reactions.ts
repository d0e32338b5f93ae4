import { z } from 'zod';
import { type MethodHandler, parseArgs, requireChannel, SlackApiError } from './context.js';

const args = z.object({ channel: z.string().min(1), timestamp: z.string().min(1), name: z.string().min(1) });

const add: MethodHandler = (raw, ctx) => {
  const input = parseArgs(args, raw);
  const channel = requireChannel(ctx, input.channel);
  const message = ctx.state.findMessage(channel.id, input.timestamp);
  if (!message) throw new SlackApiError('message_not_found');
  const name = input.name.replace(/^:|:$/g, '');
  if (!/^[a-z0-9_+'-]+(::skin-tone-\d)?$/.test(name)) throw new SlackApiError('invalid_name');
  const existing = message.reactions.find((r) => r.name === name);
  if (existing?.users.includes(ctx.caller.userId)) throw new SlackApiError('already_reacted');
  const reactions = existing
    ? message.reactions.map((r) =>
        r === existing ? { ...r, users: [...r.users, ctx.caller.userId], count: r.count + 1 } : r,
      )
    : [...message.reactions, { name, users: [ctx.caller.userId], count: 1 }];
  ctx.state.updateMessage(message, { reactions });
  return { ok: true };
};

const remove: MethodHandler = (raw, ctx) => {
  const input = parseArgs(args, raw);
  const channel = requireChannel(ctx, input.channel);
  const message = ctx.state.findMessage(channel.id, input.timestamp);
  if (!message) throw new SlackApiError('message_not_found');
  const existing = message.reactions.find((r) => r.name === input.name);
  if (!existing?.users.includes(ctx.caller.userId)) throw new SlackApiError('no_reaction');
  const reactions = message.reactions
    .map((r) =>
      r === existing
        ? { ...r, users: r.users.filter((u) => u !== ctx.caller.userId), count: r.count - 1 }
        : r,
    )
    .filter((r) => r.count > 0);
  ctx.state.updateMessage(message, { reactions });
  return { ok: true };
};

export const reactionsMethods: Record<string, MethodHandler> = {
  'reactions.add': add,
  'reactions.remove': remove,
};
