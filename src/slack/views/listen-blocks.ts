import type { KnownBlock } from '@slack/types';
import { z } from 'zod';
import type { SuggestedKind } from '../../domain/classifier/types.js';
import { ENTRY_KIND_LABELS } from '../../domain/entries.js';
import { mrkdwn, plain } from './blocks.js';
import { LISTEN_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, quoteMrkdwn, truncate } from './mrkdwn.js';

/** What we know about a deal, as counts (the nudge shows no entry text in a shared channel's ephemeral). */
export interface ListenCounts {
  drivers: number;
  confirmedDrivers: number;
  successFactors: number;
  constraints: number;
}

/** Button values carry ids and the message position only, never its text. */
export const listenButtonValueSchema = z.object({
  d: z.number().int().positive(),
  c: z.string().min(1).max(30).optional(),
  ts: z.string().min(1).max(30).optional(),
  t: z.string().min(1).max(30).optional(),
});
export type ListenButtonValue = z.infer<typeof listenButtonValueSchema>;

export function buttonValue(value: ListenButtonValue): string {
  const json = JSON.stringify(value);
  if (json.length > LIMITS.buttonValue) throw new Error('button value too large');
  return json;
}

export const CAPTURE_BUTTONS: readonly { actionId: string; kind: SuggestedKind }[] = [
  { actionId: LISTEN_IDS.logAsDriver, kind: 'driver' },
  { actionId: LISTEN_IDS.logAsConstraint, kind: 'constraint' },
  { actionId: LISTEN_IDS.logAsSuccessFactor, kind: 'success_factor' },
];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const quietButton = {
  type: 'button' as const,
  action_id: LISTEN_IDS.quiet,
  text: plain('Turn these tips off', LIMITS.buttonText),
  value: 'quiet',
};

/** Said when the workspace's model second opinion decided the reading (`/vision listen ai`). */
export const modelUsedNote = (model: string): string =>
  `The local check was unsure, so the model (${escapeMrkdwn(model)}) gave a second opinion, and it was used.`;

const privacyNote = (what: string): KnownBlock => ({
  type: 'context',
  elements: [
    mrkdwn(`Only you can see this. ${what} \`/vision quiet\` turns these tips off.`, LIMITS.contextText),
  ],
});

/** Private nudge to someone who prescribed before the deal has enough confirmed customer drivers. */
export function prescribingNudge(args: {
  dealId: number;
  accountName: string;
  counts: ListenCounts;
  threshold: number;
  questions: readonly string[];
  /** The words that made the message read as a pitch, shown so the rep sees why. */
  because?: string | null;
  /** The model whose second opinion decided the reading, when one did. */
  modelUsed?: string | null;
}): { text: string; blocks: KnownBlock[] } {
  const { counts } = args;
  const because = args.because ? truncate(args.because.replace(/\s+/g, ' ').trim(), 200) : null;
  const account = escapeMrkdwn(args.accountName);
  const known =
    `${plural(counts.drivers, 'business driver', 'business drivers')} (${counts.confirmedDrivers} confirmed), ` +
    `${plural(counts.successFactors, 'success factor', 'success factors')}, ` +
    `${plural(counts.constraints, 'constraint', 'constraints')}`;
  const text =
    `Listen first? That reads like a recommendation, and ${account} has ${counts.confirmedDrivers} of ` +
    `${args.threshold} confirmed customer drivers so far.` +
    (because ? ` This read as pitching because: “${escapeMrkdwn(because)}”` : '') +
    (args.modelUsed ? ` ${modelUsedNote(args.modelUsed)}` : '');
  const questions = args.questions.map((q) => `• ${escapeMrkdwn(q)}`).join('\n');
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(
        `:ear: *Listen first?* That reads like a recommendation, and *${account}* has ` +
          `*${counts.confirmedDrivers} of ${args.threshold}* confirmed customer drivers so far.`,
      ),
    },
  ];
  if (because) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(`This read as pitching because: “${escapeMrkdwn(because)}”`, LIMITS.contextText)],
    });
  }
  if (args.modelUsed) {
    blocks.push({ type: 'context', elements: [mrkdwn(modelUsedNote(args.modelUsed), LIMITS.contextText)] });
  }
  blocks.push({ type: 'context', elements: [mrkdwn(`What we know: ${known}.`, LIMITS.contextText)] });
  if (questions) blocks.push({ type: 'section', text: mrkdwn(`*Ask them first:*\n${questions}`) });
  blocks.push(
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: LISTEN_IDS.logWhatTheySaid,
          style: 'primary',
          text: plain('Log what they said', LIMITS.buttonText),
          value: buttonValue({ d: args.dealId }),
        },
        quietButton,
      ],
    },
    privacyNote('At most one of these per deal a day.'),
  );
  return { text, blocks };
}

/** Private offer to log a relayed customer quote; the suggested kind's button comes first and is primary. */
export function captureOffer(args: {
  dealId: number;
  quote: string;
  suggestedKind: SuggestedKind | null;
  channelId: string;
  messageTs: string;
  threadTs?: string | undefined;
  /** The model whose second opinion decided the reading, when one did. */
  modelUsed?: string | null;
}): { text: string; blocks: KnownBlock[] } {
  const value = buttonValue({
    d: args.dealId,
    c: args.channelId,
    ts: args.messageTs,
    ...(args.threadTs ? { t: args.threadTs } : {}),
  });
  const offered = CAPTURE_BUTTONS.filter((b) => b.kind === args.suggestedKind).concat(
    CAPTURE_BUTTONS.filter((b) => b.kind !== args.suggestedKind),
  );
  const buttons = offered.map((b, i) => ({
    type: 'button' as const,
    action_id: b.actionId,
    text: plain(`Log as ${ENTRY_KIND_LABELS[b.kind].one.toLowerCase()}`, LIMITS.buttonText),
    value,
    ...(i === 0 && args.suggestedKind ? { style: 'primary' as const } : {}),
  }));
  const modelNote: KnownBlock[] = args.modelUsed
    ? [{ type: 'context', elements: [mrkdwn(modelUsedNote(args.modelUsed), LIMITS.contextText)] }]
    : [];
  return {
    text:
      'That sounds like the customer in their own words. Log it to the shared vision?' +
      (args.modelUsed ? ` ${modelUsedNote(args.modelUsed)}` : ''),
    blocks: [
      {
        type: 'section',
        text: mrkdwn(
          `:speech_balloon: That sounds like the customer in their own words. Log it?\n${quoteMrkdwn(truncate(args.quote, 600))}`,
        ),
      },
      ...modelNote,
      { type: 'actions', elements: [...buttons, quietButton] },
      privacyNote('Nothing is saved unless you log it.'),
    ],
  };
}

export function quietReply(quiet: boolean): string {
  return quiet
    ? 'Listening tips are *off* for you: no more private nudges or capture offers in deal channels. ' +
        'You can still `@mention` me or use `/vision ask`. Turn them back on with `/vision quiet off` ' +
        '(or `/vision quiet` again).'
    : 'Listening tips are *on* for you again. Turn them off any time with `/vision quiet`.';
}
