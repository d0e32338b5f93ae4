import { SlackApiError } from '../emulator/methods/context.js';
import { checkView } from '../emulator/methods/views.js';
import { normalizeView } from '../emulator/normalize.js';
import { viewJson } from '../emulator/serialize.js';
import type { JsonObject, StoredView } from '../emulator/types.js';
import { MAX_MODAL_STACK } from '../emulator/views-store.js';
import { type DriverDeps, interactionBase } from './context.js';
import { type InputValue, initialFields, isEmpty, valueFields } from './elements.js';
import { type DriverResponse, FORM, interactionBody, type SendOptions, send } from './transport.js';

/** Values a test submits: `{ block_id: { action_id: value } }` or, for a one-element input, `{ block_id: value }`. */
export type SubmittedValues = Record<string, InputValue | Record<string, InputValue>>;

export type ViewOutcome = 'close' | 'errors' | 'update' | 'push' | 'clear' | 'kept_open' | 'invalid_response';

export interface ViewSubmissionResult extends DriverResponse {
  outcome: ViewOutcome;
  /** The view now on top of the user's stack (undefined when the stack is empty). */
  topView: StoredView | undefined;
  errors?: Record<string, string>;
  /** Slack's error when the app answered update/push with an invalid view. */
  responseError?: string;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds view.state.values from the view's input blocks the way Slack's client does. */
export function buildStateValues(view: StoredView, submitted: SubmittedValues): StoredView['values'] {
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks.filter(isObject) : [];
  const values: StoredView['values'] = structuredClone(view.values);
  for (const block of blocks) {
    if (block.type !== 'input' || !isObject(block.element)) continue;
    const blockId = String(block.block_id);
    const element = block.element;
    const actionId = String(element.action_id);
    const given = submitted[blockId];
    const explicit =
      isObject(given) && actionId in given ? (given as Record<string, InputValue>)[actionId] : given;
    const fields =
      explicit !== undefined
        ? valueFields(element, explicit as InputValue)
        : (values[blockId]?.[actionId] ?? initialFields(element));
    const entry: JsonObject = { type: element.type, ...fields };
    if (block.optional !== true && isEmpty(entry)) {
      throw new Error(`emulator: required input ${blockId}/${actionId} is empty; Slack would not submit`);
    }
    const max = typeof element.max_length === 'number' ? element.max_length : undefined;
    if (max !== undefined && typeof entry.value === 'string' && entry.value.length > max) {
      throw new Error(`emulator: ${blockId}/${actionId} is longer than max_length ${max}`);
    }
    values[blockId] = { ...values[blockId], [actionId]: entry };
  }
  return values;
}

function applyView(apply: () => void): string | undefined {
  try {
    apply();
    return undefined;
  } catch (error) {
    if (error instanceof SlackApiError) return error.code;
    throw error;
  }
}

/** Applies the app's answer to a view_submission to the user's modal stack, like Slack's client. */
function applyResponse(deps: DriverDeps, view: StoredView, response: DriverResponse): ViewSubmissionResult {
  const views = deps.state.views;
  const top = () => views.top(view.userId);
  if (response.status !== 200) return { ...response, outcome: 'kept_open', topView: top() };
  const body = isObject(response.body) ? response.body : {};
  const action = body.response_action;
  if (action === 'errors' && isObject(body.errors)) {
    view.errors = body.errors as Record<string, string>;
    return { ...response, outcome: 'errors', topView: top(), errors: view.errors };
  }
  if ((action === 'update' || action === 'push') && isObject(body.view)) {
    const next = body.view;
    const responseError = applyView(() => {
      checkView(next, 'modal');
      if (action === 'push' && views.stack(view.userId).length >= MAX_MODAL_STACK) {
        throw new SlackApiError('push_limit_reached');
      }
      const normalized = normalizeView(next, deps.state.nextTs());
      if (action === 'update') views.replace(view, normalized);
      else views.push(view.userId, normalized);
    });
    return {
      ...response,
      outcome: responseError ? 'invalid_response' : action,
      topView: top(),
      responseError,
    };
  }
  if (action === 'clear') {
    views.clear(view.userId);
    return { ...response, outcome: 'clear', topView: top() };
  }
  views.close(view.id);
  return { ...response, outcome: 'close', topView: top() };
}

export async function submitView(
  deps: DriverDeps,
  viewId: string,
  submitted: SubmittedValues,
  userId?: string,
  send_: SendOptions = {},
): Promise<ViewSubmissionResult> {
  const view = deps.state.views.get(viewId);
  if (!view?.open || view.type !== 'modal') throw new Error(`emulator: no open modal ${viewId}`);
  const actor = userId ?? view.userId;
  view.values = buildStateValues(view, submitted);
  view.errors = undefined;
  const payload = {
    ...interactionBase(deps, 'view_submission', actor),
    trigger_id: deps.triggers.issue(actor),
    view: viewJson(deps.state, view),
    response_urls: [],
  };
  const response = await send(deps.transport, interactionBody(payload), FORM, send_);
  return applyResponse(deps, view, response);
}

/**
 * The user closes a modal. Slack only tells the app when the view has notify_on_close
 * (pass force to send anyway); returns undefined when nothing was sent.
 */
export async function closeView(
  deps: DriverDeps,
  viewId: string,
  options: { userId?: string; force?: boolean } = {},
  send_: SendOptions = {},
): Promise<DriverResponse | undefined> {
  const view = deps.state.views.get(viewId);
  if (!view?.open || view.type !== 'modal') throw new Error(`emulator: no open modal ${viewId}`);
  const actor = options.userId ?? view.userId;
  const payload = {
    ...interactionBase(deps, 'view_closed', actor),
    view: viewJson(deps.state, view),
    is_cleared: false,
  };
  deps.state.views.close(view.id);
  if (view.definition.notify_on_close !== true && !options.force) return undefined;
  return send(deps.transport, interactionBody(payload), FORM, send_);
}
