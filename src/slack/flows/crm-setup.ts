import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { CrmRecordRef } from '../../domain/crm/links.js';
import { CRM_LABELS } from '../../domain/crm/types.js';
import type { Deal } from '../../domain/deals.js';
import { linkDealToCrm, parseCrmChoice } from '../../services/crm/link.js';
import type { AppDeps } from '../deps.js';
import { plain } from '../views/blocks.js';
import { CRM_IDS } from '../views/crm-ids.js';
import { LIMITS } from '../views/limits.js';
import type { ViewState } from '../views/view-state.js';
import { coachingDestination, postCoaching } from './coaching-destination.js';
import { hasCrm, panelFor, recordUrlOf, serviceDeps, tellPrivately } from './crm.js';

/** The typeahead block added to the setup modal when a CRM is connected. */
export function crmSetupBlock(deps: AppDeps): KnownBlock[] {
  if (!hasCrm(deps)) return [];
  const names = deps.crm.providers.map((p) => CRM_LABELS[p].crm).join(' or ');
  return [
    {
      type: 'input',
      block_id: CRM_IDS.setupBlock,
      optional: true,
      label: plain(`${names} record`),
      hint: plain(
        'Type part of its name, or paste its URL in "CRM link" below. Nothing is linked by guessing.',
        LIMITS.inputHint,
      ),
      element: {
        type: 'external_select',
        action_id: CRM_IDS.recordSearch,
        min_query_length: 2,
        placeholder: plain('Search opportunities and deals', LIMITS.placeholder),
      },
    },
  ];
}

/**
 * The CRM record the person chose: the typeahead pick, else a pasted CRM URL. Parse only (no network before
 * the ack); `problem` is shown inline. A link to a CRM that is not connected is refused, an ordinary link
 * (any other site) is just kept as the CRM link as before.
 */
export function crmChoiceFromSetup(
  deps: AppDeps,
  state: ViewState,
  crmUrl: string | null,
  previousCrmUrl: string | null,
): { ref: CrmRecordRef | null; problem: { block: string; message: string } | null } {
  if (!hasCrm(deps)) return { ref: null, problem: null };
  const picked = state.selected(CRM_IDS.setupBlock);
  if (picked) {
    const ref = parseCrmChoice(picked, deps.crm);
    return 'problem' in ref
      ? { ref: null, problem: { block: CRM_IDS.setupBlock, message: ref.problem } }
      : { ref, problem: null };
  }
  // The prefilled link of an already linked deal is not a new choice.
  if (!crmUrl || crmUrl === previousCrmUrl) return { ref: null, problem: null };
  const ref = parseCrmChoice(crmUrl, deps.crm);
  return 'problem' in ref ? { ref: null, problem: null } : { ref, problem: null };
}

/**
 * The deal's CRM link as the setup form prefills it, only when the deal is linked to a record now: a link pasted
 * while the CRM was not connected (or after it was disconnected) is tried again when the form is saved again.
 */
export async function linkedCrmUrl(deps: AppDeps, deal: Deal | null | undefined): Promise<string | null> {
  if (!deal?.crmUrl || !hasCrm(deps)) return null;
  return (await deps.repos.crm.getLink(deal.teamId, deal.id)) ? deal.crmUrl : null;
}

/** After the setup was saved and acknowledged: read the record, link it, show it (CRM owns stage & co). */
export async function linkAfterSetup(
  deps: AppDeps,
  client: WebClient,
  args: { deal: Deal; ref: CrmRecordRef; userId: string },
): Promise<void> {
  if (!hasCrm(deps)) return;
  const result = await linkDealToCrm(serviceDeps(deps), {
    teamId: args.deal.teamId,
    dealId: args.deal.id,
    userId: args.userId,
    ref: args.ref,
  });
  if (!result.ok) {
    await tellPrivately(deps, client, args.deal.channelId, args.userId, {
      text: `The deal is saved, but it is not linked to ${CRM_LABELS[args.ref.provider].crm}: ${result.message.replace(/[<>&]/g, '')}`,
    });
    return;
  }
  await deps.repos.deals.update(args.deal.teamId, args.deal.id, {
    crmUrl: recordUrlOf(deps, result.link),
  });
  const panel = panelFor(deps, result.link);
  // Stage, amount and close date are ours: in a channel shared with the customer the panel goes elsewhere.
  const dest = await coachingDestination(deps, client, args.deal, args.userId);
  await postCoaching(
    deps,
    client,
    dest,
    { text: `Linked to ${panel.text}`, blocks: panel.blocks.slice(0, 4) },
    { actedIn: { channelId: args.deal.channelId }, rep: args.userId, what: 'CRM link panel' },
  );
}

/** Editing the setup of a linked deal never changes what the CRM owns: its stage stays the CRM's. */
export async function keepCrmOwnedStage(deps: AppDeps, deal: Deal): Promise<void> {
  if (!hasCrm(deps)) return;
  const link = await deps.repos.crm.getLink(deal.teamId, deal.id);
  if (link && link.snapshot.stage !== deal.stage) {
    await deps.repos.deals.update(deal.teamId, deal.id, { stage: link.snapshot.stage.slice(0, 60) });
  }
}
