import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import {
  isValidTimeZone,
  localDateString,
  nudgeScheduleSchema,
  parseLocalDate,
} from '../../../domain/nudges/index.js';
import { applyNudgeChange, findNudgeTarget, refusalText } from '../../../services/nudges-actions.js';
import type { AppDeps } from '../../deps.js';
import { updateNudgeItem } from '../../flows/nudge-message-update.js';
import { NUDGE_IDS } from '../../views/ids.js';
import { OUTCOME_MAX } from '../../views/nudge-modals.js';
import { type FieldErrors, ViewState } from '../../views/view-state.js';
import { saveOrSayWhy } from './save-or-say-why.js';

type ViewArgs = SlackViewMiddlewareArgs & AllMiddlewareArgs;

const refSchema = z.object({
  decisionId: z.number().int().positive(),
  channelId: z.string().min(1),
  messageTs: z.string().min(1),
});

function readRef(raw: string): z.infer<typeof refSchema> | null {
  try {
    const parsed = refSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Decided / new date: validate inline, re-check ownership, update the decision, then the nudge message. */
function decisionSubmission(deps: AppDeps, kind: 'decided' | 'new_date') {
  return async (args: ViewArgs): Promise<void> => {
    const { body, view } = args;
    const field = kind === 'decided' ? NUDGE_IDS.outcome : NUDGE_IDS.date;
    const ref = readRef(view.private_metadata);
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const target = ref ? await findNudgeTarget(deps.repos, { teamId, ...ref }) : null;
    if (!target?.ok || target.decision.status !== 'open') {
      const reason = !target ? 'not_found' : target.ok ? 'not_open' : target.reason;
      await args.ack({ response_action: 'errors', errors: { [field]: refusalText(reason) } });
      return;
    }
    const { settings } = await deps.repos.workspaces.get(teamId);
    const state = ViewState.parse(view.state.values);
    const errors: FieldErrors = {};
    const outcome = state.text(NUDGE_IDS.outcome);
    const date = state.date(NUDGE_IDS.date);
    if (kind === 'decided' && (!outcome || outcome.length > OUTCOME_MAX)) {
      errors[field] = outcome ? `Keep it under ${OUTCOME_MAX} characters.` : 'Say what they decided.';
    }
    if (kind === 'new_date') {
      const today = localDateString(deps.clock(), settings.timeZone);
      if (!date || !parseLocalDate(date)) errors[field] = 'Pick a date.';
      else if (date < today) errors[field] = 'Pick today or a later date.';
    }
    if (Object.keys(errors).length > 0) {
      await args.ack({ response_action: 'errors', errors });
      return;
    }
    await args.ack();
    const change = kind === 'decided' ? { kind, outcome: outcome! } : { kind, date: date! };
    const applied = await applyNudgeChange(deps.repos, target, change, {
      userId: body.user.id,
      now: deps.clock(),
      timeZone: settings.timeZone,
    });
    if (!applied || !ref) return;
    await updateNudgeItem(
      { client: args.client, logger: deps.logger },
      { channelId: ref.channelId, messageTs: ref.messageTs },
      { decisionId: ref.decisionId, title: target.decision.title, resolution: applied.resolution },
    );
  };
}

const selectedTime = (values: unknown): string | null => {
  const parsed = z
    .record(
      z.string(),
      z.record(z.string(), z.object({ selected_time: z.string().nullable().optional() }).passthrough()),
    )
    .safeParse(values);
  return parsed.success ? (parsed.data[NUDGE_IDS.time]?.[NUDGE_IDS.time]?.selected_time ?? null) : null;
};

/** `/vision nudges` settings: day, time, time zone, stall days, on/off; inline errors per field. */
function settingsSubmission(deps: AppDeps) {
  return async (args: ViewArgs): Promise<void> => {
    const { body, view } = args;
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const state = ViewState.parse(view.state.values);
    const errors: FieldErrors = {};
    const day = Number(state.selected(NUDGE_IDS.day));
    const time = selectedTime(view.state.values);
    const timeZone = state.text(NUDGE_IDS.timeZone) ?? '';
    const stallText = state.text(NUDGE_IDS.stallDays) ?? '';
    const stallDays = Number(stallText);
    if (!Number.isInteger(day) || day < 0 || day > 6) errors[NUDGE_IDS.day] = 'Pick a day.';
    if (!time || !nudgeScheduleSchema.shape.time.safeParse(time).success)
      errors[NUDGE_IDS.time] = 'Pick a time.';
    if (!isValidTimeZone(timeZone) || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) {
      errors[NUDGE_IDS.timeZone] = 'Use an IANA time zone such as Europe/Berlin.';
    }
    if (!/^\d{1,3}$/.test(stallText) || stallDays < 1 || stallDays > 90) {
      errors[NUDGE_IDS.stallDays] = 'A whole number of days from 1 to 90.';
    }
    if (Object.keys(errors).length > 0) {
      await args.ack({ response_action: 'errors', errors });
      return;
    }
    await args.ack();
    await deps.repos.workspaces.updateSettings(teamId, {
      nudgeDay: day,
      nudgeTime: time!,
      timeZone,
      stallDays,
      nudgesEnabled: state.selectedMany(NUDGE_IDS.enabled).includes('on'),
    });
  };
}

export function registerNudgeModals(app: App, deps: AppDeps): void {
  app.view(NUDGE_IDS.decidedModal, saveOrSayWhy(deps, decisionSubmission(deps, 'decided')));
  app.view(NUDGE_IDS.newDateModal, saveOrSayWhy(deps, decisionSubmission(deps, 'new_date')));
  app.view(NUDGE_IDS.settingsModal, saveOrSayWhy(deps, settingsSubmission(deps)));
}
