/** Data model of the emulated Slack workspace. Field names follow Slack's where they are sent over the wire. */

export type JsonObject = Record<string, unknown>;
export type Block = JsonObject;

export interface SlackTeam {
  id: string;
  name: string;
  domain: string;
  /** The Enterprise Grid org the workspace belongs to, if any. */
  enterpriseId?: string;
  enterpriseName?: string;
  /** The app is installed org-wide (Slack then sends is_enterprise_install and no team in authorizations). */
  orgWideInstall?: boolean;
}

export interface SlackUser {
  id: string;
  name: string;
  realName: string;
  tz: string;
  tzLabel: string;
  tzOffset: number;
  /** Slack's `locale` (e.g. en-GB), returned by users.info with include_locale. */
  locale?: string;
  isBot: boolean;
  isAdmin?: boolean;
  isOwner?: boolean;
  email?: string;
  botId?: string;
  deleted?: boolean;
  /** Slack Connect: the user's own organisation, when it is not this workspace. */
  homeTeamId?: string;
}

export interface SlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isIm: boolean;
  isMpim: boolean;
  isArchived: boolean;
  members: string[];
  created: number;
  creator: string;
  topic: string;
  purpose: string;
  /** Slack Connect: shared with another organisation. */
  isExtShared?: boolean;
  /** For a DM: the human on the other side. */
  imUser?: string;
}

export interface Reaction {
  name: string;
  users: string[];
  count: number;
}

export interface SlackMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  user?: string;
  botId?: string;
  appId?: string;
  subtype?: string;
  text: string;
  blocks?: Block[];
  attachments?: JsonObject[];
  metadata?: JsonObject;
  files?: string[];
  reactions: Reaction[];
  replyBroadcast?: boolean;
  edited?: { user: string; ts: string };
}

export type EphemeralSource = 'api' | 'response_url' | 'ack';

export interface EphemeralMessage {
  channel: string;
  /** Recipient: the only user who sees it. */
  user: string;
  ts: string;
  threadTs?: string;
  text: string;
  blocks?: Block[];
  source: EphemeralSource;
}

export interface StoredView {
  id: string;
  userId: string;
  type: 'modal' | 'home';
  hash: string;
  rootViewId: string;
  previousViewId: string | null;
  externalId: string;
  /** The view definition as the app sent it, with block_id/action_id filled in like Slack does. */
  definition: JsonObject;
  /** view.state.values as last submitted / changed by the user. */
  values: Record<string, Record<string, JsonObject>>;
  /** Errors from the last `response_action: errors`, keyed by block_id. */
  errors?: Record<string, string>;
  open: boolean;
}

export interface StoredFile {
  id: string;
  name: string;
  title: string;
  length: number;
  altText?: string;
  snippetType?: string;
  bytes?: Buffer;
  createdBy: string;
  created: number;
  channels: string[];
  uploaded: boolean;
  completed: boolean;
}

export interface CallLogEntry {
  method: string;
  args: JsonObject;
  token: string | undefined;
  at: number;
  status: number;
  response: unknown;
}

export type Clock = () => number;
