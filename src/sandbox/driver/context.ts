import type { ResponseUrlRegistry, ResponseUrlTarget } from '../emulator/response-urls.js';
import type { WorkspaceState } from '../emulator/state.js';
import type { TriggerRegistry } from '../emulator/triggers.js';
import type { JsonObject, SlackChannel, SlackUser } from '../emulator/types.js';
import type { TransportConfig } from './transport.js';

export interface DriverDeps {
  state: WorkspaceState;
  triggers: TriggerRegistry;
  responseUrls: ResponseUrlRegistry;
  transport: TransportConfig;
  /** Base URL of the emulator, for response_url links. */
  baseUrl: () => string;
  /** The deprecated verification token Slack still puts in payloads. */
  verificationToken: string;
}

export function requireUser(deps: DriverDeps, userId: string): SlackUser {
  const user = deps.state.users.get(userId);
  if (!user) throw new Error(`emulator: unknown user ${userId}`);
  return user;
}

export function requireChannel(deps: DriverDeps, channelId: string): SlackChannel {
  const channel = deps.state.resolveChannel(channelId);
  if (!channel) throw new Error(`emulator: unknown channel ${channelId}`);
  return channel;
}

export const channelName = (c: SlackChannel) => (c.isIm ? 'directmessage' : c.isMpim ? 'mpdm' : c.name);

export function teamJson(deps: DriverDeps): JsonObject {
  const { id, domain, enterpriseId, enterpriseName } = deps.state.team;
  return enterpriseId
    ? { id, domain, enterprise_id: enterpriseId, enterprise_name: enterpriseName ?? enterpriseId }
    : { id, domain };
}

/** The Enterprise Grid org of an interactivity payload: null outside an org. */
export function enterpriseJson(deps: DriverDeps): JsonObject | null {
  const { enterpriseId, enterpriseName } = deps.state.team;
  return enterpriseId ? { id: enterpriseId, name: enterpriseName ?? enterpriseId } : null;
}

export function userJsonRef(deps: DriverDeps, userId: string): JsonObject {
  const user = requireUser(deps, userId);
  return {
    id: user.id,
    username: user.name,
    name: user.name,
    team_id: user.homeTeamId ?? deps.state.team.id,
  };
}

export function newResponseUrl(deps: DriverDeps, target: ResponseUrlTarget): string {
  return `${deps.baseUrl()}/response-url/${deps.responseUrls.issue(target)}`;
}

/** Seconds.micros like Slack's action_ts, from the emulator clock. */
export function actionTs(deps: DriverDeps): string {
  return deps.state.nextTs();
}

/** Fields every interactivity payload carries. */
export function interactionBase(deps: DriverDeps, type: string, userId: string): JsonObject {
  return {
    type,
    token: deps.verificationToken,
    team: teamJson(deps),
    user: userJsonRef(deps, userId),
    api_app_id: deps.state.bot.appId,
    is_enterprise_install: deps.state.team.orgWideInstall === true,
    enterprise: enterpriseJson(deps),
  };
}
