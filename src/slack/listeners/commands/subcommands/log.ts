import type { EntryKind } from '../../../../domain/entries.js';
import { prefillFromText } from '../../../../domain/entry-input.js';
import { openEntryModal } from '../../../flows/entry-modal.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { slackTextToPlain } from '../../../views/entry-from-message.js';
import type { Subcommand, SubcommandContext } from './types.js';

async function openLogModal(ctx: SubcommandContext, kind: EntryKind | null): Promise<void> {
  const deal = await dealForChannelOrExplain(ctx.deps, ctx.teamId, ctx.channelId, ctx.respond);
  if (!deal) return;
  // Command text arrives in Slack's wire format (&lt; for <, <@U1|name> for mentions).
  const prefill = prefillFromText(slackTextToPlain(ctx.args));
  await openEntryModal(ctx.deps, ctx.client, {
    triggerId: ctx.triggerId,
    deal,
    prefill: kind ? { kind, ...prefill } : { chooseKind: true, ...prefill },
  });
}

const KIND_COMMANDS: ReadonlyArray<{ name: string; kind: EntryKind; aliases?: string[]; summary: string }> = [
  {
    name: 'driver',
    kind: 'driver',
    summary: 'Log a business driver: a pressure or goal that makes them act',
  },
  { name: 'initiative', kind: 'initiative', summary: 'Log an initiative they run or plan' },
  {
    name: 'success',
    kind: 'success_factor',
    aliases: ['success-factor', 'success_factor', 'csf'],
    summary: 'Log a critical success factor, in their terms',
  },
  {
    name: 'constraint',
    kind: 'constraint',
    summary: 'Log a constraint: budget, timing, resources, policy...',
  },
  { name: 'risk', kind: 'risk', summary: 'Log a risk they see if they act (or do not)' },
  {
    name: 'proposal',
    kind: 'proposal',
    aliases: ['prescription'],
    summary: 'Log what we proposed (kept apart from their view)',
  },
];

/**
 * `/vision driver|initiative|success|constraint|risk|proposal [text]` open the matching modal; `/vision log [text]`
 * opens it with a kind selector. Text in quotation marks prefills the quote, other text the one-line statement.
 */
export function logSubcommands(): Subcommand[] {
  const byKind: Subcommand[] = KIND_COMMANDS.map((c) => ({
    name: c.name,
    ...(c.aliases ? { aliases: c.aliases } : {}),
    usage: `${c.name} ["their words" | one line]`,
    summary: c.summary,
    group: 'Capture',
    run: (ctx) => openLogModal(ctx, c.kind),
  }));
  return [
    {
      name: 'log',
      usage: 'log ["their words" | one line]',
      summary: 'Log anything the customer said (pick the kind in the form)',
      group: 'Capture',
      run: (ctx) => openLogModal(ctx, null),
    },
    ...byKind,
  ];
}
