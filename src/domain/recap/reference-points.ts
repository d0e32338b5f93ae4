import type { ListeningMetrics } from './listening-metrics.js';

/** Published figures shown next to a rep's own metrics, as guidance, never as rules. */
export const REFERENCE_POINTS = {
  talkListen: {
    topRepTalkPct: 43,
    topRepListenPct: 57,
    averageRepTalkPct: { min: 65, max: 75 },
    source: "Gong's analysis of 25,537 B2B calls",
  },
  discoveryQuestions: {
    min: 11,
    max: 14,
    note: 'more did not help',
    source: "Gong's analysis of 25,537 B2B calls",
  },
  sellerMonologue: {
    /** Long seller monologues (company overviews over about 2 minutes) go with worse outcomes. */
    warnAboveSeconds: 120,
    source: 'Gong call research',
  },
} as const;

/**
 * Friendly guidance lines comparing a rep's metrics with the reference points. Meant for the rep privately;
 * phrased as suggestions.
 */
export function listeningGuidance(metrics: ListeningMetrics): string[] {
  const { talkListen, discoveryQuestions, sellerMonologue } = REFERENCE_POINTS;
  const lines: string[] = [];
  const talk = metrics.ourTalkSharePct;
  if (talk > talkListen.topRepTalkPct) {
    lines.push(
      `We spoke ${talk}% of the words. In ${talkListen.source}, top reps talked about ${talkListen.topRepTalkPct}% and listened ${talkListen.topRepListenPct}%; more open questions may help the customer talk.`,
    );
  } else {
    lines.push(
      `We spoke ${talk}% of the words, at or under the ${talkListen.topRepTalkPct}% top reps talked in ${talkListen.source}.`,
    );
  }
  const questions = metrics.questionsAsked;
  const range = `${discoveryQuestions.min}-${discoveryQuestions.max}`;
  if (questions < discoveryQuestions.min) {
    lines.push(
      `We asked ${questions} question${questions === 1 ? '' : 's'}; in discovery calls, ${range} questions went with the best outcomes (${discoveryQuestions.source}).`,
    );
  } else if (questions > discoveryQuestions.max) {
    lines.push(
      `We asked ${questions} questions; ${range} went with the best outcomes in discovery calls, and ${discoveryQuestions.note} (${discoveryQuestions.source}).`,
    );
  } else {
    lines.push(
      `We asked ${questions} questions, within the ${range} that went with the best discovery calls.`,
    );
  }
  const ours = metrics.longestOurMonologue;
  if (ours?.seconds != null && ours.seconds > sellerMonologue.warnAboveSeconds) {
    lines.push(
      `Our longest monologue ran ${Math.round(ours.seconds)} s (${ours.speaker}); seller monologues over about 2 minutes tend to go with worse outcomes.`,
    );
  }
  if (metrics.prescribedBeforeDiagnosing) {
    lines.push(`${metrics.prescribingReason} Consider hearing their drivers first.`);
  }
  return lines;
}
