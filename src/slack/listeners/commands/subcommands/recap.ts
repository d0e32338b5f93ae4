import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../../../domain/deals.js';
import type { Meeting } from '../../../../domain/recap/meeting.js';
import { localDateString } from '../../../../domain/time/zoned-time.js';
import type { AppDeps } from '../../../deps.js';
import { recentTranscriptFiles, slackPerson, threadNotes } from '../../../flows/recap-sources.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { recapModal } from '../../../views/recap-modal.js';
import type { Subcommand } from './types.js';

/** Opens the recap modal, prefilled from a scheduled meeting when its prompt was clicked. */
export async function openRecapModal(
  deps: AppDeps,
  client: WebClient,
  args: { triggerId: string; userId: string; deal: Deal; meeting: Meeting | null },
): Promise<void> {
  const { deal, meeting } = args;
  const promptTs = meeting?.promptTs ?? undefined;
  const [person, stakeholders, files, replies] = await Promise.all([
    slackPerson(client, args.userId, deps.logger),
    deps.repos.stakeholders.listByDeal(deal.teamId, deal.id),
    recentTranscriptFiles(client, deal.channelId, deps.logger),
    promptTs
      ? threadNotes(client, meeting?.channelId ?? deal.channelId, promptTs).catch(() => [])
      : Promise.resolve([]),
  ]);
  const ourUserIds = [...new Set([...(meeting?.ourUserIds ?? []), args.userId])];
  await client.views.open({
    trigger_id: args.triggerId,
    view: recapModal({
      meta: {
        dealId: deal.id,
        channelId: deal.channelId,
        ...(meeting ? { meetingId: meeting.id } : {}),
        ...(promptTs ? { promptTs, threadReplies: replies.length } : {}),
      },
      prefill: {
        ...(meeting ? { title: meeting.title } : {}),
        date: meeting?.meetingDate ?? localDateString(deps.clock(), person.timeZone),
        ourUserIds,
        ...(person.names[0] ? { ourSpeakers: person.names[0] } : {}),
      },
      stakeholders,
      files,
      accountName: deal.accountName,
    }),
  });
}

/** `/vision recap`: notes or a transcript of a customer meeting -> proposals to confirm in a thread. */
export function recapSubcommand(): Subcommand {
  return {
    name: 'recap',
    usage: 'recap',
    summary: 'Recap a customer meeting: paste notes or a transcript, confirm what was said',
    group: 'Meetings',
    async run({ deps, teamId, channelId, userId, triggerId, client, respond }) {
      const deal = await dealForChannelOrExplain(deps, teamId, channelId, respond);
      if (!deal) return;
      await openRecapModal(deps, client, { triggerId, userId, deal, meeting: null });
    },
  };
}
