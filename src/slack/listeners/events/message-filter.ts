import { z } from 'zod';

/** The fields of a `message` event the listener reads; everything else passes through untouched. */
const messageEventSchema = z
  .object({
    type: z.literal('message'),
    subtype: z.string().optional(),
    channel: z.string().min(1),
    channel_type: z.string().optional(),
    user: z.string().optional(),
    bot_id: z.string().nullish(),
    text: z.string().optional(),
    ts: z.string().min(1),
    thread_ts: z.string().optional(),
    team: z.string().optional(),
    user_team: z.string().optional(),
  })
  .passthrough();

/** Subtypes that are a person saying something; edits, deletions, joins, bot posts and the rest are not. */
const LISTENED_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);
const CHANNEL_TYPES = new Set(['channel', 'group']);

export type SkipReason =
  | 'malformed'
  | 'subtype'
  | 'bot'
  | 'self'
  | 'no_user'
  | 'not_a_channel'
  | 'other_organisation'
  | 'empty'
  | 'mentions_app';

export type FilteredMessage =
  | {
      listen: true;
      channelId: string;
      userId: string;
      ts: string;
      threadTs: string | undefined;
      text: string;
    }
  | { listen: false; reason: SkipReason };

export interface FilterContext {
  teamId: string;
  botUserId: string | undefined;
  botId: string | undefined;
}

/**
 * Which message events are worth listening to: a person's new message (or thread reply, or reply also sent to
 * the channel, or file share with text) in a public or private channel. Bots, the app itself, edits
 * (message_changed), deletions (message_deleted) and people from another organisation (Slack Connect) are
 * skipped, and so are messages that mention the app: app_mention answers those.
 */
export function filterMessageEvent(event: unknown, ctx: FilterContext): FilteredMessage {
  const parsed = messageEventSchema.safeParse(event);
  if (!parsed.success) return { listen: false, reason: 'malformed' };
  const m = parsed.data;
  if (!LISTENED_SUBTYPES.has(m.subtype))
    return { listen: false, reason: m.subtype === 'bot_message' ? 'bot' : 'subtype' };
  if (m.bot_id) return { listen: false, reason: m.bot_id === ctx.botId ? 'self' : 'bot' };
  if (!m.user) return { listen: false, reason: 'no_user' };
  if (m.user === ctx.botUserId) return { listen: false, reason: 'self' };
  if (m.channel_type !== undefined && !CHANNEL_TYPES.has(m.channel_type))
    return { listen: false, reason: 'not_a_channel' };
  const userTeam = m.user_team ?? m.team;
  if (userTeam && userTeam !== ctx.teamId) return { listen: false, reason: 'other_organisation' };
  const text = (m.text ?? '').trim();
  if (text === '') return { listen: false, reason: 'empty' };
  if (ctx.botUserId && text.includes(`<@${ctx.botUserId}`)) return { listen: false, reason: 'mentions_app' };
  const threadTs = m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : undefined;
  return { listen: true, channelId: m.channel, userId: m.user, ts: m.ts, threadTs, text };
}
