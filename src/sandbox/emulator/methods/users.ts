import { z } from 'zod';
import { userJson } from '../serialize.js';
import { type MethodHandler, parseArgs, SlackApiError } from './context.js';

const info: MethodHandler = (raw, ctx) => {
  const args = parseArgs(
    z.object({ user: z.string().min(1), include_locale: z.union([z.boolean(), z.string()]).optional() }),
    raw,
  );
  const user = ctx.state.users.get(args.user);
  if (!user) throw new SlackApiError('user_not_found');
  const withLocale = args.include_locale === true || args.include_locale === 'true';
  const json = userJson(ctx.state, user);
  return { ok: true, user: withLocale ? { ...json, locale: user.locale ?? 'en-US' } : json };
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
