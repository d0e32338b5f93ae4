import { MODEL_BUSY_MESSAGE, withModelSlot } from '../../../../domain/model-gate.js';
import { askDeal } from '../../../../services/ask.js';
import { deliverAnswerElsewhere } from '../../../flows/ask-delivery.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { answerBlocks, askParentText } from '../../../views/ask-blocks.js';
import type { Subcommand } from './types.js';

/**
 * `/vision ask <question>`: a slash command leaves no trace in the channel, so the app posts the question as a
 * short parent line ("Q: ... (asked by @x)") and answers in its thread, like an @mention. When it cannot post
 * there (not a member), the answer comes back privately instead.
 */
export function askSubcommand(): Subcommand {
  return {
    name: 'ask',
    usage: 'ask [question]',
    summary: 'Ask about this deal; answered in a thread from its entries',
    group: 'Review',
    async run({ args, teamId, userId, channelId, client, respond, deps }) {
      const question = args.trim();
      if (question === '') {
        await respond({
          response_type: 'ephemeral',
          text: 'Ask a question about this deal, e.g. `/vision ask what are their constraints?`',
        });
        return;
      }
      const deal = await dealForChannelOrExplain(deps, teamId, channelId, respond);
      if (!deal) return;
      const asked = await withModelSlot(deps.modelGate, teamId, userId, () => askDeal(deps, deal, question));
      if (asked.busy) {
        await respond({ response_type: 'ephemeral', text: MODEL_BUSY_MESSAGE });
        return;
      }
      const answer = answerBlocks(asked.value);
      // A channel shared with the customer: the answer (internal entries, what to ask next) goes elsewhere.
      if (await deliverAnswerElsewhere(deps, client, deal, { question, askedBy: userId, answer })) return;
      try {
        const parent = await client.chat.postMessage({
          channel: channelId,
          text: askParentText(question, userId),
        });
        if (!parent.ts) throw new Error('no ts for the question');
        await client.chat.postMessage({ channel: channelId, thread_ts: parent.ts, ...answer });
      } catch (error) {
        deps.logger.warn('could not post /vision ask in the channel; answering privately', error);
        await respond({ response_type: 'ephemeral', ...answer });
      }
    },
  };
}
