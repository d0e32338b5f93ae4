import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { findElement, type InputValue, valueFields } from '../driver/elements.js';
import type { SlackDriver } from '../driver.js';
import type { WorkspaceState } from '../emulator/state.js';
import type { JsonObject, StoredView } from '../emulator/types.js';

/** A value the page sends for one element: text, one choice, several choices, or nothing. */
const inputValue = z.union([z.string().max(20_000), z.array(z.string().max(3000)).max(100), z.null()]);
const formValues = z.record(z.string().max(255), z.record(z.string().max(255), inputValue));
const id = z.string().min(1).max(64);

export const apiSchemas = {
  send: z.object({ user: id, channel: id, text: z.string().min(1).max(40_000), threadTs: id.optional() }),
  action: z.object({
    user: id,
    target: id,
    actionId: z.string().min(1).max(255),
    blockId: z.string().max(255).optional(),
    value: inputValue.optional(),
    values: formValues.optional(),
  }),
  submit: z.object({ user: id, viewId: id, values: formValues }),
  close: z.object({ user: id, viewId: id }),
  shortcut: z.object({ user: id, channel: id, ts: id, callbackId: z.string().min(1).max(255) }),
  home: z.object({ user: id }),
  invite: z.object({ user: id, channel: id }),
};

export type ApiName = keyof typeof apiSchemas;

export interface ApiContext {
  state: WorkspaceState;
  driver: SlackDriver;
  botDisplayName: string;
  /** Slash commands the app declares (e.g. /vision). */
  commands: string[];
}

/** What the page shows after an action: ok, or a short reason. */
export type ApiResult = { ok: true; [key: string]: unknown } | { ok: false; error: string };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function appStatus(response: { status: number }): ApiResult {
  return response.status === 200
    ? { ok: true }
    : { ok: false, error: `The app answered HTTP ${response.status} (Slack would show "dispatch_failed").` };
}

/** `@Vision`, `@shared-vision` and `@riley.rep` become Slack mentions, as Slack's composer does. */
export function encodeMentions(ctx: ApiContext, text: string): string {
  const names = new Map<string, string>();
  for (const user of ctx.state.users.values()) names.set(user.name.toLowerCase(), user.id);
  names.set(ctx.botDisplayName.toLowerCase(), ctx.state.bot.userId);
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|\s)@([\w.-]+)/g, (whole, lead: string, name: string) => {
      const userId = names.get(name.toLowerCase());
      return userId ? `${lead}<@${userId}>` : whole;
    });
}

/** Copies what the user typed in a modal into view.state.values, as Slack's client keeps it while typing. */
function applyFormValues(view: StoredView, values: z.infer<typeof formValues>): void {
  const blocks = Array.isArray(view.definition.blocks) ? view.definition.blocks.filter(isObject) : [];
  for (const [blockId, byAction] of Object.entries(values)) {
    for (const [actionId, value] of Object.entries(byAction)) {
      const located = findElement(blocks, actionId, blockId);
      if (!located) continue;
      try {
        const fields = valueFields(located.element, value as InputValue);
        view.values = {
          ...view.values,
          [blockId]: { ...view.values[blockId], [actionId]: { type: located.element.type, ...fields } },
        };
      } catch {
        // An option the view no longer offers: Slack would drop it too.
      }
    }
  }
}

function requireHuman(ctx: ApiContext, userId: string): void {
  const user = ctx.state.users.get(userId);
  if (!user || user.isBot || user.deleted) throw new Error(`unknown user ${userId}`);
}

async function send(ctx: ApiContext, input: z.infer<typeof apiSchemas.send>): Promise<ApiResult> {
  const text = input.text.trim();
  const command = /^(\/[a-z][\w-]*)(?:\s+([\s\S]*))?$/i.exec(text);
  if (command) {
    const name = command[1]!.toLowerCase();
    if (!ctx.commands.includes(name)) {
      return { ok: false, error: `${name} is not a valid command. Try ${ctx.commands.join(', ')}.` };
    }
    const result = await ctx.driver.slashCommand({
      userId: input.user,
      channelId: input.channel,
      command: name,
      text: command[2]?.trim() ?? '',
    });
    return appStatus(result);
  }
  const encoded = encodeMentions(ctx, text);
  const posted = await ctx.driver.userMessage({
    userId: input.user,
    channelId: input.channel,
    text: encoded,
    threadTs: input.threadTs,
  });
  const channel = ctx.state.resolveChannel(input.channel);
  if (channel && !channel.isIm && encoded.includes(`<@${ctx.state.bot.userId}>`)) {
    const event: JsonObject = { type: 'app_mention', user: input.user, text: encoded, ts: posted.ts };
    event.channel = channel.id;
    event.event_ts = posted.ts;
    if (input.threadTs) event.thread_ts = input.threadTs;
    await ctx.driver.event(event);
  }
  const status = appStatus(posted.response);
  return status.ok ? { ok: true, ts: posted.ts } : status;
}

async function action(ctx: ApiContext, input: z.infer<typeof apiSchemas.action>): Promise<ApiResult> {
  const view = ctx.state.views.get(input.target);
  if (view && input.values) applyFormValues(view, input.values);
  const result = await ctx.driver.clickButton(input.target, input.actionId, input.user, {
    ...(input.blockId ? { blockId: input.blockId } : {}),
    ...(input.value !== undefined ? { value: input.value } : {}),
  });
  return appStatus(result);
}

async function submit(ctx: ApiContext, input: z.infer<typeof apiSchemas.submit>): Promise<ApiResult> {
  const result = await ctx.driver.submitView(input.viewId, input.values, input.user);
  if (result.outcome === 'kept_open') return appStatus(result);
  if (result.responseError)
    return { ok: false, error: `Slack rejected the app's view: ${result.responseError}` };
  return { ok: true, outcome: result.outcome, errors: result.errors ?? {} };
}

/** Runs one page action through the driver: the app receives exactly what Slack would send. */
export async function runApi(ctx: ApiContext, name: ApiName, body: unknown): Promise<ApiResult> {
  switch (name) {
    case 'send': {
      const input = apiSchemas.send.parse(body);
      requireHuman(ctx, input.user);
      return send(ctx, input);
    }
    case 'action': {
      const input = apiSchemas.action.parse(body);
      requireHuman(ctx, input.user);
      return action(ctx, input);
    }
    case 'submit': {
      const input = apiSchemas.submit.parse(body);
      requireHuman(ctx, input.user);
      return submit(ctx, input);
    }
    case 'close': {
      const input = apiSchemas.close.parse(body);
      requireHuman(ctx, input.user);
      const response = await ctx.driver.viewClosed(input.viewId, { userId: input.user });
      return response ? appStatus(response) : { ok: true };
    }
    case 'shortcut': {
      const input = apiSchemas.shortcut.parse(body);
      requireHuman(ctx, input.user);
      const response = await ctx.driver.messageAction({
        channelId: input.channel,
        messageTs: input.ts,
        userId: input.user,
        callbackId: input.callbackId,
      });
      return appStatus(response);
    }
    case 'home': {
      const input = apiSchemas.home.parse(body);
      requireHuman(ctx, input.user);
      return appStatus(await ctx.driver.openHome(input.user));
    }
    case 'invite': {
      const input = apiSchemas.invite.parse(body);
      requireHuman(ctx, input.user);
      return appStatus(await ctx.driver.inviteBot(input.channel, input.user));
    }
  }
}

export const isApiName = (name: string): name is ApiName => Object.hasOwn(apiSchemas, name);

export function isJsonRequest(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}
