import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { CRM_SOURCES } from '../../../domain/crm/records.js';
import { ourFieldValue } from '../../../services/crm/field-values.js';
import { crmFailureText, refreshCrmLink } from '../../../services/crm/link.js';
import {
  type CrmDeps,
  linkedCrmNotConnected,
  panelFor,
  sendToCrmAndReport,
  serviceDeps,
  tellPrivately,
} from '../../flows/crm.js';
import { activeDealForPayload } from '../../guards/deal.js';
import { plain } from '../../views/blocks.js';
import { overwriteModal } from '../../views/crm.js';
import { LIMITS } from '../../views/limits.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The deal a button names, only when it is this team's and lives in the channel the button is in. */
async function dealFrom(deps: CrmDeps, body: BlockAction, dealId: number) {
  const teamId = body.team?.id ?? body.user.team_id ?? '';
  const channelId = body.channel?.id;
  if (!channelId || !Number.isInteger(dealId) || dealId <= 0) return null;
  return activeDealForPayload(deps, teamId, dealId, channelId);
}

const NOT_THIS_DEAL =
  'That button does not belong to a CRM-linked deal of this channel any more, so nothing was sent or changed.';

/** A refused click (forged, stale, or its deal archived) is told why, privately, where it was made. */
async function refuse(deps: CrmDeps, client: ButtonArgs['client'], body: BlockAction): Promise<void> {
  const channelId = body.channel?.id;
  if (channelId) await tellPrivately(deps, client, channelId, body.user.id, { text: NOT_THIS_DEAL });
}

export function crmSendButton(deps: CrmDeps) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const deal = await dealFrom(deps, body, Number(action.value));
    if (!deal) return refuse(deps, client, body);
    await sendToCrmAndReport(deps, client, {
      teamId: deal.teamId,
      dealId: deal.id,
      channelId: deal.channelId,
      userId: body.user.id,
    });
  };
}

export function crmRefreshButton(deps: CrmDeps) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const deal = await dealFrom(deps, body, Number(action.value));
    if (!deal) return refuse(deps, client, body);
    const notConnected = await linkedCrmNotConnected(deps, deal.teamId, deal.id);
    if (notConnected) {
      await tellPrivately(deps, client, deal.channelId, body.user.id, { text: notConnected });
      return;
    }
    const result = await refreshCrmLink(serviceDeps(deps), deal.teamId, deal.id);
    await tellPrivately(
      deps,
      client,
      deal.channelId,
      body.user.id,
      result.ok ? panelFor(deps, result.link) : { text: result.message },
    );
  };
}

const reviewValue = z.object({
  d: z.number().int().positive(),
  s: z.enum(CRM_SOURCES),
  m: z.string().nullable(),
});

/** "Review <field>": shows the CRM's current value beside ours before anything is replaced. */
export function crmReviewOverwriteButton(deps: CrmDeps) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    let parsed: z.infer<typeof reviewValue> | null = null;
    try {
      const candidate = reviewValue.safeParse(JSON.parse(action.value ?? ''));
      parsed = candidate.success ? candidate.data : null;
    } catch {
      parsed = null;
    }
    if (!parsed) return refuse(deps, client, body);
    const deal = await dealFrom(deps, body, parsed.d);
    const link = deal ? await deps.repos.crm.getLink(deal.teamId, deal.id) : null;
    const adapter = link ? deps.crm.adapter(link.teamId, link.provider) : null;
    const source = parsed.s;
    const mapping = link
      ? (await deps.repos.crm.listMappings(link.teamId, link.provider)).find((m) => m.source === source)
      : undefined;
    if (!deal || !link || !adapter || !mapping) return refuse(deps, client, body);
    const opened = await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        title: plain('Replace CRM value?', LIMITS.modalTitle),
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Reading the CRM…' } }],
      },
    });
    const viewId = opened.view?.id;
    if (!viewId) return;
    try {
      const [current, entries, decisions] = await Promise.all([
        adapter.readField(link.recordId, mapping.field),
        deps.repos.entries.listByDeal(deal.teamId, deal.id),
        deps.repos.decisions.listByDeal(deal.teamId, deal.id, 'open'),
      ]);
      await client.views.update({
        view_id: viewId,
        view: overwriteModal({
          fieldLabel: mapping.fieldLabel,
          current: current.value ?? '(empty)',
          ours: ourFieldValue(source, entries, decisions),
          // The time we showed the person: a change in the CRM after this is never overwritten.
          meta: { dealId: deal.id, source, lastModified: current.lastModified },
        }),
      });
    } catch (error) {
      await client.views.update({
        view_id: viewId,
        view: {
          type: 'modal',
          title: plain('CRM', LIMITS.modalTitle),
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: crmFailureText(error).replace(/[<>&]/g, '') } },
          ],
        },
      });
    }
  };
}
