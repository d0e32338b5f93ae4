import { z } from 'zod';
import type { ResponseUrlRegistry } from '../response-urls.js';
import type { WorkspaceState } from '../state.js';
import type { TriggerRegistry } from '../triggers.js';
import type { JsonObject } from '../types.js';

/** A Slack API error: answered as `{ ok: false, error: code, ...extra }` with HTTP 200. */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: JsonObject = {},
  ) {
    super(code);
  }
}

export interface Caller {
  token: string;
  userId: string;
  isBot: boolean;
}

export interface MethodContext {
  state: WorkspaceState;
  triggers: TriggerRegistry;
  responseUrls: ResponseUrlRegistry;
  caller: Caller;
  /** Base URL of the emulator as seen by the app (no trailing slash). */
  baseUrl: string;
}

export type MethodHandler = (args: JsonObject, ctx: MethodContext) => JsonObject | Promise<JsonObject>;

/** Parses method arguments; a bad or missing argument is Slack's `invalid_arguments`. */
export function parseArgs<S extends z.ZodType>(schema: S, args: JsonObject): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map(
    (issue) => `[ERROR] ${issue.message} [json-pointer:/${issue.path.join('/')}]`,
  );
  throw new SlackApiError('invalid_arguments', { response_metadata: { messages } });
}

const parseJsonString = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** A JSON-valued field: form bodies carry it as a JSON string, JSON bodies as the value itself. */
export const jsonField = <S extends z.ZodType>(schema: S) => z.preprocess(parseJsonString, schema);

/** Form bodies carry booleans as 'true' / '1'. */
export const boolField = z.preprocess(
  (v) => (typeof v === 'string' ? v === 'true' || v === '1' : v),
  z.boolean(),
);

/** Numbers may arrive as strings. */
export const numberField = z.coerce.number();

export const blocksField = jsonField(z.array(z.record(z.string(), z.unknown())));
export const objectField = jsonField(z.record(z.string(), z.unknown()));

/** Channel lookup shared by methods: missing or invisible -> channel_not_found. */
export function requireChannel(ctx: MethodContext, channelIdOrName: string) {
  const channel = ctx.state.resolveChannel(channelIdOrName);
  if (!channel) throw new SlackApiError('channel_not_found');
  if (channel.isPrivate && !channel.members.includes(ctx.caller.userId))
    throw new SlackApiError('channel_not_found');
  return channel;
}

/** Posting, reading history, etc. need the caller in the channel; Slack never auto-joins. */
export function requireMembership(ctx: MethodContext, channelIdOrName: string) {
  const channel = requireChannel(ctx, channelIdOrName);
  if (!channel.members.includes(ctx.caller.userId)) throw new SlackApiError('not_in_channel');
  return channel;
}
