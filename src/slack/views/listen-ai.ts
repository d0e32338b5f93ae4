import { UNSURE_BELOW } from '../../domain/classifier/second-opinion.js';
import type { ListenAiStatus } from '../../services/listen-second-opinion.js';
import { escapeMrkdwn } from './mrkdwn.js';

export const LISTEN_AI_USAGE =
  '`/vision listen ai` shows whether the model second opinion is on · `/vision listen ai on` / `off` turns it on or off for the workspace (admins only)';

export const LISTEN_AI_NEEDS_MODEL =
  'The model second opinion needs a model, and this app has none configured (whoever runs the app sets ' +
  '`OPENAI_API_KEY`; see the README, "Configuration"). Until then the local classifier alone reads deal-channel ' +
  'messages, and no message text leaves the app.';

/** Plainly what leaves the app when the second opinion is on. */
export function whatIsSent(status: Pick<ListenAiStatus, 'model' | 'provider' | 'dailyCap'>): string {
  const model = escapeMrkdwn(status.model ?? '?');
  const provider = escapeMrkdwn(status.provider ?? '?');
  return (
    `*What is sent:* only the text of one deal-channel message at a time, exactly as it was written, and only ` +
    `when the local classifier is unsure about it (confidence under ${UNSURE_BELOW.toFixed(2)}; it is sure about ` +
    `most messages). It goes to the model *${model}* at *${provider}*. Nothing is added: no author, channel, ` +
    'deal, account or other names than those already in that message. The app stores no message text, only a ' +
    'count of calls per day.\n' +
    `*Daily cap:* at most *${status.dailyCap ?? 0}* messages a day for the whole workspace (the count starts ` +
    'again at midnight UTC); past it, the local reading alone is used. When the model fails or is slow, the ' +
    "local reading stands. A private nudge says when the model's opinion was used."
  );
}

const when = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '');
/** A mention only for what looks like a Slack user id (it comes from our own table, but never trust a string). */
const who = (userId: string) => (/^[UW][A-Z0-9]{2,20}$/.test(userId) ? `<@${userId}>` : 'someone');

export function listenAiStatusText(status: ListenAiStatus): string {
  if (!status.model) {
    return `The model second opinion is *off*. ${LISTEN_AI_NEEDS_MODEL}`;
  }
  const changed = status.changedBy
    ? ` (turned ${status.enabled ? 'on' : 'off'} by ${who(status.changedBy)} on ${when(status.changedAt)})`
    : '';
  const head = status.enabled
    ? `The model second opinion is *on* for this workspace${changed}. Used today: ${status.usedToday} of ${status.dailyCap ?? 0}.`
    : `The model second opinion is *off* for this workspace${changed}: the local classifier alone reads messages. An admin can turn it on with \`/vision listen ai on\`.`;
  return `${head}\n${whatIsSent(status)}`;
}

export function listenAiTurnedText(status: ListenAiStatus): string {
  if (!status.enabled) {
    return 'The model second opinion is now *off* for this workspace: no message text is sent to a model, the local classifier alone reads messages.';
  }
  return (
    'The model second opinion is now *on* for this workspace. Turn it off any time with `/vision listen ai off`.\n' +
    whatIsSent(status)
  );
}
