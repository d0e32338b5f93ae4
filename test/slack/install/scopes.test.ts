import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../../src/slack/install/scopes.js';

const manifest = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../manifests/manifest.json'), 'utf8'),
) as {
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: { org_deploy_enabled: boolean };
};

describe('"Add to Slack" and the manifest agree', () => {
  it('requests exactly the bot scopes the manifest declares', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('registers /slack/oauth_redirect and allows org-wide (Enterprise Grid) installs', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([
      expect.stringMatching(/^https:\/\/[^/]+\/slack\/oauth_redirect$/),
    ]);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });
});
