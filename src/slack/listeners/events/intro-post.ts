import type { WebClient } from '@slack/web-api';
import { once } from '../../../services/once.js';
import type { AppDeps } from '../../deps.js';
import { activeDealForChannel } from '../../guards/deal.js';
import { introMessage } from '../../views/setup.js';

/** An intro is posted at most once per channel, ever (ten years is "ever" for a deal channel). */
const INTRO_KEY_TTL_SECONDS = 10 * 365 * 86_400;

/**
 * Posts the one intro with the "Set up this deal" button, unless the channel already had one (bot re-added,
 * channel_created followed by our own member_joined_channel, Slack retries) or is already linked to a deal.
 */
export async function postIntroOnce(
  deps: AppDeps,
  client: WebClient,
  teamId: string,
  channelId: string,
): Promise<'posted' | 'skipped'> {
  if (await activeDealForChannel(deps, teamId, channelId)) return 'skipped';
  const key = `intro:${channelId}`;
  try {
    const result = await once(
      deps.repos.idempotency,
      teamId,
      key,
      () => client.chat.postMessage({ channel: channelId, ...introMessage() }),
      { now: deps.clock(), ttlSeconds: INTRO_KEY_TTL_SECONDS },
    );
    return result.status === 'done' ? 'posted' : 'skipped';
  } catch (error) {
    deps.logger.warn(`posting the intro in ${channelId} failed`, error);
    return 'skipped';
  }
}
