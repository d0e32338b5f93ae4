import { isValidTimeZone } from '../../../../domain/nudges/index.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../../../domain/workspaces.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { escapeMrkdwn } from '../../../views/mrkdwn.js';
import { nudgeSettingsModal } from '../../../views/nudge-modals.js';
import { previewDealNudge } from './nudges-preview.js';
import type { Subcommand, SubcommandContext } from './types.js';

/** The workspace zone once set; until then the zone of the user opening the settings (users.info tz). */
async function defaultTimeZone(ctx: SubcommandContext, stored: string): Promise<string> {
  if (stored !== DEFAULT_WORKSPACE_SETTINGS.timeZone) return stored;
  try {
    const info = await ctx.client.users.info({ user: ctx.userId });
    const tz = info.user?.tz;
    return tz && isValidTimeZone(tz) ? tz : stored;
  } catch {
    return stored;
  }
}

async function setMuted(ctx: SubcommandContext, muted: boolean): Promise<void> {
  const deal = await dealForChannelOrExplain(ctx.deps, ctx.teamId, ctx.channelId, ctx.respond);
  if (!deal) return;
  await ctx.deps.repos.deals.update(ctx.teamId, deal.id, { nudgesMuted: muted });
  const name = escapeMrkdwn(deal.accountName);
  await ctx.respond({
    response_type: 'ephemeral',
    text: muted
      ? `Weekly nudges are off for ${name}. \`/vision nudges on\` turns them back on; \`/vision stalled\` still lists stalled decisions.`
      : `Weekly nudges are on again for ${name}.`,
  });
}

const MAX_STALL_DAYS = 90;

/** `/vision nudges stall <days>|default`: this deal's own stall period (overrides the workspace's). */
async function setStallDays(ctx: SubcommandContext, value: string): Promise<void> {
  const deal = await dealForChannelOrExplain(ctx.deps, ctx.teamId, ctx.channelId, ctx.respond);
  if (!deal) return;
  const { settings } = await ctx.deps.repos.workspaces.get(ctx.teamId);
  const days = value === 'default' ? null : /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (days !== null && !(days >= 1 && days <= MAX_STALL_DAYS)) {
    await ctx.respond({
      response_type: 'ephemeral',
      text: `Give a number of days from 1 to ${MAX_STALL_DAYS}, e.g. \`/vision nudges stall 14\`, or \`/vision nudges stall default\` to use the workspace's ${settings.stallDays} days.`,
    });
    return;
  }
  await ctx.deps.repos.deals.update(ctx.teamId, deal.id, { stallDays: days });
  const name = escapeMrkdwn(deal.accountName);
  await ctx.respond({
    response_type: 'ephemeral',
    text:
      days === null
        ? `Decisions at ${name} now count as stalled after the workspace's ${settings.stallDays} days without activity.`
        : `Decisions at ${name} now count as stalled after ${days} day${days === 1 ? '' : 's'} without activity (the workspace default is ${settings.stallDays}).`,
  });
}

/**
 * `/vision nudges` opens the workspace settings; `/vision nudges stall <days>|default` sets this deal's period; `/vision nudges off|on` mutes or unmutes this deal;
 * `/vision nudges preview` shows the caller what this deal's next weekly nudge would say.
 */
export function nudgesSubcommand(): Subcommand {
  return {
    name: 'nudges',
    usage: 'nudges [on|off|preview|stall <days>]',
    summary:
      'Weekly nudge settings; "off" / "on" mutes or unmutes this deal; "preview" shows its next nudge; "stall 14" sets its stall period',
    group: 'Settings',
    async run(ctx) {
      const arg = ctx.args.trim().toLowerCase();
      if (arg === 'off' || arg === 'on') return setMuted(ctx, arg === 'off');
      if (arg === 'preview') return previewDealNudge(ctx);
      const stall = /^stall(?:\s+(\S+))?$/.exec(arg);
      if (stall) return setStallDays(ctx, stall[1] ?? '');
      if (arg !== '') {
        await ctx.respond({
          response_type: 'ephemeral',
          text: "Usage: `/vision nudges` (settings), `/vision nudges off` or `/vision nudges on` (this deal), `/vision nudges preview` (this deal's next nudge, only to you), `/vision nudges stall 14` (this deal's stall period in days).",
        });
        return;
      }
      const { settings } = await ctx.deps.repos.workspaces.get(ctx.teamId);
      const timeZone = await defaultTimeZone(ctx, settings.timeZone);
      await ctx.client.views.open({
        trigger_id: ctx.triggerId,
        view: nudgeSettingsModal(settings, timeZone),
      });
    },
  };
}
