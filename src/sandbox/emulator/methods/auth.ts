import type { MethodHandler } from './context.js';

const test: MethodHandler = (_raw, ctx) => {
  const user = ctx.state.users.get(ctx.caller.userId);
  return {
    ok: true,
    url: `https://${ctx.state.team.domain}.slack.com/`,
    team: ctx.state.team.name,
    user: user?.name ?? ctx.state.bot.name,
    team_id: ctx.state.team.id,
    user_id: ctx.caller.userId,
    ...(ctx.caller.isBot ? { bot_id: ctx.state.bot.botId, app_id: ctx.state.bot.appId } : {}),
    is_enterprise_install: false,
  };
};

export const authMethods: Record<string, MethodHandler> = { 'auth.test': test };
