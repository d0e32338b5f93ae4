import { recipientNextRun } from '../../../../domain/nudges/index.js';
import { type NudgePreviewPlan, planNudgePreview } from '../../../../services/nudge-preview.js';
import { userZone } from '../../../flows/user-time.js';
import { nudgeMessages } from '../../../flows/weekly-nudges.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { escapeMrkdwn } from '../../../views/mrkdwn.js';
import { nudgePreviewMessage } from '../../../views/nudge-preview.js';
import type { SubcommandContext } from './types.js';

/**
 * `/vision nudges preview` in a deal channel: what this deal's next weekly nudge would say, shown only to the
 * caller. The job's own plan and builder: no post, no run or send rows, no claims.
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
  let plan: NudgePreviewPlan | null = null;
  try {
    plan = await planNudgePreview(ctx.deps, { teamId: ctx.teamId, now, dealId: deal.id });
  } catch (error) {
    ctx.deps.logger.warn(`nudge preview for deal ${deal.id} failed`, error);
  }
  if (plan?.status === 'disabled') {
    await ctx.respond({
      response_type: 'ephemeral',
      text: 'Weekly nudges are turned off for this workspace. `/vision nudges` opens the settings.',
    });
    return;
  }
  if (plan?.status !== 'preview') {
    await ctx.respond({
      response_type: 'ephemeral',
      text: 'Sorry, the nudge preview failed. Please try again in a moment.',
    });
    return;
  }
  const { settings } = await ctx.deps.repos.workspaces.get(ctx.teamId);
  // The channel nudge goes out at the slot on the deal owner's own clock.
  const ownerZone = await userZone(ctx.client, deal.ownerUserId, settings.timeZone, ctx.deps.logger);
  const next = recipientNextRun(settings, ownerZone, await ctx.deps.repos.nudges.lastRunKey(ctx.teamId), now);
  const channelMessage = nudgeMessages(plan.team, { interactive: false }).find(
    (m) => m.kind === 'channel' && m.target === deal.channelId,
  );
  await ctx.respond({
    response_type: 'ephemeral',
    ...nudgePreviewMessage({
      accountName: deal.accountName,
      scheduledFor: next.at,
      dueNow: next.dueNow,
      timeZone: ownerZone,
      message: channelMessage?.message ?? null,
    }),
  });
}
