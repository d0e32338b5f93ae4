import type { WorkspaceState } from './state.js';
import type { JsonObject, SlackChannel, SlackMessage, SlackUser, StoredFile, StoredView } from './types.js';

/** Wire shapes of the emulator's model, as Slack's Web API returns them. */

export function messageJson(state: WorkspaceState, m: SlackMessage): JsonObject {
  const replies = m.threadTs === m.ts ? state.threadReplies(m.channel, m.ts) : [];
  const out: JsonObject = { type: 'message', ts: m.ts, text: m.text, team: state.team.id };
  if (m.subtype) out.subtype = m.subtype;
  if (m.user) out.user = m.user;
  if (m.botId) {
    out.bot_id = m.botId;
    out.app_id = m.appId;
    out.bot_profile = {
      id: m.botId,
      app_id: m.appId,
      name: state.bot.name,
      team_id: state.team.id,
      deleted: false,
    };
  }
  if (m.blocks) out.blocks = m.blocks;
  if (m.attachments) out.attachments = m.attachments;
  if (m.metadata) out.metadata = m.metadata;
  if (m.files) out.files = m.files.map((id) => state.files.get(id)).map((f) => f && fileJson(state, f));
  if (m.threadTs) out.thread_ts = m.threadTs;
  if (m.threadTs && m.threadTs !== m.ts) {
    const parent = state.findMessage(m.channel, m.threadTs);
    if (parent?.user) out.parent_user_id = parent.user;
  }
  if (replies.length > 0) {
    out.reply_count = replies.length;
    out.reply_users = [...new Set(replies.map((r) => r.user).filter(Boolean))];
    out.reply_users_count = (out.reply_users as string[]).length;
    out.latest_reply = replies.at(-1)!.ts;
  }
  if (m.reactions.length > 0) out.reactions = m.reactions.map((r) => ({ ...r, users: [...r.users] }));
  if (m.edited) out.edited = m.edited;
  return out;
}

export function channelJson(state: WorkspaceState, c: SlackChannel): JsonObject {
  const base: JsonObject = {
    id: c.id,
    created: c.created,
    is_archived: c.isArchived,
    is_im: c.isIm,
    is_org_shared: false,
    context_team_id: state.team.id,
    updated: c.created * 1000,
  };
  if (c.isIm) return { ...base, is_user_deleted: false, user: c.imUser, priority: 0 };
  return {
    ...base,
    name: c.name,
    name_normalized: c.name,
    is_channel: !c.isPrivate && !c.isMpim,
    is_group: c.isPrivate && !c.isMpim,
    is_mpim: c.isMpim,
    is_private: c.isPrivate,
    is_general: c.name === 'general',
    is_shared: false,
    is_ext_shared: c.isExtShared ?? false,
    is_pending_ext_shared: false,
    is_member: c.members.includes(state.bot.userId),
    creator: c.creator,
    unlinked: 0,
    topic: { value: c.topic, creator: '', last_set: 0 },
    purpose: { value: c.purpose, creator: '', last_set: 0 },
    num_members: c.members.length,
    previous_names: [],
  };
}

export function userJson(state: WorkspaceState, u: SlackUser): JsonObject {
  const profile: JsonObject = {
    real_name: u.realName,
    real_name_normalized: u.realName,
    display_name: u.name,
    display_name_normalized: u.name,
    team: state.team.id,
  };
  if (u.email) profile.email = u.email;
  if (u.botId) profile.bot_id = u.botId;
  return {
    id: u.id,
    team_id: u.homeTeamId ?? state.team.id,
    ...(u.homeTeamId ? { is_stranger: true } : {}),
    name: u.name,
    deleted: u.deleted ?? false,
    real_name: u.realName,
    tz: u.tz,
    tz_label: u.tzLabel,
    tz_offset: u.tzOffset,
    profile,
    is_admin: u.isAdmin ?? false,
    is_owner: u.isOwner ?? false,
    is_bot: u.isBot,
    is_app_user: false,
    updated: 0,
  };
}

export function viewJson(state: WorkspaceState, v: StoredView): JsonObject {
  const d = v.definition;
  return {
    id: v.id,
    team_id: state.team.id,
    type: v.type,
    blocks: d.blocks ?? [],
    private_metadata: d.private_metadata ?? '',
    callback_id: d.callback_id ?? '',
    state: { values: v.values },
    hash: v.hash,
    title: d.title ?? { type: 'plain_text', text: '' },
    clear_on_close: d.clear_on_close ?? false,
    notify_on_close: d.notify_on_close ?? false,
    close: d.close ?? null,
    submit: d.submit ?? null,
    previous_view_id: v.previousViewId,
    root_view_id: v.rootViewId,
    app_id: state.bot.appId,
    external_id: v.externalId,
    app_installed_team_id: state.team.id,
    bot_id: state.bot.botId,
  };
}

export function fileJson(state: WorkspaceState, f: StoredFile): JsonObject {
  return {
    id: f.id,
    created: f.created,
    timestamp: f.created,
    name: f.name,
    title: f.title,
    mimetype: 'application/octet-stream',
    filetype: f.snippetType ?? f.name.split('.').at(-1) ?? 'binary',
    user: f.createdBy,
    size: f.length,
    is_external: false,
    is_public: f.channels.some((id) => !state.channels.get(id)?.isPrivate),
    url_private: `https://files.slack.com/files-pri/${state.team.id}-${f.id}/${encodeURIComponent(f.name)}`,
    url_private_download: `https://files.slack.com/files-pri/${state.team.id}-${f.id}/download/${encodeURIComponent(f.name)}`,
    permalink: `https://${state.team.domain}.slack.com/files/${f.createdBy}/${f.id}/${encodeURIComponent(f.name)}`,
    channels: f.channels.filter((id) => !state.channels.get(id)?.isPrivate),
    groups: f.channels.filter((id) => state.channels.get(id)?.isPrivate && !state.channels.get(id)?.isIm),
    ims: f.channels.filter((id) => state.channels.get(id)?.isIm),
    alt_txt: f.altText,
  };
}
