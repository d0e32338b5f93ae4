import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { MODEL_BUSY_MESSAGE, withModelSlot } from '../../../domain/model-gate.js';
import { askDeal } from '../../../services/ask.js';
import type { AppDeps } from '../../deps.js';
import { deliverAnswerElsewhere } from '../../flows/ask-delivery.js';
import { replyPrivately } from '../../flows/private-reply.js';
import { activeDealForChannel } from '../../guards/deal.js';
import { answerBlocks, FOREIGN_ASKER_TEXT } from '../../views/ask-blocks.js';
import { notLinkedMessage } from '../../views/not-linked.js';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

const HOW_TO_ASK =
  'Ask me about this deal, e.g. `@Vision what are their constraints?`, `why are they buying?`, ' +
  '`how will they measure success?`, `who signs off?`. I answer from the logged entries only.';

/** The question without the mentions of the app (and with any other mention left as it was). */
export function questionFromMention(text: string, botUserId: string | undefined): string {
  const withoutApp = botUserId ? text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ') : text;
  return withoutApp.replace(/\s+/g, ' ').trim();
}

/** `@Vision <question>` in a deal channel: answers in a thread under the mention, from the deal's entries. */
export function appMentionListener(deps: AppDeps) {
  return async ({ event, body, context, client }: MentionArgs): Promise<void> => {
    const teamId = body.team_id ?? context.teamId;
    if (!teamId || !event.user || event.bot_id) return;
    if (!(await deps.repos.listening.claimEvent(teamId, `event:${body.event_id}`))) return;
    const threadTs = event.thread_ts ?? event.ts;
    // Slack Connect: someone of another organisation asks about our deal; they never see its entries.
    const userTeam = (event as { user_team?: string }).user_team ?? event.team;
    if (userTeam && userTeam !== teamId && !context.isEnterpriseInstall) {
      await client.chat
        .postEphemeral({ channel: event.channel, user: event.user, text: FOREIGN_ASKER_TEXT })
        .catch((error: unknown) => deps.logger.warn('could not tell a foreign user why', error));
      return;
    }
    try {
      const deal = await activeDealForChannel(deps, teamId, event.channel);
      if (!deal) {
        // Asked directly, so answer: privately, to the person who asked.
        // Privately, else by DM (a mention can come from a channel the app cannot post in).
        const target = { channelId: event.channel, userId: event.user };
        await replyPrivately(deps, client, target, notLinkedMessage(), 'not linked reply');
        return;
      }
      const question = questionFromMention(event.text, context.botUserId);
      if (question === '') {
        await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, text: HOW_TO_ASK });
        return;
      }
      const user = event.user;
      const asked = await withModelSlot(deps.modelGate, teamId, user, () => askDeal(deps, deal, question));
      if (asked.busy) {
        await client.chat.postEphemeral({ channel: event.channel, user, text: MODEL_BUSY_MESSAGE });
        return;
      }
      const reply = answerBlocks(asked.value);
      const ask = { question, askedBy: user, answer: reply };
      if (await deliverAnswerElsewhere(deps, client, deal, ask, threadTs)) return;
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, ...reply });
    } catch (error) {
      deps.logger.error('answering an app mention failed', error);
      const text = 'Sorry, I could not answer that just now. Please try again in a moment.';
      const target = { channelId: event.channel, userId: event.user };
      await replyPrivately(deps, client, target, { text, blocks: [] }, 'mention failure reply');
    }
  };
}
