import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/views/ids.js';
import { vendorPath } from '../support/vendor-fixtures.js';

const SCHEMA_DIR = vendorPath('slack/manifest/manifest-schema');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  return ajv.compile(readJson(path.join(SCHEMA_DIR, 'manifest.schema.1.0.0.json')) as object);
}

interface Manifest {
  features: { slash_commands: { command: string }[]; shortcuts: { callback_id: string; type: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
}

describe('manifests/manifest.json', () => {
  const manifest = readJson(path.resolve(import.meta.dirname, '../../manifests/manifest.json')) as Manifest;

  it("is valid against Slack's manifest JSON schema", () => {
    const validate = validator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the validator rejects the schema project's own invalid sample", () => {
    const validate = validator();
    expect(validate(readJson(path.join(SCHEMA_DIR, 'manifest.v1.invalid.json')))).toBe(false);
    expect(validate(readJson(path.join(SCHEMA_DIR, 'manifest.v1.valid.json')))).toBe(true);
  });

  it('declares what the app listens to, and only that', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/vision']);
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'message', callback_id: ACTION_IDS.logMessageShortcut }),
    );
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'channel_created',
      'channel_shared',
      'channel_unshared',
      'member_joined_channel',
      'message.channels',
      'message.groups',
      'team_access_granted',
      'team_access_revoked',
      'tokens_revoked',
    ]);
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'channels:history',
        'groups:history',
        'im:write',
        'files:write',
      ]),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});

describe('manifests/manifest.socket-mode.json', () => {
  const read = (file: string) => readJson(path.resolve(import.meta.dirname, '../../manifests', file)) as Json;
  type Json = Record<string, unknown> & {
    oauth_config: Record<string, unknown>;
    features: { slash_commands: Record<string, unknown>[] };
    settings: {
      socket_mode_enabled: boolean;
      event_subscriptions: Record<string, unknown>;
      interactivity: Record<string, unknown>;
    };
  };
  const socket = read('manifest.socket-mode.json');

  it("is valid against Slack's manifest JSON schema", () => {
    const validate = validator();
    const ok = validate(socket);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is the HTTP manifest with Socket Mode on and no URLs', () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toMatch(/https?:\/\//);
    const http = read('manifest.json');
    for (const command of http.features.slash_commands) delete command.url;
    delete http.settings.event_subscriptions.request_url;
    // OAuth installs need the HTTP receiver (/slack/oauth_redirect); Socket Mode runs in one workspace.
    delete http.oauth_config.redirect_urls;
    delete http.settings.interactivity.request_url;
    http.settings.socket_mode_enabled = true;
    expect(socket).toEqual(http);
  });

  it('is what the Slack CLI gets from the get-manifest hook (.slack/hooks.json)', () => {
    const hooks = readJson(path.resolve(import.meta.dirname, '../../.slack/hooks.json')) as {
      hooks: Record<string, string>;
    };
    expect(hooks.hooks['get-manifest']).toBe('node scripts/slack-get-manifest.mjs');
    const out = execFileSync(
      process.execPath,
      ['scripts/slack-get-manifest.mjs', '--protocol=message-boundaries', '--boundary=B0'],
      {
        cwd: path.resolve(import.meta.dirname, '../..'),
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(out.trim().slice(2, -2))).toEqual(socket);
  });
});
