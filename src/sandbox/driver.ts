import {
  channelName,
  type DriverDeps,
  interactionBase,
  newResponseUrl,
  requireChannel,
  requireUser,
} from './driver/context.js';
import { blockActions, type ClickOptions, clickElement } from './driver/interactions.js';
import {
  type DriverResponse,
  FORM,
  formEncode,
  interactionBody,
  JSON_TYPE,
  type SendOptions,
  send,
} from './driver/transport.js';
import { closeView, type SubmittedValues, submitView, type ViewSubmissionResult } from './driver/views.js';
import { deliverResponse, responsePayloadSchema } from './emulator/responses.js';
import { messageJson, viewJson } from './emulator/serialize.js';
import type { JsonObject, SlackMessage } from './emulator/types.js';

export type { DriverResponse, SendOptions } from './driver/transport.js';
export type { SubmittedValues, ViewSubmissionResult } from './driver/views.js';

export interface SlashCommandInput {
  userId: string;
  channelId: string;
  text?: string;
  command?: string;
}

export interface SlashCommandResult extends DriverResponse {
  triggerId: string;
  responseUrl: string;
}

export interface EventOptions {
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
}

/** Sends what Slack would send to the app: signed slash commands, events and interactivity payloads. */
export function createDriver(deps: DriverDeps) {
  let eventCounter = 0;

  /** Slack shows a slash command's ack body (text or blocks) to the user, ephemeral unless in_channel. */
  function showAck(result: DriverResponse, channelId: string, userId: string): void {
    if (result.status !== 200) return;
    const body = typeof result.body === 'string' ? (result.body ? { text: result.body } : null) : result.body;
    const parsed = responsePayloadSchema.safeParse(body);
    if (!parsed.success || (!parsed.data.text && !parsed.data.blocks)) return;
    deliverResponse(deps.state, { channelId, userId }, parsed.data, 'ack');
  }

  const driver = {
    async slashCommand(input: SlashCommandInput, options: SendOptions = {}): Promise<SlashCommandResult> {
      const user = requireUser(deps, input.userId);
      const channel = requireChannel(deps, input.channelId);
      const triggerId = deps.triggers.issue(user.id);
      const responseUrl = newResponseUrl(deps, { channelId: channel.id, userId: user.id });
      const body = formEncode({
        token: deps.verificationToken,
        team_id: deps.state.team.id,
        team_domain: deps.state.team.domain,
        channel_id: channel.id,
        channel_name: channelName(channel),
        user_id: user.id,
        user_name: user.name,
        command: input.command ?? '/vision',
        text: input.text ?? '',
        api_app_id: deps.state.bot.appId,
        ...(deps.state.team.enterpriseId
          ? {
              enterprise_id: deps.state.team.enterpriseId,
              enterprise_name: deps.state.team.enterpriseName ?? deps.state.team.enterpriseId,
            }
          : {}),
        is_enterprise_install: deps.state.team.orgWideInstall ? 'true' : 'false',
        response_url: responseUrl,
        trigger_id: triggerId,
      });
      const result = await send(deps.transport, body, FORM, options);
      showAck(result, channel.id, user.id);
      return { ...result, triggerId, responseUrl };
    },

    /** Wraps an event in an event_callback envelope and sends it as JSON. */
    event(event: JsonObject, options: EventOptions & SendOptions = {}): Promise<DriverResponse> {
      eventCounter += 1;
      const now = deps.state.clock();
      const { enterpriseId, orgWideInstall } = deps.state.team;
      const envelope = {
        token: deps.verificationToken,
        team_id: deps.state.team.id,
        ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
        context_team_id: deps.state.team.id,
        api_app_id: deps.state.bot.appId,
        event: { event_ts: deps.state.nextTs(), ...event },
        type: 'event_callback',
        event_id: options.eventId ?? `Ev0LOCAL${String(eventCounter).padStart(6, '0')}`,
        event_time: Math.floor(now / 1000),
        authorizations: [
          {
            enterprise_id: enterpriseId ?? null,
            // An org-wide installation belongs to the org, not to the workspace the event came from.
            team_id: orgWideInstall ? null : deps.state.team.id,
            user_id: deps.state.bot.userId,
            is_bot: true,
            is_enterprise_install: orgWideInstall === true,
          },
        ],
        is_ext_shared_channel: false,
      };
      return send(deps.transport, JSON.stringify(envelope), JSON_TYPE, options);
    },

    /** A person posts in a channel: stored in the workspace and sent as a `message` event. */
    async userMessage(input: { userId: string; channelId: string; text: string; threadTs?: string }) {
      const channel = requireChannel(deps, input.channelId);
      if (!channel.members.includes(input.userId))
        throw new Error(`emulator: ${input.userId} is not in ${channel.id}`);
      const message: SlackMessage = deps.state.addMessage({
        channel: channel.id,
        ts: deps.state.nextTs(),
        user: input.userId,
        text: input.text,
        threadTs: input.threadTs,
        reactions: [],
      });
      if (input.threadTs) {
        const parent = deps.state.findMessage(channel.id, input.threadTs);
        if (parent && !parent.threadTs) deps.state.updateMessage(parent, { threadTs: parent.ts });
      }
      const channelType = channel.isIm
        ? 'im'
        : channel.isMpim
          ? 'mpim'
          : channel.isPrivate
            ? 'group'
            : 'channel';
      const event = { ...messageJson(deps.state, message), channel: channel.id, channel_type: channelType };
      const response = await driver.event({ ...event, event_ts: message.ts });
      return { ts: message.ts, response };
    },

    /** A user opens the app's Home tab. */
    openHome(userId: string): Promise<DriverResponse> {
      requireUser(deps, userId);
      const home = deps.state.views.home(userId);
      const event: JsonObject = {
        type: 'app_home_opened',
        user: userId,
        channel: deps.state.openIm(userId).id,
        tab: 'home',
      };
      if (home) event.view = viewJson(deps.state, home);
      return driver.event(event);
    },

    /** Someone invites the bot to a channel: it becomes a member and the app gets member_joined_channel. */
    inviteBot(channelId: string, inviterId: string): Promise<DriverResponse> {
      const channel = requireChannel(deps, channelId);
      deps.state.joinChannel(channel.id, deps.state.bot.userId);
      return driver.event({
        type: 'member_joined_channel',
        user: deps.state.bot.userId,
        channel: channel.id,
        channel_type: channel.isPrivate ? 'G' : 'C',
        team: deps.state.team.id,
        inviter: inviterId,
      });
    },

    /** Global shortcut. */
    shortcut(
      input: { callbackId: string; userId: string },
      options: SendOptions = {},
    ): Promise<DriverResponse> {
      const payload = {
        ...interactionBase(deps, 'shortcut', input.userId),
        action_ts: deps.state.nextTs(),
        callback_id: input.callbackId,
        trigger_id: deps.triggers.issue(input.userId),
      };
      return send(deps.transport, interactionBody(payload), FORM, options);
    },

    /** Message shortcut on a stored message. */
    messageAction(
      input: { channelId: string; messageTs: string; userId: string; callbackId: string },
      options: SendOptions = {},
    ): Promise<DriverResponse> {
      const channel = requireChannel(deps, input.channelId);
      const message = deps.state.findMessage(channel.id, input.messageTs);
      if (!message) throw new Error(`emulator: no message ${input.messageTs} in ${channel.id}`);
      const user = requireUser(deps, input.userId);
      const threadTs = message.threadTs && message.threadTs !== message.ts ? message.threadTs : undefined;
      const payload = {
        ...interactionBase(deps, 'message_action', user.id),
        user: { id: user.id, name: user.name, username: user.name, team_id: deps.state.team.id },
        action_ts: deps.state.nextTs(),
        channel: { id: channel.id, name: channelName(channel) },
        callback_id: input.callbackId,
        trigger_id: deps.triggers.issue(user.id),
        message_ts: message.ts,
        message: messageJson(deps.state, message),
        response_url: newResponseUrl(deps, {
          channelId: channel.id,
          userId: user.id,
          messageTs: message.ts,
          threadTs,
        }),
      };
      return send(deps.transport, interactionBody(payload), FORM, options);
    },

    /** Clicks a button (or picks a select / overflow value) in a stored message (by ts) or view (by id). */
    clickButton(target: string, actionId: string, userId: string, options: ClickOptions = {}) {
      return clickElement(deps, target, actionId, userId, options);
    },

    blockActions(userId: string, fields: JsonObject, options: SendOptions = {}) {
      return blockActions(deps, userId, fields, options);
    },

    viewSubmission(
      viewId: string,
      values: SubmittedValues = {},
      userId?: string,
    ): Promise<ViewSubmissionResult> {
      return submitView(deps, viewId, values, userId);
    },

    /** Same as viewSubmission. */
    submitView(viewId: string, values: SubmittedValues = {}, userId?: string): Promise<ViewSubmissionResult> {
      return submitView(deps, viewId, values, userId);
    },

    viewClosed(viewId: string, options: { userId?: string; force?: boolean } = {}) {
      return closeView(deps, viewId, options);
    },

    /** Posts any body (e.g. a vendor fixture) to the app; signed unless sign:false. */
    sendRaw(body: string | JsonObject, options: SendOptions & { contentType?: string } = {}) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const contentType = options.contentType ?? (typeof body === 'string' ? FORM : JSON_TYPE);
      return send(deps.transport, text, contentType, options);
    },

    /** Sends an interactivity payload object form-encoded as payload=<json>. */
    sendPayload(payload: JsonObject, options: SendOptions = {}) {
      return send(deps.transport, interactionBody(payload), FORM, options);
    },
  };
  return driver;
}

export type SlackDriver = ReturnType<typeof createDriver>;
