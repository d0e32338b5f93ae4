/** Bot scopes requested by "Add to Slack"; the manifest test keeps them equal to manifests/manifest.json. */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:join',
  'channels:read',
  'chat:write',
  'commands',
  'files:read',
  'files:write',
  'groups:history',
  'groups:read',
  'im:history',
  'im:write',
  'users:read',
  'users:read.email',
] as const;
