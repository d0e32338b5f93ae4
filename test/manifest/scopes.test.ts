import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const manifest = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'manifests', file), 'utf8')) as {
    oauth_config: { scopes: { bot: string[] } };
    settings: { event_subscriptions: { bot_events: string[] } };
    features: { slash_commands: unknown[]; shortcuts: unknown[] };
  };

/** Web API methods the app calls and the bot scopes Slack requires for them (docs.slack.dev/reference/methods). */
const METHOD_SCOPES: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.info': ['channels:read', 'groups:read'],
  // Who may add to a deal: its owner or a member of its channel (public or private).
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
  'conversations.join': ['channels:join'],
  'conversations.open': ['im:write'],
  'files.info': ['files:read'],
  'files.uploadV2': ['files:write'],
  // users:read.email: the profile's email, to give each decision's CRM task to the same person in the CRM.
  'users.info': ['users:read', 'users:read.email'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
};

/** Events the app subscribes to and the scopes each needs. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  app_mention: ['app_mentions:read'],
  app_uninstalled: [],
  tokens_revoked: [],
  team_access_granted: [],
  team_access_revoked: [],
  channel_shared: ['channels:read', 'groups:read'],
  channel_unshared: ['channels:read', 'groups:read'],
  channel_created: ['channels:read'],
  member_joined_channel: ['channels:read', 'groups:read'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
};

/** Every `<client>.<family>.<method>(` call in the app's code (the sandbox emulator is not the app). */
function webApiCalls(): Set<string> {
  const calls = new Set<string>();
  const files = fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('sandbox'));
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, 'src', file), 'utf8');
    for (const m of text.matchAll(
      /\.(chat|conversations|users|views|files|reactions|pins|bookmarks|usergroups|team)\.(\w+)\(/g,
    )) {
      if (!(m[1] === 'chat' && m[2] === 'completions')) calls.add(`${m[1]}.${m[2]}`);
    }
  }
  return calls;
}

describe.each(['manifest.json', 'manifest.socket-mode.json'])(
  '%s requests only the scopes the code uses',
  (file) => {
    const m = manifest(file);
    const calls = webApiCalls();

    it('knows the scopes of every Web API method the code calls', () => {
      expect([...calls].filter((method) => !(method in METHOD_SCOPES))).toEqual([]);
    });

    it('every requested scope is needed by a call, an event, the command or the shortcut', () => {
      const needed = new Set<string>(['commands']);
      for (const method of calls) for (const scope of METHOD_SCOPES[method] ?? []) needed.add(scope);
      for (const event of m.settings.event_subscriptions.bot_events) {
        for (const scope of EVENT_SCOPES[event] ?? []) needed.add(scope);
      }
      expect([...m.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
      expect(m.oauth_config.scopes.bot).not.toContain('reactions:write');
    });

    it('every subscribed event is one the mapping knows', () => {
      expect(m.settings.event_subscriptions.bot_events.filter((e) => !(e in EVENT_SCOPES))).toEqual([]);
    });
  },
);
