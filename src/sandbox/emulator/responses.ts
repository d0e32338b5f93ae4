import { z } from 'zod';
import { checkMessageContent } from './methods/chat.js';
import { SlackApiError } from './methods/context.js';
import { normalizeBlocks } from './normalize.js';
import type { ResponseUrlTarget } from './response-urls.js';
import type { WorkspaceState } from './state.js';
import type { EphemeralSource } from './types.js';

/** A message sent to a response_url, or acked in the body of a slash command. */
export const responsePayloadSchema = z.object({
  text: z.string().optional(),
  blocks: z.array(z.record(z.string(), z.unknown())).optional(),
  attachments: z.array(z.record(z.string(), z.unknown())).optional(),
  response_type: z.enum(['ephemeral', 'in_channel']).optional(),
  replace_original: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  delete_original: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  thread_ts: z.string().optional(),
});
export type ResponsePayload = z.infer<typeof responsePayloadSchema>;

export type Delivery =
  | { kind: 'ephemeral' | 'in_channel' | 'replaced'; ts: string }
  | { kind: 'deleted'; ts: string }
  | { kind: 'none' };

const flag = (v: boolean | 'true' | 'false' | undefined) => v === true || v === 'true';

/** Applies a response like Slack: new ephemeral / in-channel message, or replace / delete the original. */
export function deliverResponse(
  state: WorkspaceState,
  target: ResponseUrlTarget,
  payload: ResponsePayload,
  source: EphemeralSource,
): Delivery {
  const original = target.messageTs ? state.findAnyMessage(target.messageTs) : undefined;
  if (flag(payload.delete_original)) {
    if (!original) throw new SlackApiError('message_not_found');
    if (original.ephemeral) state.removeEphemeral(original.message);
    else state.deleteMessage(original.message);
    return { kind: 'deleted', ts: original.message.ts };
  }
  checkMessageContent(payload);
  if (flag(payload.replace_original) && original) {
    const ts = original.message.ts;
    const blocks = normalizeBlocks(payload.blocks, `${ts}:${state.nextTs()}`);
    if (original.ephemeral) state.updateEphemeral(original.message, { text: payload.text ?? '', blocks });
    else state.updateMessage(original.message, { text: payload.text ?? '', blocks });
    return { kind: 'replaced', ts };
  }
  const ts = state.nextTs();
  const blocks = normalizeBlocks(payload.blocks, ts);
  const threadTs = payload.thread_ts ?? target.threadTs;
  if (payload.response_type === 'in_channel') {
    state.addMessage({
      channel: target.channelId,
      ts,
      threadTs,
      user: state.bot.userId,
      botId: state.bot.botId,
      appId: state.bot.appId,
      text: payload.text ?? '',
      blocks,
      attachments: payload.attachments,
      reactions: [],
    });
    return { kind: 'in_channel', ts };
  }
  state.addEphemeral({
    channel: target.channelId,
    user: target.userId,
    ts,
    threadTs,
    text: payload.text ?? '',
    blocks,
    source,
  });
  return { kind: 'ephemeral', ts };
}
