import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';

const MAX_MEMBER_PAGES = 20;

/**
 * Whether this user may change this deal from an untrusted payload: its owner, or a member of its channel as
 * Slack says now. A modal's metadata can name any deal of the workspace, including one of a private channel the
 * user is not in. Slack refusing to list the channel (the app was removed from it) means no; an outage throws.
 */
export async function userMayActOnDeal(client: WebClient, deal: Deal, userId: string): Promise<boolean> {
  if (deal.ownerUserId === userId) return true;
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
      const result = await client.conversations.members({
        channel: deal.channelId,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      if (result.members?.includes(userId)) return true;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) return false;
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'slack_webapi_platform_error') return false;
    throw error;
  }
  return false;
}
