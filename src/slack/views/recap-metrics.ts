import type { KnownBlock } from '@slack/types';
import type { ListeningMetrics, ListeningResult, Monologue } from '../../domain/recap/listening-metrics.js';
import { REFERENCE_POINTS } from '../../domain/recap/reference-points.js';
import { mrkdwn } from './blocks.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import type { SlackMessageContent } from './recap-messages.js';

function monologue(m: Monologue | null): string {
  if (!m) return 'none';
  const size = m.seconds !== null ? `${Math.round(m.seconds)} s` : `${m.words} words`;
  return `${size} (${escapeMrkdwn(m.speaker)})`;
}

/** "Sam Rivera (us) 35.4% · Dana Lee 39.6%": each rep sees their own share, not only the team's. */
function speakerShares(speakers: ListeningMetrics['speakers']): string {
  const shown = speakers.slice(0, 6).map((row) => {
    const name = escapeMrkdwn(truncate(row.speaker, 40));
    return `${name}${row.side === 'ours' ? ' (us)' : ''} ${row.sharePct}%`;
  });
  const more = speakers.length > 6 ? ` · +${speakers.length - 6} more` : '';
  return `${shown.join(' · ')}${more}`;
}

/**
 * The rep's private listening figures for one meeting, next to the published reference points (guidance, not
 * rules). Sent as an ephemeral or DM, never to the channel.
 */
export function listeningMessage(
  title: string,
  result: ListeningResult,
  guidance: string[],
): SlackMessageContent {
  const heading = `Only you can see this: listening figures for ${escapeMrkdwn(title)}`;
  if (!result.ok) {
    return {
      text: `No listening figures for ${escapeMrkdwn(title)}: ${escapeMrkdwn(result.reason)}`,
      blocks: [
        {
          type: 'section',
          text: mrkdwn(`*${heading}*\nNo figures this time: ${escapeMrkdwn(result.reason)}`),
        },
      ],
    };
  }
  const m = result.metrics;
  const { talkListen, discoveryQuestions } = REFERENCE_POINTS;
  const fields = [
    `*Our talk share*\n${m.ourTalkSharePct}% (customer ${m.customerTalkSharePct}%) · top reps ~${talkListen.topRepTalkPct}/${talkListen.topRepListenPct}`,
    `*Questions we asked*\n${m.questionsAsked} · ${discoveryQuestions.min}-${discoveryQuestions.max} in the best discovery calls`,
    `*Longest customer monologue*\n${monologue(m.longestCustomerMonologue)}`,
    `*Our longest monologue*\n${monologue(m.longestOurMonologue)}`,
    `*Talk share by speaker*\n${speakerShares(m.speakers)}`,
  ];
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`*${heading}*`) },
    { type: 'section', fields: fields.map((f) => mrkdwn(f, LIMITS.sectionFieldText)) },
    {
      type: 'section',
      text: mrkdwn(
        `*Prescribed before diagnosing:* ${m.prescribedBeforeDiagnosing ? 'yes' : 'no'}. ${escapeMrkdwn(m.prescribingReason)}`,
      ),
    },
  ];
  if (m.unmappedSpeakers.length > 0) {
    const labels = m.unmappedSpeakers.slice(0, 5);
    blocks.push({
      type: 'section',
      text: mrkdwn(
        truncate(
          `${escapeMrkdwn(labels.join(', '))} counted as the customer's side. If one of them is ours, add a line such as \`${escapeMrkdwn(labels[0]!)} = Your Name\` above the transcript and send it again.`,
          LIMITS.sectionText,
        ),
      ),
    });
  }
  if (guidance.length > 0) {
    blocks.push({ type: 'section', text: mrkdwn(guidance.map((g) => `• ${escapeMrkdwn(g)}`).join('\n')) });
  }
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(
        `Reference points from ${talkListen.source}: guidance, not rules. Our speakers: ${escapeMrkdwn(m.ourSpeakersFound.join(', '))}. Talk share counts words; monologues use ${m.monologueBasis}.`,
        LIMITS.contextText,
      ),
    ],
  });
  return {
    text: `Listening figures for ${escapeMrkdwn(title)}: we talked ${m.ourTalkSharePct}% and asked ${m.questionsAsked} questions.`,
    blocks,
  };
}
