import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { crmFailureText } from '../../services/crm/link.js';
import { plain } from '../views/blocks.js';
import { mapModal } from '../views/crm.js';
import { CRM_IDS } from '../views/crm-ids.js';
import { LIMITS } from '../views/limits.js';
import type { CrmDeps } from './crm.js';

/**
 * Opens the field-mapping modal at once (the trigger expires in 3 s), then fills it with the fields the CRM
 * describes. One CRM per install in practice; with both connected, the first one is mapped.
 */
export async function openMapModal(
  deps: CrmDeps,
  client: WebClient,
  args: { teamId: string; userId: string; triggerId: string; respond: RespondFn },
): Promise<void> {
  const provider = deps.crm.providers[0];
  const adapter = provider ? deps.crm.adapter(args.teamId, provider) : null;
  if (!provider || !adapter) return;
  const opened = await client.views.open({
    trigger_id: args.triggerId,
    view: {
      type: 'modal',
      callback_id: CRM_IDS.mapView,
      title: plain('Map CRM fields', LIMITS.modalTitle),
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Reading the fields from the CRM…' } }],
    },
  });
  const viewId = opened.view?.id;
  if (!viewId) return;
  try {
    const [fields, mappings] = await Promise.all([
      adapter.listFields(),
      deps.repos.crm.listMappings(args.teamId, provider),
    ]);
    await client.views.update({ view_id: viewId, view: mapModal({ provider, fields, mappings }) });
  } catch (error) {
    await client.views.update({
      view_id: viewId,
      view: {
        type: 'modal',
        title: plain('Map CRM fields', LIMITS.modalTitle),
        blocks: [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: `The CRM did not list its fields: ${crmFailureText(error).replace(/[<>&]/g, '')}`,
            },
          },
        ],
      },
    });
  }
}
