import type { WebClient } from '@slack/web-api';
import type { MessageClassifier } from '../../domain/classifier/types.js';
import { type Deal, isActiveDeal } from '../../domain/deals.js';
import { gapQuestions } from '../../domain/drafts/gaps.js';
import type { Entry } from '../../domain/entries.js';
import { localDateString } from '../../domain/time/zoned-time.js';
import type { AppLogger } from '../../logger.js';
import { judgeWithSecondOpinion, type SecondOpinionDeps } from '../../services/listen-second-opinion.js';
import type { Repositories } from '../../storage/ports.js';
import { captureOffer, type ListenCounts, prescribingNudge } from '../views/listen-blocks.js';

/** Capture offers a person gets per deal in 24 hours, at most: helpful, not a stream of pop-ups. */
export const MAX_CAPTURE_OFFERS_PER_DAY = 5;
/** Listen-first questions in a nudge. */
const NUDGE_QUESTIONS = 2;
const DAY_MS = 86_400_000;

export interface ListenDeps extends SecondOpinionDeps {
  repos: Repositories;
  logger: AppLogger;
  clock: () => Date;
  /** The offline classifier (trained model over the NLP analyser), built once by the composition root. */
  messageClassifier: MessageClassifier;
}

/** A person's message in a channel, already filtered (no bots, edits, deletions or mentions of the app). */
export interface ChannelMessage {
  teamId: string;
  channelId: string;
  userId: string;
  ts: string;
  /** The thread's parent ts when the message is a reply. */
  threadTs?: string | undefined;
  text: string;
  /** Slack's event_id, to handle a retried delivery once. */
  eventId?: string | undefined;
}

export type ListenOutcome =
  | 'not_linked'
  | 'quiet'
  | 'nothing_to_say'
  | 'duplicate'
  | 'enough_drivers'
  | 'rate_limited'
  | 'nudged'
  | 'offered';

type Poster = Pick<WebClient, 'chat'>;

export function listenCounts(entries: readonly Entry[]): ListenCounts {
  const live = entries.filter((e) => !e.archived);
  const drivers = live.filter((e) => e.kind === 'driver');
  return {
    drivers: drivers.length,
    confirmedDrivers: drivers.filter((e) => e.status === 'confirmed').length,
    successFactors: live.filter((e) => e.kind === 'success_factor').length,
    constraints: live.filter((e) => e.kind === 'constraint').length,
  };
}

async function claimOnce(deps: ListenDeps, message: ChannelMessage, now: Date): Promise<string[] | null> {
  const keys = [
    ...(message.eventId ? [`event:${message.eventId}`] : []),
    // A thread reply "also sent to the channel" can reach us as two events with the same ts: handle one.
    `message:${message.channelId}:${message.ts}`,
  ];
  const claimed: string[] = [];
  for (const key of keys) {
    if (!(await deps.repos.listening.claimEvent(message.teamId, key, now))) {
      for (const k of claimed) await deps.repos.listening.releaseEvent(message.teamId, k);
      return null;
    }
    claimed.push(key);
  }
  return claimed;
}

async function nudgePrescriber(
  deps: ListenDeps,
  client: Poster,
  deal: Deal,
  message: ChannelMessage,
  because: string | null,
  now: Date,
  modelUsed: string | null,
): Promise<ListenOutcome> {
  const [workspace, entries, stakeholders] = await Promise.all([
    deps.repos.workspaces.get(deal.teamId),
    deps.repos.entries.listByDeal(deal.teamId, deal.id),
    deps.repos.stakeholders.listByDeal(deal.teamId, deal.id),
  ]);
  const threshold = workspace.settings.listenFirstDriverThreshold;
  const counts = listenCounts(entries);
  if (counts.confirmedDrivers >= threshold) return 'enough_drivers';
  const nudge = {
    teamId: deal.teamId,
    dealId: deal.id,
    userId: message.userId,
    kind: 'prescribing' as const,
    periodKey: localDateString(now, workspace.settings.timeZone),
  };
  if (!(await deps.repos.listening.claimNudge({ ...nudge, sentAt: now }))) return 'rate_limited';
  const questions = gapQuestions(entries, stakeholders)
    .slice(0, NUDGE_QUESTIONS)
    .map((q) => q.text);
  try {
    await client.chat.postEphemeral({
      channel: message.channelId,
      user: message.userId,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      ...prescribingNudge({
        dealId: deal.id,
        accountName: deal.accountName,
        counts,
        threshold,
        questions,
        because,
        modelUsed,
      }),
    });
  } catch (error) {
    await deps.repos.listening.releaseNudge(nudge);
    throw error;
  }
  return 'nudged';
}

async function offerCapture(
  deps: ListenDeps,
  client: Poster,
  deal: Deal,
  message: ChannelMessage,
  found: { quote: string; suggestedKind: Parameters<typeof captureOffer>[0]['suggestedKind'] },
  now: Date,
  modelUsed: string | null,
): Promise<ListenOutcome> {
  const recent = await deps.repos.listening.countNudgesSince(
    deal.teamId,
    deal.id,
    message.userId,
    'capture_offer',
    new Date(now.getTime() - DAY_MS),
  );
  if (recent >= MAX_CAPTURE_OFFERS_PER_DAY) return 'rate_limited';
  const nudge = {
    teamId: deal.teamId,
    dealId: deal.id,
    userId: message.userId,
    kind: 'capture_offer' as const,
    periodKey: message.ts,
  };
  if (!(await deps.repos.listening.claimNudge({ ...nudge, sentAt: now }))) return 'duplicate';
  try {
    await client.chat.postEphemeral({
      channel: message.channelId,
      user: message.userId,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      ...captureOffer({
        dealId: deal.id,
        quote: found.quote,
        suggestedKind: found.suggestedKind,
        channelId: message.channelId,
        messageTs: message.ts,
        threadTs: message.threadTs,
        modelUsed,
      }),
    });
  } catch (error) {
    await deps.repos.listening.releaseNudge(nudge);
    throw error;
  }
  return 'offered';
}

/**
 * Listens to one message in a deal channel and, rarely and privately, helps its author: a listen-first nudge
 * when they prescribe before the deal has enough confirmed customer drivers, or an offer to log the customer's
 * words they relayed. Stores ids and times only, never the message text.
 */
export async function listenToMessage(
  deps: ListenDeps,
  client: Poster,
  message: ChannelMessage,
): Promise<ListenOutcome> {
  const deal = await deps.repos.deals.getByChannel(message.teamId, message.channelId);
  if (!deal || !isActiveDeal(deal)) return 'not_linked';
  if (await deps.repos.listening.isQuiet(message.teamId, message.userId)) return 'quiet';
  const judged = await judgeWithSecondOpinion(
    deps,
    { teamId: message.teamId, userId: message.userId },
    message.text,
    deps.messageClassifier(message.text),
  );
  const { result, model: modelUsed } = judged;
  if (judged.outcome !== 'no_model' && judged.outcome !== 'sure') {
    deps.logger.debug(`listen second opinion: ${judged.outcome}`);
  }
  const wantsCapture = result.label === 'customer_words' && result.quote;
  if (result.label !== 'prescribing' && !wantsCapture) return 'nothing_to_say';

  const now = deps.clock();
  const claimed = await claimOnce(deps, message, now);
  if (!claimed) return 'duplicate';
  try {
    if (result.label === 'prescribing') {
      return await nudgePrescriber(deps, client, deal, message, result.evidence, now, modelUsed);
    }
    return await offerCapture(
      deps,
      client,
      deal,
      message,
      { quote: result.quote ?? '', suggestedKind: result.suggestedKind },
      now,
      modelUsed,
    );
  } catch (error) {
    // Let a Slack retry of the same event try again.
    for (const key of claimed) await deps.repos.listening.releaseEvent(message.teamId, key);
    throw error;
  }
}
