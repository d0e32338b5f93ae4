import type { Deal } from '../../src/domain/deals.js';
import type { Entry } from '../../src/domain/entries.js';
import type { SlackMessage } from '../../src/sandbox/emulator/types.js';
import { DRAFT_ACTIONS } from '../../src/slack/views/ids.js';
import { addEntry, type EntryFields, everything, linkDeal } from '../support/deal-fixtures.js';
import type { TestApp } from '../support/harness.js';
import { waitFor } from '../support/wait.js';

export { everything };

export type SeedEntry = EntryFields;

/** Links #deal-acme (or another channel) to a deal and logs entries, with two stakeholders. */
export async function seedDeal(
  t: TestApp,
  entries: SeedEntry[],
  channelId: string = t.ids.dealAcme,
  accountName = 'Acme',
): Promise<{ deal: Deal; entries: Entry[] }> {
  const deal = await linkDeal(t, { channelId, accountName, dealName: 'Routing 2027' });
  const dana = await t.repos.stakeholders.findOrCreate({
    teamId: t.ids.team,
    dealId: deal.id,
    name: 'Dana Lee',
    title: 'VP Operations',
    buyingRole: 'economic_buyer',
  });
  const created: Entry[] = [];
  for (const e of entries) {
    created.push(
      await addEntry(t, deal, {
        stakeholderId: dana.id,
        source: { type: 'text', ref: 'call with Dana' },
        saidOn: '2026-02-10',
        ...e,
      }),
    );
  }
  return { deal, entries: created };
}

export const ACME_ENTRIES: SeedEntry[] = [
  { kind: 'proposal', statement: 'Start with the routing module' },
  {
    kind: 'driver',
    statement: 'Cross-border shipments lose three days',
    quote: 'we lose three days on every cross-border shipment',
    priority: 'high',
  },
  { kind: 'driver', statement: 'Carrier invoices are reconciled by hand', stakeholderId: null },
  {
    kind: 'success_factor',
    statement: '95% on-time delivery by Q3',
    quote: "95% on time by Q3, that's the number the board watches",
  },
  { kind: 'constraint', statement: 'No new spend before the March freeze', constraintCategory: 'budget' },
];

/** The draft's parent once it shows the summary of version `n`. */
export function parentOf(t: TestApp, n: number, channelId: string = t.ids.dealAcme): Promise<SlackMessage> {
  return waitFor(
    `the parent of draft v${n}`,
    () =>
      t.emulator.state
        .messages(channelId)
        .find(
          (m) =>
            m.text.startsWith(`Shared vision draft v${n} `) && everything(m).includes(DRAFT_ACTIONS.edit),
        ),
    15_000,
  );
}

/** Thread replies showing the header of version `n`. */
export function repliesOf(t: TestApp, parent: SlackMessage, n: number): Promise<SlackMessage[]> {
  return waitFor(`the thread of draft v${n}`, () => {
    const replies = t.emulator.state
      .threadReplies(parent.channel, parent.ts)
      .filter((m) => everything(m).includes(`Shared vision draft v${n}"`));
    return replies.length > 0 ? replies : undefined;
  });
}

/** Every message (channel, thread, ephemeral, DM) the app sent, as text, for leak and ping checks. */
export function allPosted(t: TestApp): string {
  const s = t.emulator.state;
  const channels = [...s.channels.keys()];
  return [
    ...channels.flatMap((c) => s.allMessages(c).filter((m) => m.user === t.ids.botUser)),
    ...s.ephemerals,
  ]
    .map(everything)
    .join('\n');
}

/** The private listening check of version `n`: the last step of a draft, so the next one may start. */
export function listeningCheckOf(t: TestApp, userId: string, n: number, channelId: string = t.ids.dealAcme) {
  return waitFor(`the listening check of v${n}`, () =>
    t.emulator.state
      .ephemeralsFor(userId, channelId)
      .find((m) => m.text.startsWith(`Listening check for draft v${n} `)),
  );
}
