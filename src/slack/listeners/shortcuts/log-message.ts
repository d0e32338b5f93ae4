import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { suggestKind } from '../../../domain/classifier/index.js';
import { ENTRY_INPUT_LIMITS } from '../../../domain/entry-input.js';
import { isValidTimeZone, localDateString } from '../../../domain/time/zoned-time.js';
import type { AppDeps } from '../../deps.js';
import { openEntryModal } from '../../flows/entry-modal.js';
import { activeDealForChannel } from '../../guards/deal.js';
import { messageWireText, slackTextToPlain, unlabelledMentions } from '../../views/entry-from-message.js';
import { notLinkedMessage } from '../../views/not-linked.js';

type Args = SlackShortcutMiddlewareArgs & AllMiddlewareArgs;

/** The parts of a message_action payload the shortcut reads (Slack's and the SDK fixtures' shapes). */
const payloadSchema = z.object({
  team: z.object({ id: z.string().min(1) }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  channel: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().min(1),
  message_ts: z.string().min(1),
  message: z
    .object({ text: z.string().optional(), user: z.string().optional(), blocks: z.unknown().optional() })
    .passthrough(),
  response_url: z.string().optional(),
});
type Payload = z.infer<typeof payloadSchema>;

const MAX_NAME_LOOKUPS = 10;

async function userInfo(client: WebClient, userId: string) {
  try {
    return (await client.users.info({ user: userId })).user ?? null;
  } catch {
    return null;
  }
}

async function permalink(client: WebClient, channel: string, ts: string): Promise<string | null> {
  try {
    return (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? null;
  } catch {
    return null;
  }
}

/** Quote (plain text, mentions as names), permalink, the author if they are from another org, and the day. */
async function gather(client: WebClient, payload: Payload, teamId: string) {
  const wire = messageWireText(payload.message);
  const mentioned = unlabelledMentions(wire).slice(0, MAX_NAME_LOOKUPS);
  const [link, author, clicker, ...people] = await Promise.all([
    permalink(client, payload.channel.id, payload.message_ts),
    payload.message.user ? userInfo(client, payload.message.user) : Promise.resolve(null),
    userInfo(client, payload.user.id),
    ...mentioned.map((id) => userInfo(client, id)),
  ]);
  const names: Record<string, string> = {};
  people.forEach((person, i) => {
    const name = person?.profile?.display_name || person?.real_name || person?.name;
    if (name) names[mentioned[i]!] = name;
  });
  const quote = slackTextToPlain(wire, names).trim().slice(0, ENTRY_INPUT_LIMITS.quote);
  // In a shared (Slack Connect) channel the customer posts themselves: their name is who said it.
  const external = Boolean(author?.team_id && author.team_id !== teamId && !author.is_bot);
  const authorName = external ? (author?.real_name || author?.name || '').slice(0, 80) : '';
  const seconds = Number(payload.message_ts);
  const zone = clicker?.tz && isValidTimeZone(clicker.tz) ? clicker.tz : 'UTC';
  const saidOn = Number.isFinite(seconds) ? localDateString(new Date(seconds * 1000), zone) : undefined;
  return { quote, link, authorName, saidOn };
}

/**
 * Message shortcut "Log to shared vision": a modal with the message as the verbatim quote, a kind selector,
 * the stakeholder, and the message permalink saved as the source. Unlinked channels get the Set-up button.
 */
export function logMessageShortcut(deps: AppDeps) {
  return async ({ ack, body, client, respond }: Args): Promise<void> => {
    await ack();
    const parsed = payloadSchema.safeParse(body);
    if (!parsed.success) {
      deps.logger.warn('message shortcut: unexpected payload shape', parsed.error.issues.slice(0, 3));
      return;
    }
    const payload = parsed.data;
    const teamId = payload.team?.id ?? payload.user.team_id;
    if (!teamId) return;
    const deal = await activeDealForChannel(deps, teamId, payload.channel.id);
    if (!deal) {
      await explainNotLinked(deps, client, payload, respond);
      return;
    }
    const found = await gather(client, payload, teamId);
    await openEntryModal(deps, client, {
      triggerId: payload.trigger_id,
      deal,
      prefill: {
        chooseKind: true,
        kind: (found.quote && suggestKind(found.quote)?.kind) || 'driver',
        ...(found.quote ? { quote: found.quote } : {}),
        ...(found.authorName ? { stakeholderName: found.authorName } : {}),
        ...(found.saidOn ? { saidOn: found.saidOn } : {}),
      },
      meta: found.link ? { sourceType: 'message', sourceRef: found.link } : {},
    });
  };
}

async function explainNotLinked(
  deps: AppDeps,
  client: WebClient,
  payload: Payload,
  respond: Args['respond'],
): Promise<void> {
  try {
    if (payload.response_url) await respond({ response_type: 'ephemeral', ...notLinkedMessage() });
    else
      await client.chat.postEphemeral({
        channel: payload.channel.id,
        user: payload.user.id,
        ...notLinkedMessage(),
      });
  } catch (error) {
    deps.logger.warn('message shortcut: could not say the channel is not linked', error);
  }
}
