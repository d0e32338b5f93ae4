import { runDraft } from '../../../flows/drafts.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { historyMessage } from '../../../views/draft-parent.js';
import { escapeMrkdwn } from '../../../views/mrkdwn.js';
import type { Subcommand } from './types.js';

/**
 * `/vision draft`: the shared vision from the deal's entries (short parent message, full draft in its thread,
 * listening check privately to you). `/vision draft history`: the stored versions, only to you.
 */
export function draftSubcommand(): Subcommand {
  return {
    name: 'draft',
    usage: 'draft [history]',
    summary:
      'Draft the shared vision in the customer’s words (full draft in a thread); `history` lists versions',
    group: 'Shared vision',
    async run(ctx) {
      const mode = ctx.args.trim().toLowerCase();
      if (mode !== '' && mode !== 'history') {
        await ctx.respond({
          response_type: 'ephemeral',
          text: `\`/vision draft\` takes nothing or \`history\`, not "${escapeMrkdwn(ctx.args.slice(0, 50))}".`,
        });
        return;
      }
      const deal = await dealForChannelOrExplain(ctx.deps, ctx.teamId, ctx.channelId, ctx.respond);
      if (!deal) return;
      if (mode === 'history') {
        const versions = await ctx.deps.repos.drafts.list(ctx.teamId, deal.id);
        const message = historyMessage(deal, versions);
        await ctx.respond({
          response_type: 'ephemeral',
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks } : {}),
        });
        return;
      }
      await runDraft(ctx.deps, ctx.client, {
        teamId: ctx.teamId,
        channelId: ctx.channelId,
        userId: ctx.userId,
        deal,
        notify: async (text) => {
          await ctx.respond({ response_type: 'ephemeral', text });
        },
      });
    },
  };
}
