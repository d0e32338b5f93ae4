import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { ItemResolution } from '../../domain/nudges/resolution.js';
import type { AppLogger } from '../../logger.js';
import { resolveItemInBlocks } from '../views/nudge-blocks.js';

const historySchema = z.object({
  messages: z
    .array(z.object({ ts: z.string(), text: z.string().optional(), blocks: z.array(z.unknown()).optional() }))
    .optional(),
});

/** The current blocks of a message the app posted (from the click payload, else from the channel history). */
export async function currentBlocks(
  client: WebClient,
  channelId: string,
  messageTs: string,
  fromPayload?: readonly unknown[],
): Promise<{ blocks: KnownBlock[]; text: string } | null> {
  if (fromPayload) return { blocks: fromPayload as KnownBlock[], text: '' };
  const history = historySchema.parse(
    await client.conversations.history({ channel: channelId, latest: messageTs, inclusive: true, limit: 1 }),
  );
  const message = history.messages?.find((m) => m.ts === messageTs);
  return message?.blocks ? { blocks: message.blocks as KnownBlock[], text: message.text ?? '' } : null;
}

/** Shows the item's new state in the nudge message, in place, for everyone in the channel. */
export async function updateNudgeItem(
  deps: { client: WebClient; logger: AppLogger },
  where: { channelId: string; messageTs: string; payloadBlocks?: readonly unknown[] },
  item: { decisionId: number; title: string; resolution: ItemResolution },
): Promise<void> {
  try {
    const current = await currentBlocks(deps.client, where.channelId, where.messageTs, where.payloadBlocks);
    if (!current) return;
    const blocks = resolveItemInBlocks(current.blocks, item.decisionId, item.title, item.resolution);
    await deps.client.chat.update({
      channel: where.channelId,
      ts: where.messageTs,
      blocks,
      text: current.text || 'Stalled customer decisions',
    });
  } catch (error) {
    deps.logger.warn(`could not update nudge message ${where.messageTs}`, error);
  }
}
