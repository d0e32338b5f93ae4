import type { AllMiddlewareArgs, App, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { localDateString } from '../../../domain/nudges/index.js';
import { applyNudgeChange, findNudgeTarget, refusalText } from '../../../services/nudges-actions.js';
import type { AppDeps } from '../../deps.js';
import { updateNudgeItem } from '../../flows/nudge-message-update.js';
import { NUDGE_IDS } from '../../views/ids.js';
import { decidedModal, newDateModal } from '../../views/nudge-modals.js';

type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

/** The parts of a block_actions payload a nudge button needs; anything else is refused. */
const clickSchema = z.object({
  team: z.object({ id: z.string().min(1) }),
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().optional(),
  container: z.object({ channel_id: z.string().min(1), message_ts: z.string().min(1) }),
  message: z.object({ blocks: z.array(z.unknown()).optional() }).optional(),
  actions: z.array(z.object({ value: z.string().regex(/^\d{1,12}$/) })).min(1),
});

async function tell(args: ActionArgs, text: string): Promise<void> {
  await args.respond({ response_type: 'ephemeral', replace_original: false, text });
}

function handler(deps: AppDeps, kind: 'snoozed' | 'dropped' | 'decided' | 'new_date') {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const parsed = clickSchema.safeParse(args.body);
    if (!parsed.success) return tell(args, 'That button could not be read; nothing changed.');
    const click = parsed.data;
    const where = { channelId: click.container.channel_id, messageTs: click.container.message_ts };
    const target = await findNudgeTarget(deps.repos, {
      teamId: click.team.id,
      ...where,
      decisionId: Number(click.actions[0]!.value),
    });
    if (!target.ok) return tell(args, refusalText(target.reason));
    if (target.decision.status !== 'open') return tell(args, refusalText('not_open'));
    const ref = { decisionId: target.decision.id, ...where };
    const { settings } = await deps.repos.workspaces.get(click.team.id);

    if (kind === 'decided' || kind === 'new_date') {
      if (!click.trigger_id) return tell(args, 'Slack sent no trigger to open the form; please try again.');
      const today = localDateString(deps.clock(), settings.timeZone);
      const initial =
        target.decision.dueDate && target.decision.dueDate > today ? target.decision.dueDate : today;
      const view =
        kind === 'decided'
          ? decidedModal(target.decision.title, ref)
          : newDateModal(target.decision.title, initial, ref);
      await args.client.views.open({ trigger_id: click.trigger_id, view });
      return;
    }
    const applied = await applyNudgeChange(
      deps.repos,
      target,
      { kind },
      {
        userId: click.user.id,
        now: deps.clock(),
        timeZone: settings.timeZone,
      },
    );
    if (!applied) return tell(args, refusalText('not_found'));
    await updateNudgeItem(
      { client: args.client, logger: deps.logger },
      { ...where, ...(click.message?.blocks ? { payloadBlocks: click.message.blocks } : {}) },
      { decisionId: target.decision.id, title: target.decision.title, resolution: applied.resolution },
    );
  };
}

/** Mark decided / Snooze 1 week / Set new date / Dropped on the weekly nudge message. */
export function registerNudgeButtons(app: App, deps: AppDeps): void {
  app.action(NUDGE_IDS.markDecided, handler(deps, 'decided'));
  app.action(NUDGE_IDS.snooze, handler(deps, 'snoozed'));
  app.action(NUDGE_IDS.newDate, handler(deps, 'new_date'));
  app.action(NUDGE_IDS.dropped, handler(deps, 'dropped'));
}
