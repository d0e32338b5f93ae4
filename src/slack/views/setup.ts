import type { KnownBlock, ModalView } from '@slack/types';
import { DEAL_INPUT_LIMITS, type DealInput, dealTitle, stageChoices } from '../../domain/deal-input.js';
import type { Deal } from '../../domain/deals.js';
import { findOption, metadata, mrkdwn, option, plain } from './blocks.js';
import { ACTION_IDS, SETUP_FORM as F, VIEW_IDS } from './ids.js';
import { LIMITS } from './limits.js';
import { escapeMrkdwn, linkMrkdwn, mentionUser, truncate } from './mrkdwn.js';

/** What the setup modal carries between open and submit; the channel is re-read, never trusted for a deal id. */
export interface SetupMetadata {
  channelId: string;
}

function textInput(
  blockId: string,
  label: string,
  maxLength: number,
  initial?: string | null,
  placeholder?: string,
) {
  return {
    type: 'input' as const,
    block_id: blockId,
    label: plain(label),
    element: {
      type: 'plain_text_input' as const,
      action_id: blockId,
      max_length: maxLength,
      ...(initial ? { initial_value: initial.slice(0, maxLength) } : {}),
      ...(placeholder ? { placeholder: plain(placeholder, LIMITS.placeholder) } : {}),
    },
  };
}

/** The "link this channel to a deal" modal; prefilled from the deal when the channel is already linked. */
export function setupModal(args: {
  channelId: string;
  stages: readonly string[];
  deal: Deal | null;
  defaultOwner: string;
  /** Blocks a connected CRM adds (the record typeahead); none without a CRM. */
  extraBlocks?: KnownBlock[];
  /** The internal channel linked for coaching, if any. */
  internalChannelId?: string | null;
}): ModalView {
  const { deal } = args;
  const stageOptions = stageChoices(args.stages, deal?.stage)
    .slice(0, LIMITS.staticSelectOptions)
    .map((s) => option(s, s));
  const initialStage = findOption(stageOptions, deal?.stage) ?? stageOptions[0];
  const crm = textInput(
    F.crmUrl,
    'CRM link',
    DEAL_INPUT_LIMITS.crmUrl,
    deal?.crmUrl,
    'https://crm.example.com/deals/123',
  );
  const blocks: KnownBlock[] = [
    textInput(
      F.accountName,
      'Customer / account',
      DEAL_INPUT_LIMITS.accountName,
      deal?.accountName,
      'e.g. Acme Corp',
    ),
    textInput(F.dealName, 'Deal name', DEAL_INPUT_LIMITS.dealName, deal?.dealName, 'e.g. Routing 2027'),
    {
      type: 'input',
      block_id: F.stage,
      label: plain('Stage'),
      element: {
        type: 'static_select',
        action_id: F.stage,
        options: stageOptions,
        ...(initialStage ? { initial_option: initialStage } : {}),
      },
    },
    {
      type: 'input',
      block_id: F.owner,
      label: plain('Deal owner'),
      element: {
        type: 'users_select',
        action_id: F.owner,
        initial_user: deal?.ownerUserId ?? args.defaultOwner,
      },
    },
    ...(args.extraBlocks ?? []),
    { ...crm, optional: true, hint: plain('Optional. The deal in your CRM.') },
    internalChannelInput(args.internalChannelId ?? null),
    ...(args.internalChannelId ? [internalChannelOff()] : []),
  ];
  return {
    type: 'modal',
    callback_id: VIEW_IDS.setupDeal,
    private_metadata: metadata({ channelId: args.channelId } satisfies SetupMetadata),
    title: plain(deal ? 'Edit deal' : 'Set up this deal', LIMITS.modalTitle),
    submit: plain('Save', LIMITS.modalSubmit),
    close: plain('Cancel', LIMITS.modalClose),
    blocks,
  };
}

/**
 * Optional: where coaching goes while the deal channel is shared with the customer (Slack Connect). Channels
 * shared outside the company are not offered; the submit checks it again and that the app is a member.
 */
function internalChannelInput(initial: string | null): KnownBlock {
  return {
    type: 'input',
    block_id: F.internalChannel,
    optional: true,
    label: plain('Internal channel for coaching'),
    hint: plain(
      'Optional. If this deal channel is shared with the customer, coaching (questions to ask, next steps, drafts, recaps) goes here instead of to the rep privately. Invite me there first.',
      LIMITS.inputHint,
    ),
    element: {
      type: 'conversations_select',
      action_id: F.internalChannel,
      filter: {
        include: ['public', 'private'],
        exclude_external_shared_channels: true,
        exclude_bot_users: true,
      },
      ...(initial ? { initial_conversation: initial } : {}),
    },
  };
}

/** A select cannot be emptied in Slack: this unlinks the internal channel. */
function internalChannelOff(): KnownBlock {
  return {
    type: 'input',
    block_id: F.internalChannelOff,
    optional: true,
    label: plain('Stop using the internal channel'),
    element: {
      type: 'checkboxes',
      action_id: F.internalChannelOff,
      options: [option('Unlink it: coaching for a shared channel goes to the rep privately', 'off')],
    },
  };
}

export const SETUP_FIELD_TO_BLOCK: Record<keyof DealInput, string> = {
  accountName: F.accountName,
  dealName: F.dealName,
  stage: F.stage,
  ownerUserId: F.owner,
  crmUrl: F.crmUrl,
};

/** One line for the channel: "Deal linked: Acme - Routing 2027 (discovery), owner @rep". */
export function dealLinkedMessage(deal: Deal, status: 'created' | 'updated', byUserId: string) {
  const verb = status === 'created' ? 'Deal linked' : 'Deal updated';
  const title = escapeMrkdwn(truncate(dealTitle(deal), 300));
  const stage = escapeMrkdwn(truncate(deal.stage, 80));
  const crm = deal.crmUrl ? ` · ${linkMrkdwn(deal.crmUrl, 'CRM')}` : '';
  const text = `${verb}: ${title} (${stage}), owner ${mentionUser(deal.ownerUserId)}`;
  return {
    text,
    blocks: [
      {
        type: 'context' as const,
        elements: [
          mrkdwn(`${text}${crm} · by ${mentionUser(byUserId)} · \`/vision help\``, LIMITS.contextText),
        ],
      },
    ],
  };
}

const setupButton = (label: string) => ({
  type: 'actions' as const,
  elements: [
    {
      type: 'button' as const,
      action_id: ACTION_IDS.setupDeal,
      style: 'primary' as const,
      text: plain(label, LIMITS.buttonText),
      value: 'setup',
    },
  ],
});

/** Posted once when the app arrives in a channel that is not linked yet. */
export function introMessage(): { text: string; blocks: KnownBlock[] } {
  const text =
    "Hi, I'm Vision. I keep this deal's shared vision: what the customer tells you, in their own words. " +
    'Link the channel to a deal to start.';
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, setupButton('Set up this deal')],
  };
}
