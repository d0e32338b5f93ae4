import { meetingTimeHelp, parseMeetingCommand } from '../../../../domain/recap/meeting-time.js';
import { localDateString, localDateTime } from '../../../../domain/time/zoned-time.js';
import { coachingDestination, destinationLabel } from '../../../flows/coaching-destination.js';
import { slackPerson } from '../../../flows/recap-sources.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { meetingScheduledText } from '../../../views/meeting-prompt.js';
import type { Subcommand } from './types.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `/vision meeting <title> <when>`: schedules a meeting; a recap prompt is posted here when it ends. */
export function meetingSubcommand(): Subcommand {
  return {
    name: 'meeting',
    aliases: ['meet'],
    usage: 'meeting <title> <when>',
    summary: 'Schedule a meeting; when it ends I ask for the recap here',
    group: 'Meetings',
    async run({ deps, args, teamId, channelId, userId, client, respond }) {
      const deal = await dealForChannelOrExplain(deps, teamId, channelId, respond);
      if (!deal) return;
      const person = await slackPerson(client, userId, deps.logger);
      if (args.trim() === '') {
        await respond({ response_type: 'ephemeral', text: meetingTimeHelp(person.timeZone, person.locale) });
        return;
      }
      const parsed = parseMeetingCommand(args, {
        now: deps.clock(),
        timeZone: person.timeZone,
        locale: person.locale,
        readWhen: deps.readWhen,
      });
      if (!parsed.ok) {
        await respond({ response_type: 'ephemeral', text: parsed.error });
        return;
      }
      const meeting = await deps.repos.meetings.create({
        teamId,
        dealId: deal.id,
        channelId: deal.channelId,
        title: parsed.title,
        meetingDate: localDateString(parsed.startsAt, person.timeZone),
        status: 'scheduled',
        createdBy: userId,
        startsAt: parsed.startsAt,
        endsAt: parsed.endsAt,
        ourUserIds: [userId],
      });
      const end = localDateTime(parsed.endsAt, person.timeZone);
      const endsLocal = `${localDateString(parsed.endsAt, person.timeZone)} ${pad(end.hour)}:${pad(end.minute)} ${person.timeZone}`;
      // In a channel shared with the customer the prompt goes where the deal's coaching goes.
      const dest = await coachingDestination(deps, client, deal, userId);
      const where = dest.kind === 'deal_channel' ? 'here' : `in ${destinationLabel(dest)}`;
      await respond({ response_type: 'ephemeral', text: meetingScheduledText(meeting, endsLocal, where) });
    },
  };
}
