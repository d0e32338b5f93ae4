import { ENTRY_KIND_WORDS, parseEntryKind } from '../../../../domain/entry-input.js';
import { closestMatch } from '../../../../domain/text/similarity.js';
import { loadEntryList } from '../../../flows/list-load.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { escapeMrkdwn } from '../../../views/mrkdwn.js';
import type { Subcommand } from './types.js';

const KIND_HINT = 'drivers, initiatives, success, constraints, risks, proposals';

/** `/vision list [kind]`: what was captured in this deal, ephemerally, customer words first. */
export function listSubcommand(): Subcommand {
  return {
    name: 'list',
    usage: 'list [kind]',
    summary: 'What we captured in this deal, their words first (edit, confirm, archive)',
    group: 'Review',
    async run(ctx) {
      const typed = ctx.args.trim();
      const kind = typed === '' ? null : parseEntryKind(typed);
      if (typed !== '' && !kind) {
        const suggestion = closestMatch(typed.toLowerCase(), ENTRY_KIND_WORDS);
        const didYouMean = suggestion ? ` Did you mean \`/vision list ${suggestion}\`?` : '';
        await ctx.respond({
          response_type: 'ephemeral',
          text: `I don't know the kind "${escapeMrkdwn(typed.slice(0, 60))}".${didYouMean} Try one of: ${KIND_HINT}, or \`/vision list\` for all.`,
        });
        return;
      }
      const deal = await dealForChannelOrExplain(ctx.deps, ctx.teamId, ctx.channelId, ctx.respond);
      if (!deal) return;
      const message = await loadEntryList(ctx.deps, deal, { kind, page: 0 });
      await ctx.respond({ response_type: 'ephemeral', ...message });
    },
  };
}
