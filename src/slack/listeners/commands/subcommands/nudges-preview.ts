import { runWeeklyNudges } from '../../../../scheduling/run-weekly-nudges.js';
import { dealForChannelOrExplain } from '../../../guards/deal-for-channel.js';
import { escapeMrkdwn } from '../../../views/mrkdwn.js';
import { nudgePreviewMessage } from '../../../views/nudge-preview.js';
import type { SubcommandContext } from './types.js';

/**
 * `/vision nudges preview` in a deal channel: what this deal's next weekly nudge would say, shown only to the
 * caller. A dry run of the real job (same plan, same builder): no post, no run or send rows, no claims.
 */
export async function previewDealNudge(ctx: SubcommandContext): Promise<void> {
  const deal = await dealForChannelOrExplain(ctx.deps, ctx.teamId, ctx.channelId, ctx.respond);
  if (!deal) return;
  const account = escapeMrkdwn(deal.accountName);
  if (deal.nudgesMuted) {
    await ctx.respond({
      response_type: 'ephemeral',
      text: `Weekly nudges are off for ${account}, so the next run posts nothing here. \`/vision nudges on\` turns them back on.`,
    });
    return;
  }
  const now = ctx.deps.clock();
  const [report] = await runWeeklyNudges({
    now,
    deps: ctx.deps,
    client: ctx.client,
    teamId: ctx.teamId,
    dealId: deal.id,
    dryRun: true,
    interactive: false,
  });
  if (report?.status === 'disabled') {
    await ctx.respond({
      response_type: 'ephemeral',
      text: 'Weekly nudges are turned off for this workspace. `/vision nudges` opens the settings.',
    });
    return;
  }
  if (report?.status !== 'preview' || !report.scheduledFor) {
    ctx.deps.logger.warn(`nudge preview for deal ${deal.id} failed: ${report?.error ?? report?.status}`);
    await ctx.respond({
      response_type: 'ephemeral',
      text: 'Sorry, the nudge preview failed. Please try again in a moment.',
    });
    return;
  }
  const { settings } = await ctx.deps.repos.workspaces.get(ctx.teamId);
  const channelMessage = report.preview.find((m) => m.kind === 'channel' && m.target === deal.channelId);
  await ctx.respond({
    response_type: 'ephemeral',
    ...nudgePreviewMessage({
      accountName: deal.accountName,
      scheduledFor: report.scheduledFor,
      dueNow: report.scheduledFor.getTime() <= now.getTime(),
      timeZone: settings.timeZone,
      message: channelMessage?.message ?? null,
    }),
  });
}
