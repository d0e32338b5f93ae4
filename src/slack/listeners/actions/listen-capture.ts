import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { extractCustomerQuote } from '../../../domain/classifier/quote.js';
import type { SuggestedKind } from '../../../domain/classifier/types.js';
import type { AppDeps } from '../../deps.js';
import { activeDealForPayload } from '../../guards/deal.js';
import { entryModal } from '../../views/entry-form.js';
import { type ListenButtonValue, listenButtonValueSchema } from '../../views/listen-blocks.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The message's text, fetched again from Slack (we keep no copy); null when it is gone or out of reach. */
async function fetchMessageText(client: WebClient, value: ListenButtonValue): Promise<string | null> {
  if (!value.c || !value.ts) return null;
  const found = value.t
    ? await client.conversations.replies({
        channel: value.c,
        ts: value.t,
        latest: value.ts,
        oldest: value.ts,
        inclusive: true,
        limit: 1,
      })
    : await client.conversations.history({ channel: value.c, latest: value.ts, inclusive: true, limit: 1 });
  const message = (found.messages ?? []).find((m) => m.ts === value.ts);
  return message?.text ?? null;
}

async function permalink(client: WebClient, value: ListenButtonValue): Promise<string | undefined> {
  if (!value.c || !value.ts) return undefined;
  const result = await client.chat.getPermalink({ channel: value.c, message_ts: value.ts }).catch(() => null);
  return result?.permalink;
}

const OUT_OF_DATE =
  'That button is out of date, so nothing was logged. Use `/vision log` in the deal channel.';

/**
 * "Log what they said" (from a nudge) and "Log as driver / constraint / success factor" (from a capture offer):
 * opens the entry modal, prefilled with the quote re-read from the message, so saving goes through the entry
 * modal's own submit handler.
 */
export function listenCaptureButton(deps: AppDeps, kind: SuggestedKind | null) {
  return async ({ ack, body, action, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    let value: ListenButtonValue;
    try {
      value = listenButtonValueSchema.parse(JSON.parse(action.value ?? ''));
    } catch {
      deps.logger.warn('listen capture button with an invalid value');
      await respond({ response_type: 'ephemeral', replace_original: false, text: OUT_OF_DATE });
      return;
    }
    try {
      const deal = teamId ? await activeDealForPayload(deps, teamId, value.d, value.c || undefined) : null;
      if (!deal) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: 'This deal is no longer set up in this channel, so there is nothing to log it to.',
        });
        return;
      }
      const [text, link, stakeholders] = await Promise.all([
        fetchMessageText(client, value),
        permalink(client, value),
        deps.repos.stakeholders.listByDeal(deal.teamId, deal.id),
      ]);
      const quote = text ? extractCustomerQuote(text)?.quote : undefined;
      const view = entryModal({
        meta: {
          dealId: deal.id,
          channelId: deal.channelId,
          ...(link ? { sourceType: 'message' as const, sourceRef: link } : {}),
        },
        prefill: kind ? { kind, ...(quote ? { quote } : {}) } : { kind: 'driver', chooseKind: true },
        stakeholders,
        accountName: deal.accountName,
      });
      await client.views.open({ trigger_id: body.trigger_id, view });
    } catch (error) {
      deps.logger.error('opening the entry modal from a listening tip failed', error);
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Sorry, I could not open the form. Try `/vision log` in this channel.',
      });
    }
  };
}
