import { z } from 'zod';
import { userJson } from '../serialize.js';
import { type MethodHandler, parseArgs, SlackApiError } from './context.js';

const info: MethodHandler = (raw, ctx) => {
  const args = parseArgs(z.object({ user: z.string().min(1) }), raw);
  const user = ctx.state.users.get(args.user);
  if (!user) throw new SlackApiError('user_not_found');
  return { ok: true, user: userJson(ctx.state, user) };
};

const list: MethodHandler = (_raw, ctx) => ({
  ok: true,
  members: [...ctx.state.users.values()].map((u) => userJson(ctx.state, u)),
  cache_ts: Math.floor(ctx.state.clock() / 1000),
  response_metadata: { next_cursor: '' },
});

export const usersMethods: Record<string, MethodHandler> = {
  'users.info': info,
  'users.list': list,
};
