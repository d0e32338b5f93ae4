import { messageJson, viewJson } from '../emulator/serialize.js';
import type { EphemeralMessage, JsonObject, SlackMessage, StoredView } from '../emulator/types.js';
import { actionTs, type DriverDeps, interactionBase, newResponseUrl, requireChannel } from './context.js';
import { findElement, type InputValue, type LocatedElement, valueFields } from './elements.js';
import { type DriverResponse, FORM, interactionBody, type SendOptions, send } from './transport.js';

export interface ClickOptions {
  /** For selects, overflow, pickers, checkboxes: the chosen value(s). Buttons send their own value. */
  value?: InputValue;
  /** Narrows the search when several blocks use the same action_id. */
  blockId?: string;
}

/** The action object Slack puts in block_actions.actions[]. */
function actionJson(deps: DriverDeps, located: LocatedElement, value: InputValue | undefined): JsonObject {
  const { element, blockId } = located;
  const action: JsonObject = { action_id: element.action_id, block_id: blockId, type: element.type };
  if (element.type === 'button') {
    action.text = element.text;
    if (element.value !== undefined) action.value = element.value;
    if (element.style !== undefined) action.style = element.style;
  } else {
    if (value === undefined) throw new Error(`emulator: ${String(element.type)} needs a value to act on`);
    Object.assign(action, valueFields(element, value));
  }
  action.action_ts = actionTs(deps);
  return action;
}

/** Sends a block_actions payload as Slack would for a click in a message or a view. */
export async function clickElement(
  deps: DriverDeps,
  target: string,
  actionId: string,
  userId: string,
  options: ClickOptions = {},
  send_: SendOptions = {},
): Promise<DriverResponse> {
  const view = deps.state.views.get(target);
  if (view) return clickInView(deps, view, actionId, userId, options, send_);
  const found = deps.state.findAnyMessage(target);
  if (!found) throw new Error(`emulator: no message or view ${target}`);
  return clickInMessage(deps, found.message, found.ephemeral, actionId, userId, options, send_);
}

async function clickInMessage(
  deps: DriverDeps,
  message: SlackMessage | EphemeralMessage,
  ephemeral: boolean,
  actionId: string,
  userId: string,
  options: ClickOptions,
  send_: SendOptions,
): Promise<DriverResponse> {
  const located = findElement(message.blocks, actionId, options.blockId);
  if (!located) throw new Error(`emulator: no element ${actionId} in message ${message.ts}`);
  const channel = requireChannel(deps, message.channel);
  const threadTs = message.threadTs && message.threadTs !== message.ts ? message.threadTs : undefined;
  const payload: JsonObject = {
    ...interactionBase(deps, 'block_actions', userId),
    container: { type: 'message', message_ts: message.ts, channel_id: channel.id, is_ephemeral: ephemeral },
    trigger_id: deps.triggers.issue(userId),
    channel: { id: channel.id, name: channel.isIm ? 'directmessage' : channel.name },
    state: { values: {} },
    response_url: newResponseUrl(deps, { channelId: channel.id, userId, messageTs: message.ts, threadTs }),
    actions: [actionJson(deps, located, options.value)],
  };
  if (!ephemeral) payload.message = messageJson(deps.state, message as SlackMessage);
  if (threadTs) (payload.container as JsonObject).thread_ts = threadTs;
  return send(deps.transport, interactionBody(payload), FORM, send_);
}

async function clickInView(
  deps: DriverDeps,
  view: StoredView,
  actionId: string,
  userId: string,
  options: ClickOptions,
  send_: SendOptions,
): Promise<DriverResponse> {
  const blocks = Array.isArray(view.definition.blocks) ? (view.definition.blocks as JsonObject[]) : [];
  const located = findElement(blocks, actionId, options.blockId);
  if (!located) throw new Error(`emulator: no element ${actionId} in view ${view.id}`);
  const action = actionJson(deps, located, options.value);
  if (located.element.type !== 'button') {
    const { action_id: _a, block_id: _b, action_ts: _t, ...fields } = action;
    view.values = {
      ...view.values,
      [located.blockId]: { ...view.values[located.blockId], [actionId]: fields },
    };
  }
  const payload: JsonObject = {
    ...interactionBase(deps, 'block_actions', userId),
    container: { type: 'view', view_id: view.id },
    trigger_id: deps.triggers.issue(userId),
    view: viewJson(deps.state, view),
    actions: [action],
  };
  return send(deps.transport, interactionBody(payload), FORM, send_);
}

/** A hand-built block_actions payload (for cases clickElement cannot express). */
export function blockActions(
  deps: DriverDeps,
  userId: string,
  fields: JsonObject,
  send_: SendOptions = {},
): Promise<DriverResponse> {
  const payload = {
    ...interactionBase(deps, 'block_actions', userId),
    trigger_id: deps.triggers.issue(userId),
    ...fields,
  };
  return send(deps.transport, interactionBody(payload), FORM, send_);
}
