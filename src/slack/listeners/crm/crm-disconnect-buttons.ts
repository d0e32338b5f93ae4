import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { CrmDeps } from '../../flows/crm.js';
import { disconnectCrm } from '../../flows/crm-disconnect.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const provider = z.enum(['salesforce', 'hubspot']);

/** "Disconnect <CRM>" on the confirm step of `/vision crm disconnect`. */
export function crmDisconnectButton(deps: CrmDeps) {
  return async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const parsed = provider.safeParse(action.value);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    if (!parsed.success || !teamId) return;
    await disconnectCrm(deps, client, { teamId, userId: body.user.id, provider: parsed.data, respond });
  };
}

/** "Cancel": the confirm step becomes a note that nothing changed. */
export function crmDisconnectCancelButton() {
  return async ({ ack, respond }: ButtonArgs): Promise<void> => {
    await ack();
    await respond({ replace_original: true, text: 'Nothing was disconnected.' });
  };
}
