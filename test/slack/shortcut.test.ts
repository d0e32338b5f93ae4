import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/domain/deals.js';
import type { JsonObject } from '../../src/sandbox/emulator/types.js';
import { ACTION_IDS, ENTRY_FORM as F, VIEW_IDS } from '../../src/slack/views/ids.js';
import { testEngines } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { vendorPath } from '../support/vendor-fixtures.js';
import { waitFor } from '../support/wait.js';
import { ephemeralsAfter, linkDeal, newModal, textOf } from './entries-support.js';

const FIXTURES = vendorPath('slack/interactivity');
const fixture = (file: string): JsonObject => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
const BOLT_PYTHON = 'bolt-python/shortcut.message_action.json';
const JAVA_SDK = 'java-slack-sdk/MessageShortcutPayload.json';

describe.each(testEngines())('message shortcut "Log to shared vision", on $name', (engine) => {
  let t: TestApp;
  let deal: Deal;
  const seen = new Set<string>();
  beforeAll(async () => {
    t = await startTestApp({ engine });
    deal = await linkDeal(t);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    t.emulator.state.views.clear(t.ids.rep);
  });

  /** A fixture payload with this workspace's ids and a real message of the emulator. */
  function payloadFrom(
    file: string,
    args: { channelId: string; ts: string; text: string; responseUrl?: string },
  ): JsonObject {
    const payload = fixture(file);
    const message = payload.message as JsonObject;
    Object.assign(payload, {
      callback_id: ACTION_IDS.logMessageShortcut,
      trigger_id: t.emulator.issueTriggerId(t.ids.rep),
      message_ts: args.ts,
      response_url: args.responseUrl ?? '',
    });
    (payload.team as JsonObject).id = t.ids.team;
    (payload.user as JsonObject).id = t.ids.rep;
    if ('team_id' in (payload.user as JsonObject)) (payload.user as JsonObject).team_id = t.ids.team;
    (payload.channel as JsonObject).id = args.channelId;
    Object.assign(message, { ts: args.ts, text: args.text, user: t.ids.manager });
    return payload;
  }

  it.each([BOLT_PYTHON, JAVA_SDK])(
    '%s: modal prefilled with the quote, saved with the permalink',
    async (file) => {
      const wire = "<@U0SE> we can't go over 10k &lt;before March&gt; &amp; that is final";
      const posted = await t.driver.userMessage({
        userId: t.ids.manager,
        channelId: t.ids.dealAcme,
        text: wire,
      });
      const result = await t.driver.sendPayload(
        payloadFrom(file, { channelId: t.ids.dealAcme, ts: posted.ts, text: wire }),
      );
      expect(result.status).toBe(200);
      const view = await newModal(t, t.ids.rep, VIEW_IDS.logEntry, seen);
      const blocks = JSON.stringify(view.definition.blocks);
      expect(blocks).toContain("we can't go over 10k <before March> & that is final");
      expect(blocks).toContain('@sam.engineer');
      expect(blocks).toContain(`"block_id":"${F.kind}"`);
      const before = t.emulator.state.ephemeralsFor(t.ids.rep).length;
      const submitted = await t.driver.submitView(view.id, {
        [F.kind]: 'constraint',
        [F.statement]: `Budget capped at 10k before March (${file})`,
        [F.stakeholderName]: 'Dana Lee',
        [F.constraintCategory]: 'budget',
      });
      expect(submitted.outcome).toBe('close');
      const saved = (await t.repos.entries.listByDeal(t.ids.team, deal.id)).find(
        (e) => e.statement === `Budget capped at 10k before March (${file})`,
      );
      expect(saved).toMatchObject({
        kind: 'constraint',
        constraintCategory: 'budget',
        quote: "@sam.engineer we can't go over 10k <before March> & that is final",
        source: {
          type: 'message',
          ref: `https://local-demo.slack.com/archives/${t.ids.dealAcme}/p${posted.ts.replace('.', '')}`,
        },
      });
      expect(saved?.saidOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [confirmation] = await waitFor('the confirmation', () => {
        const found = ephemeralsAfter(t, t.ids.rep, before);
        return found.length > 0 ? found : undefined;
      });
      expect(textOf(confirmation!)).toContain('&lt;before March&gt; &amp; that is final');
    },
  );

  it('in a channel without a deal it offers Set up instead of a modal', async () => {
    const posted = await t.driver.userMessage({ userId: t.ids.rep, channelId: t.ids.general, text: 'hello' });
    const { responseUrl } = await t.driver.slashCommand({
      userId: t.ids.rep,
      channelId: t.ids.general,
      text: 'help',
    });
    const before = t.emulator.state.ephemeralsFor(t.ids.rep).length + 1; // + the help answer
    await waitFor('the help answer', () => t.emulator.state.ephemeralsFor(t.ids.rep).length >= before);
    await t.driver.sendPayload(
      payloadFrom(BOLT_PYTHON, { channelId: t.ids.general, ts: posted.ts, text: 'hello', responseUrl }),
    );
    const [reply] = await waitFor('the not-linked answer', () => {
      const found = ephemeralsAfter(t, t.ids.rep, before);
      return found.length > 0 ? found : undefined;
    });
    expect(textOf(reply!)).toContain('Set up this deal');
    expect(t.emulator.state.views.top(t.ids.rep)).toBeUndefined();
  });
});
