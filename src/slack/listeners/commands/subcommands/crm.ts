import { refreshCrmLink } from '../../../../services/crm/link.js';
import {
  type CrmDeps,
  hasCrm,
  notConnectedReason,
  panelFor,
  sendToCrmAndReport,
  serviceDeps,
} from '../../../flows/crm.js';
import { offerCrmConnect } from '../../../flows/crm-connect.js';
import { offerCrmDisconnect } from '../../../flows/crm-disconnect.js';
import { openMapModal } from '../../../flows/crm-map.js';
import { adminRefusal, workspaceAdminCheck } from '../../../flows/workspace-admin.js';
import { dealForChannelOrExplain } from '../../../guards/deal.js';
import { auditLogMessage } from '../../../views/crm.js';
import type { Subcommand, SubcommandContext } from './types.js';

const USAGE =
  '`/vision crm connect salesforce|hubspot` (admins) connects a CRM · `/vision crm disconnect salesforce|hubspot` (admins) disconnects it · `/vision crm` shows the linked opportunity/deal · `/vision crm refresh` re-reads it · `/vision crm send [version]` sends a draft · `/vision crm map` maps fields · `/vision crm log` lists every write';

async function run(ctx: SubcommandContext, deps: CrmDeps): Promise<void> {
  const { respond, teamId, channelId, userId, client } = ctx;
  const [verb = '', ...rest] = ctx.args.toLowerCase().split(/\s+/).filter(Boolean);
  if (verb === 'connect') {
    await offerCrmConnect(deps, client, { teamId, userId, providerWord: rest[0], respond });
    return;
  }
  if (verb === 'disconnect') {
    await offerCrmDisconnect(deps, client, { teamId, userId, providerWord: rest[0], respond });
    return;
  }
  if (verb === 'map') {
    const check = await workspaceAdminCheck(deps, client, userId);
    if (check !== 'admin') {
      await respond({ response_type: 'ephemeral', text: adminRefusal(check) });
      return;
    }
    const mapped = deps.crm.providers[0];
    const unmapped = mapped ? await notConnectedReason(deps, teamId, mapped) : null;
    if (unmapped) {
      await respond({ response_type: 'ephemeral', text: unmapped });
      return;
    }
    await openMapModal(deps, client, { teamId, userId, triggerId: ctx.triggerId, respond });
    return;
  }
  const deal = await dealForChannelOrExplain(deps, teamId, channelId, respond);
  if (!deal) return;
  const link = await deps.repos.crm.getLink(teamId, deal.id);
  // A CRM an admin disconnected: the link stays, read-only, and nothing goes to or comes from the CRM.
  const notConnected = link ? await notConnectedReason(deps, teamId, link.provider) : null;
  if (verb === '' || verb === 'show') {
    if (!link) {
      await respond({
        response_type: 'ephemeral',
        text: 'This deal is not linked to a CRM record yet: use `/vision setup` to link it.',
      });
      return;
    }
    const panel = panelFor(deps, link);
    await respond({
      response_type: 'ephemeral',
      ...(notConnected
        ? {
            text: `${notConnected}\n${panel.text}`,
            blocks: [{ type: 'section', text: { type: 'mrkdwn', text: notConnected } }, ...panel.blocks],
          }
        : panel),
    });
  } else if (notConnected && verb === 'refresh') {
    await respond({ response_type: 'ephemeral', text: notConnected });
  } else if (verb === 'refresh') {
    const result = await refreshCrmLink(serviceDeps(deps), teamId, deal.id);
    await respond({
      response_type: 'ephemeral',
      ...(result.ok ? panelFor(deps, result.link) : { text: result.message }),
    });
  } else if (verb === 'send') {
    const version = rest[0] ? Number(rest[0].replace(/^v/, '')) : undefined;
    if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
      await respond({
        response_type: 'ephemeral',
        text: 'Give a draft version number, e.g. `/vision crm send 3`.',
      });
      return;
    }
    await sendToCrmAndReport(deps, client, {
      teamId,
      dealId: deal.id,
      channelId,
      userId,
      ...(version !== undefined ? { version } : {}),
    });
  } else if (verb === 'log') {
    await respond({
      response_type: 'ephemeral',
      ...auditLogMessage(await deps.repos.crm.listWrites(teamId, deal.id, 30)),
    });
  } else {
    await respond({ response_type: 'ephemeral', text: USAGE });
  }
}

/** `/vision crm [connect <crm>|disconnect <crm>|refresh|send [n]|map|log]`: the linked CRM record and every write to it, on purpose only. */
export function crmSubcommand(): Subcommand {
  return {
    name: 'crm',
    usage: 'crm [connect <crm>|disconnect <crm>|refresh|send [version]|map|log]',
    summary:
      'The linked Salesforce opportunity or HubSpot deal: refresh it, send a draft, map fields, see writes',
    group: 'Set up',
    async run(ctx) {
      if (!hasCrm(ctx.deps)) {
        await ctx.respond({
          response_type: 'ephemeral',
          text: 'No CRM is connected to this app. An admin can connect Salesforce or HubSpot (see the README, "CRM").',
        });
        return;
      }
      await run(ctx, ctx.deps);
    },
  };
}
