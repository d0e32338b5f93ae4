import { latestDraftExport } from '../../../../services/drafts-export.js';
import { isExternallyShared } from '../../../flows/channel-sharing.js';
import { sharePreview } from '../../../flows/share-with-customer.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { escapeMrkdwn, mentionUser } from '../../../views/mrkdwn.js';
import type { Subcommand } from './types.js';

/**
 * `/vision export`: the latest draft as a customer-readable Markdown file, uploaded to the channel. In a channel
 * shared with the customer it opens the "Share with customer" preview instead: nothing goes there unseen.
 */
export function exportSubcommand(): Subcommand {
  return {
    name: 'export',
    usage: 'export',
    summary: 'Upload "Here’s what we heard" (the latest draft, customer-readable Markdown) to this channel',
    group: 'Shared vision',
    async run(ctx) {
      const deal = await dealForChannelOrExplain(ctx.deps, ctx.teamId, ctx.channelId, ctx.respond);
      if (!deal) return;
      const found = await latestDraftExport(ctx.deps.repos, ctx.teamId, ctx.channelId);
      if (!found.ok) {
        await ctx.respond({ response_type: 'ephemeral', text: escapeMrkdwn(found.message) });
        return;
      }
      if (await isExternallyShared(ctx.deps, ctx.client, ctx.teamId, ctx.channelId)) {
        // The customer reads this channel: nothing is posted without the "Share with customer" preview.
        const view = await sharePreview(ctx.deps, {
          teamId: ctx.teamId,
          userId: ctx.userId,
          draft: found.version,
          deal: found.deal,
        });
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view });
        return;
      }
      try {
        await ctx.client.files.uploadV2({
          channel_id: ctx.channelId,
          content: found.markdown,
          filename: found.filename,
          title: found.title,
          initial_comment: `${escapeMrkdwn(found.title)}, exported by ${mentionUser(ctx.userId)}. Review it before you send it to the customer.`,
        });
      } catch (error) {
        ctx.deps.logger.warn('export: upload failed', error);
        await ctx.respond({
          response_type: 'ephemeral',
          text: 'I could not upload the file here. Invite me to the channel (`/invite @Vision`) and try again.',
        });
      }
    },
  };
}
