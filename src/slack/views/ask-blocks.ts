import type { KnownBlock } from '@slack/types';
import type { AnswerLine, DealAnswer } from '../../domain/ask/types.js';
import { mrkdwn } from './blocks.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, mentionUser, truncate } from './mrkdwn.js';

function lineText(line: AnswerLine): string {
  const cite = line.citation ? `\`${line.citation}\` ` : '';
  const quoted = line.quote ? `_“${escapeMrkdwn(truncate(line.quote, 300))}”_` : null;
  // Attributed: "Helen Cho, CFO, said “…”"; an entry not confirmed by the customer is flagged as such.
  const said =
    quoted && line.saidBy
      ? ` ${escapeMrkdwn(line.saidBy)}${line.saidBy.includes(',') ? ',' : ''} said ${quoted}`
      : quoted
        ? ` ${quoted}`
        : '';
  const who = !quoted && line.saidBy ? ` (from ${escapeMrkdwn(line.saidBy)})` : '';
  const status =
    line.entryId === null ? '' : line.confirmed ? ' :white_check_mark:' : ' _(not confirmed by them yet)_';
  return `• ${cite}*${escapeMrkdwn(line.label)}:* ${escapeMrkdwn(truncate(line.text, 300))}.${said}${who}${status}`;
}

/** The short parent line for `/vision ask`: the question, by whom; the answer goes in its thread. */
/** To someone of another organisation (Slack Connect) who asks the app about our deal. */
export const FOREIGN_ASKER_TEXT =
  'Sorry, I answer questions about this deal only for the team that runs it. Please ask your contact there.';

export function askParentText(question: string, userId: string): string {
  return `*Q:* ${escapeMrkdwn(truncate(question, 300))} (asked by ${mentionUser(userId)})`;
}

/** An answer from the deal's entries only, every fact cited; says so when the entries do not answer. */
export function answerBlocks(answer: DealAnswer): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  if (answer.found) {
    const intro = answer.text ? escapeMrkdwn(answer.text) : `*${escapeMrkdwn(answer.heading)}*`;
    const lines = answer.lines.map(lineText).join('\n');
    blocks.push({ type: 'section', text: mrkdwn(`${intro}\n${lines}`) });
  } else {
    const why = answer.text ? `\n${escapeMrkdwn(answer.text)}` : '';
    blocks.push({
      type: 'section',
      text: mrkdwn(`*The entries of this deal do not answer that yet.*${why}`),
    });
  }
  if (answer.suggestedQuestion) {
    const label = answer.found ? 'Next, to go deeper, ask them' : 'Ask them';
    blocks.push({
      type: 'section',
      text: mrkdwn(`:ear: *${label}:* _${escapeMrkdwn(answer.suggestedQuestion)}_`),
    });
  }
  const source =
    answer.source === 'openai'
      ? 'Answered by the AI from this deal’s entries only; check the cited entries.'
      : 'Answered from this deal’s entries only.';
  const fallback = answer.fallbackReason
    ? ' (The AI was unavailable, so this is the simple offline answer.)'
    : '';
  blocks.push({
    type: 'context',
    elements: [mrkdwn(`${source}${fallback} Log what you hear with \`/vision log\`.`, LIMITS.contextText)],
  });
  const text = answer.found
    ? `${answer.text ?? answer.heading}: ${answer.lines.map((l) => l.citation ?? l.text).join(', ')}`
    : 'The entries of this deal do not answer that yet.';
  return { text: truncate(escapeMrkdwn(text), 3_000), blocks };
}
