import { createHash } from 'node:crypto';
import type { KnownBlock, ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Deal } from '../../domain/deals.js';
import type { DraftVersion } from '../../domain/drafts/version.js';
import { customerPlaybackLines } from '../../services/drafts-export.js';
import {
  customerPlaybackBlocks,
  customerPlaybackMessage,
  type SharePreviewMetadata,
  SLACK_PLAYBACK_STYLE,
  sharePreviewModal,
} from '../views/customer-playback.js';
import type { DraftFlowDeps } from './drafts.js';
import { markShared } from './drafts-playback.js';

export interface ShareContext {
  teamId: string;
  userId: string;
  draft: DraftVersion;
  deal: Deal;
}

const fingerprintOf = (blocks: KnownBlock[]) =>
  createHash('sha256').update(JSON.stringify(blocks)).digest('hex');

/** What the customer would see now, and its fingerprint. */
async function customerBlocks(deps: Pick<DraftFlowDeps, 'repos'>, ctx: ShareContext) {
  const lines = await customerPlaybackLines(deps.repos, ctx.deal, ctx.draft, SLACK_PLAYBACK_STYLE);
  const blocks = customerPlaybackBlocks(lines);
  return { blocks, fingerprint: fingerprintOf(blocks) };
}

/** The preview modal for this version, built from the entries as they are now. */
export async function sharePreview(
  deps: Pick<DraftFlowDeps, 'repos'>,
  ctx: ShareContext,
  notice?: string,
): Promise<ModalView> {
  const { blocks, fingerprint } = await customerBlocks(deps, ctx);
  const meta: SharePreviewMetadata = {
    draftId: ctx.draft.id,
    channelId: ctx.draft.channelId ?? ctx.deal.channelId,
    messageTs: ctx.draft.messageTs ?? '',
    fingerprint,
  };
  return sharePreviewModal({
    dealChannelId: ctx.deal.channelId,
    blocks,
    meta,
    ...(notice ? { notice } : {}),
  });
}

export type ShareOutcome =
  | { status: 'posted'; ts: string }
  /** The customer's copy changed since the preview (an entry marked internal, a new version): preview again. */
  | { status: 'changed'; view: ModalView }
  | { status: 'not_in_channel' };

const slackError = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'data' in error
    ? (error as { data?: { error?: string } }).data?.error
    : undefined;

/**
 * Posts the customer's copy in the deal channel, only if it is exactly what was previewed (same fingerprint),
 * then records the draft as shared (its parent shows who shared it).
 */
export async function shareWithCustomer(
  deps: DraftFlowDeps,
  client: WebClient,
  ctx: ShareContext,
  previewed: string,
): Promise<ShareOutcome> {
  const { blocks, fingerprint } = await customerBlocks(deps, ctx);
  if (fingerprint !== previewed) {
    const notice =
      'What the customer would see changed since this preview. Review it again before you share.';
    return { status: 'changed', view: await sharePreview(deps, ctx, notice) };
  }
  let ts: string | undefined;
  try {
    const posted = await client.chat.postMessage({
      channel: ctx.deal.channelId,
      ...customerPlaybackMessage(blocks, ctx.deal.accountName),
      unfurl_links: false,
    });
    ts = posted.ts;
  } catch (error) {
    if (slackError(error) === 'not_in_channel' || slackError(error) === 'channel_not_found')
      return { status: 'not_in_channel' };
    throw error;
  }
  await markShared(deps, client, ctx);
  return { status: 'posted', ts: ts ?? '' };
}
