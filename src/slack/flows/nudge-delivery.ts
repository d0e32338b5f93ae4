import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';
import type { NewNudgeSend, NudgeRepository, NudgeSendRecord } from '../../storage/nudge-ports.js';
import { NUDGE_EVENT_TYPE, type NudgeMessage } from '../views/nudge-blocks.js';
import type { Pacer } from './pacer.js';

/**
 * Exactly-once delivery of one nudge message:
 *   claim (INSERT send_key UNIQUE, status 'sending') -> chat.postMessage with metadata {send_key} -> mark 'sent'.
 * A crash or an ambiguous failure (5xx, network) between claim and mark leaves a 'sending' row; the next
 * attempt looks for the message in the channel history by its metadata before sending again.
 */
export interface DeliveryContext {
  nudges: NudgeRepository;
  client: WebClient;
  logger: AppLogger;
  clock: () => Date;
  pacer: Pacer;
}

export type PostOutcome =
  | { kind: 'sent'; ts: string }
  /** Slack refused it for good (not_in_channel, channel_not_found, is_archived, invalid_blocks...). */
  | { kind: 'failed'; error: string }
  /** Certainly not posted (rate limited after all retries): release the claim and try again later. */
  | { kind: 'not_sent'; error: string }
  /** Maybe posted (5xx, timeout, connection): keep the claim; reconcile from history next time. */
  | { kind: 'unknown'; error: string };

const RETRY_LATER_PLATFORM_ERRORS = new Set(['ratelimited', 'rate_limited']);
const AMBIGUOUS_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

interface SlackishError {
  code?: string;
  message?: string;
  data?: { error?: string };
}

export function classifyPostError(error: unknown): Exclude<PostOutcome, { kind: 'sent' }> {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SlackishError;
  const message = e.message ?? String(error);
  if (e.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    if (RETRY_LATER_PLATFORM_ERRORS.has(code)) return { kind: 'not_sent', error: code };
    if (AMBIGUOUS_PLATFORM_ERRORS.has(code)) return { kind: 'unknown', error: code };
    return { kind: 'failed', error: code };
  }
  if (e.code === 'slack_webapi_rate_limited_error' || /rate limit was exceeded/i.test(message)) {
    return { kind: 'not_sent', error: 'rate_limited' };
  }
  return { kind: 'unknown', error: e.code ?? message.slice(0, 200) };
}

export type DeliveryResult = 'sent' | 'failed' | 'pending' | 'taken';

/** Claims the send key, posts, records the outcome. 'taken' = another attempt or instance owns the key. */
export async function deliver(
  ctx: DeliveryContext,
  claim: Omit<NewNudgeSend, 'claimedAt'>,
  message: NudgeMessage,
): Promise<DeliveryResult> {
  if (!(await ctx.nudges.claimSend({ ...claim, claimedAt: ctx.clock() }))) return 'taken';
  await ctx.pacer.wait();
  try {
    const result = await ctx.client.chat.postMessage({
      channel: claim.channelId,
      text: message.text,
      blocks: message.blocks,
      metadata: message.metadata,
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!result.ts) throw new Error('chat.postMessage returned no ts');
    await ctx.nudges.markSent(claim.teamId, claim.sendKey, result.ts, ctx.clock());
    return 'sent';
  } catch (error) {
    const outcome = classifyPostError(error);
    ctx.logger.warn(`nudge ${claim.sendKey} not delivered (${outcome.kind}: ${outcome.error})`);
    if (outcome.kind === 'failed') {
      await ctx.nudges.markFailed(claim.teamId, claim.sendKey, outcome.error, ctx.clock());
      return 'failed';
    }
    if (outcome.kind === 'not_sent') await ctx.nudges.releaseSend(claim.teamId, claim.sendKey);
    return 'pending';
  }
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

const HISTORY_PAGES = 5;

/**
 * The ts of the message carrying this send key, if it landed; throws when the history cannot be read. Scans the
 * newest messages (no `oldest` bound: our clock and Slack's may differ) up to 1,000 back.
 */
export async function findPosted(client: WebClient, send: NudgeSendRecord): Promise<string | null> {
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const result = await client.conversations.history({
      channel: send.channelId,
      include_all_metadata: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const messages = (result.messages ?? []) as HistoryMessage[];
    const match = messages.find(
      (m) =>
        m.metadata?.event_type === NUDGE_EVENT_TYPE && m.metadata.event_payload?.send_key === send.sendKey,
    );
    if (match?.ts) return match.ts;
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) return null;
  }
  return null;
}

/**
 * Settles claims left 'sending' by a crashed or failed attempt: found in history -> 'sent'; not there ->
 * released, so this attempt sends it. Claims younger than the lease may still be in flight elsewhere and are
 * left alone. When the history cannot be read (e.g. a DM without im:history), an expired claim is released:
 * a small duplicate risk instead of a lost nudge. Returns how many claims stay unsettled.
 */
export async function reconcileClaims(
  ctx: DeliveryContext,
  sends: readonly NudgeSendRecord[],
  leaseMs: number,
): Promise<number> {
  let unsettled = 0;
  for (const send of sends.filter((s) => s.status === 'sending')) {
    if (ctx.clock().getTime() - send.claimedAt.getTime() < leaseMs) {
      unsettled++;
      continue;
    }
    let ts: string | null;
    try {
      ts = await findPosted(ctx.client, send);
    } catch (error) {
      const outcome = classifyPostError(error);
      if (outcome.kind !== 'failed') {
        unsettled++;
        continue;
      }
      ctx.logger.warn(`cannot read history for ${send.sendKey} (${outcome.error}); sending it again`);
      ts = null;
    }
    if (ts) await ctx.nudges.markSent(send.teamId, send.sendKey, ts, ctx.clock());
    else await ctx.nudges.releaseSend(send.teamId, send.sendKey);
  }
  return unsettled;
}
