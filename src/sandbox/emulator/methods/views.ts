import { z } from 'zod';
import { validateView } from '../block-kit-rules.js';
import { normalizeView } from '../normalize.js';
import { viewJson } from '../serialize.js';
import type { JsonObject, StoredView } from '../types.js';
import { MAX_MODAL_STACK } from '../views-store.js';
import { type MethodContext, type MethodHandler, objectField, parseArgs, SlackApiError } from './context.js';

/** Validates a view definition; throws Slack's error with the `[ERROR] ...` messages. */
export function checkView(view: JsonObject, expected: 'modal' | 'home'): void {
  const problems = validateView(view, expected);
  if (problems) {
    throw new SlackApiError(problems.error, {
      response_metadata: { messages: problems.messages.map((m) => `[ERROR] ${m}`) },
    });
  }
}

function spendTrigger(ctx: MethodContext, triggerId: string): string {
  const result = ctx.triggers.consume(triggerId);
  if (!result.ok) throw new SlackApiError(result.error);
  return result.userId;
}

const openArgs = z.object({ trigger_id: z.string().min(1), view: objectField });

const open: MethodHandler = (raw, ctx) => {
  const args = parseArgs(openArgs, raw);
  checkView(args.view, 'modal');
  const userId = spendTrigger(ctx, args.trigger_id);
  const view = ctx.state.views.open(userId, normalizeView(args.view, ctx.state.nextTs()));
  return { ok: true, view: viewJson(ctx.state, view) };
};

const push: MethodHandler = (raw, ctx) => {
  const args = parseArgs(openArgs, raw);
  checkView(args.view, 'modal');
  const userId = spendTrigger(ctx, args.trigger_id);
  const stack = ctx.state.views.stack(userId);
  if (stack.length === 0) throw new SlackApiError('not_found');
  if (stack.length >= MAX_MODAL_STACK) throw new SlackApiError('push_limit_reached');
  const view = ctx.state.views.push(userId, normalizeView(args.view, ctx.state.nextTs()));
  return { ok: true, view: viewJson(ctx.state, view) };
};

const updateArgs = z.object({
  view: objectField,
  view_id: z.string().optional(),
  external_id: z.string().optional(),
  hash: z.string().optional(),
});

const update: MethodHandler = (raw, ctx) => {
  const args = parseArgs(updateArgs, raw);
  if (!args.view_id && !args.external_id) throw new SlackApiError('invalid_arguments');
  const existing: StoredView | undefined = args.view_id
    ? ctx.state.views.get(args.view_id)
    : ctx.state.views.byExternalId(args.external_id!);
  if (!existing?.open) throw new SlackApiError('not_found');
  if (args.hash && args.hash !== existing.hash) throw new SlackApiError('hash_conflict');
  checkView(args.view, existing.type);
  const view = ctx.state.views.replace(existing, normalizeView(args.view, ctx.state.nextTs()));
  return { ok: true, view: viewJson(ctx.state, view) };
};

const publishArgs = z.object({ user_id: z.string().min(1), view: objectField, hash: z.string().optional() });

const publish: MethodHandler = (raw, ctx) => {
  const args = parseArgs(publishArgs, raw);
  if (!ctx.state.users.has(args.user_id)) throw new SlackApiError('user_not_found');
  const existing = ctx.state.views.home(args.user_id);
  if (args.hash && existing && args.hash !== existing.hash) throw new SlackApiError('hash_conflict');
  checkView(args.view, 'home');
  const view = ctx.state.views.publishHome(args.user_id, normalizeView(args.view, ctx.state.nextTs()));
  return { ok: true, view: viewJson(ctx.state, view) };
};

export const viewsMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
