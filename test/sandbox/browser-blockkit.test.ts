import webApi from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/seed.js';
import { DEMO, demoMessageBlocks, registerDemoListeners } from './browser/demo-listeners.js';
import {
  browserTestsRun,
  message,
  type SandboxSession,
  send,
  startSandboxSession,
  withScreenshotOnFailure,
} from './browser/sandbox-app.js';

const { WebClient } = webApi;

let session: SandboxSession;

const browserRuns = browserTestsRun();

beforeAll(async () => {
  if (!browserRuns) return;
  session = await startSandboxSession();
  registerDemoListeners(session.app.bolt, DEMO_IDS.dealAcme);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

/** The app posts through the emulator's Web API, exactly as its listeners do. */
function botClient() {
  const local = session.app.localSlack!;
  return new WebClient(local.botToken, { slackApiUrl: local.emulator.apiUrl });
}

describe('browser sandbox: generic Block Kit surfaces in Chromium', () => {
  it('renders blocks and mrkdwn safely, acts on buttons, confirms, selects and modals through the app', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-blockkit', async () => {
      await page.goto(`${session.sandboxUrl}?user=${DEMO_IDS.rep}&channel=${DEMO_IDS.dealAcme}`);
      await page.locator('#app[data-state=ready]').waitFor();
      await botClient().chat.postMessage({
        channel: DEMO_IDS.dealAcme,
        text: DEMO.message,
        blocks: demoMessageBlocks,
      });

      // Live update (server-sent events) brings the bot's message in; everything renders, nothing is injected.
      const demo = message(page, 'Renderer check');
      await demo.waitFor();
      await expect(demo.locator('.block-header').textContent()).resolves.toBe('Renderer check');
      await expect(demo.locator('strong', { hasText: 'Bold' }).count()).resolves.toBe(1);
      await expect(demo.locator('em', { hasText: 'italic' }).count()).resolves.toBe(1);
      await expect(demo.locator('s', { hasText: 'strike' }).count()).resolves.toBe(1);
      await expect(demo.locator('a[href="https://example.com/deal"]').textContent()).resolves.toBe(
        'the deal',
      );
      await expect(demo.locator('.mention').allTextContents()).resolves.toEqual(
        expect.arrayContaining(['@Morgan Manager', '#deal-globex', '@Riley Rep']),
      );
      const text = (await demo.textContent()) ?? '';
      expect(text).toContain('<script>alert(1)</script> & more');
      await expect(page.locator('.pane script').count()).resolves.toBe(0);
      await expect(demo.locator('blockquote').textContent()).resolves.toBe('quoted line');
      await expect(demo.locator('ul li').allTextContents()).resolves.toEqual(
        expect.arrayContaining(['first point', 'second point', 'Rich item']),
      );
      await expect(demo.locator('pre').textContent()).resolves.toBe('const x = 1 < 2;');
      await expect(demo.locator('.field').count()).resolves.toBe(2);
      await expect(demo.locator('.block-divider').count()).resolves.toBe(1);
      await expect(demo.getByText('Pipeline chart').count()).resolves.toBe(1);
      await expect(demo.locator('.btn-primary', { hasText: 'Approve' }).count()).resolves.toBe(1);
      await expect(demo.locator('.btn-danger', { hasText: 'Delete' }).count()).resolves.toBe(1);

      // A confirm dialog guards the danger button; the app's ephemeral answer is shown only to this user.
      await demo.getByRole('button', { name: 'Delete' }).click();
      await page
        .getByRole('alertdialog', { name: 'Delete it?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await message(page, 'Deleted (not really).').getByText('Only visible to you').waitFor();

      // A select in a message acts at once.
      await demo.getByLabel('Pick a stage').selectOption('Proposal');
      await message(page, 'Stage picked: Proposal').waitFor();

      // A button opens a modal (views.open with the click's trigger_id).
      await demo.getByRole('button', { name: 'Open form' }).click();
      const modal = page.getByRole('dialog', { name: 'Demo form' });
      await modal.waitFor();
      // Required fields are checked before anything is sent, like Slack's client.
      await modal.getByRole('button', { name: 'Save' }).click();
      await expect(modal.locator('.field-error').count()).resolves.toBe(3);
      await modal.getByLabel('Their words').fill('We lose a day a week reconciling orders');
      await modal.getByLabel('Kind').selectOption('driver');
      await modal.getByLabel('Tags').selectOption(['urgent', 'budget']);
      await modal.getByLabel('Said by').selectOption(DEMO_IDS.manager);
      await modal.getByLabel('Said on').fill('2026-11-20');
      await modal.getByLabel('Verified').check();
      await modal.getByLabel('High').check();
      await modal.getByLabel('Seats').fill('250');

      // views.push stacks a view with a way back; the form keeps what was typed.
      await modal.getByRole('button', { name: 'More details' }).click();
      const pushed = page.getByRole('dialog', { name: 'More details' });
      await pushed.getByText('A pushed view.').waitFor();
      await pushed.getByRole('button', { name: 'Back' }).click();
      await modal.waitFor();
      // Escape closes the top view too (here the pushed one again).
      await modal.getByRole('button', { name: 'More details' }).click();
      await pushed.waitFor();
      await page.keyboard.press('Escape');
      await modal.waitFor();
      await expect(modal.getByLabel('Their words').inputValue()).resolves.toBe(
        'We lose a day a week reconciling orders',
      );

      // The app answers response_action: errors; the message appears under the input, then the fix goes through.
      await modal.getByRole('button', { name: 'Save' }).click();
      await modal.locator('[data-block-id="quote"] .field-error', { hasText: 'in quotes' }).waitFor();
      await modal.getByLabel('Their words').fill('"We lose a day a week reconciling orders"');
      await modal.getByRole('button', { name: 'Save' }).click();
      await modal.waitFor({ state: 'detached' });
      const saved = message(page, 'Saved by');
      await saved.waitFor();
      const summary = JSON.parse(
        ((await saved.locator('.message-text').textContent()) ?? '').replace(/^[^{]*/, ''),
      );
      expect(summary).toEqual({
        quote: '"We lose a day a week reconciling orders"',
        kind: 'driver',
        tags: ['urgent', 'budget'],
        who: DEMO_IDS.manager,
        when: '2026-11-20',
        flags: ['verified'],
        priority: 'high',
        size: '250',
      });

      // A button whose handler replaces the original message (response_url, replace_original).
      await demo.getByRole('button', { name: 'Approve' }).click();
      await message(page, 'Approved by @Riley Rep').waitFor();
      await expect(page.locator('.pane .message', { hasText: 'Renderer check' }).count()).resolves.toBe(0);

      // Ephemerals belong to the user who acted: another user does not see them.
      await page.getByLabel('Switch user').selectOption(DEMO_IDS.manager);
      await page.locator(`#app[data-user=${DEMO_IDS.manager}]`).waitFor();
      await expect(page.getByText('Stage picked: Proposal').count()).resolves.toBe(0);
      await message(page, 'Approved by @Riley Rep').waitFor();
    });
  }, 60_000);

  it('threads: replies open in a panel; a reply typed there is stored in the thread', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-thread', async () => {
      const root = await botClient().chat.postMessage({
        channel: DEMO_IDS.dealAcme,
        text: 'Thread root from the app',
      });
      await botClient().chat.postMessage({
        channel: DEMO_IDS.dealAcme,
        thread_ts: root.ts!,
        text: 'First reply',
      });
      const parent = message(page, 'Thread root from the app');
      await parent.getByRole('button', { name: '1 reply' }).click();
      const thread = page.getByRole('complementary', { name: 'Thread' });
      await thread.getByText('First reply').waitFor();
      await send(page, 'Reply…', 'A reply from the browser');
      await thread.getByText('A reply from the browser').waitFor();
      const stored = session.app.localSlack!.emulator.state.threadReplies(DEMO_IDS.dealAcme, root.ts!);
      expect(stored.map((m) => [m.user, m.text])).toEqual([
        [DEMO_IDS.botUser, 'First reply'],
        [DEMO_IDS.manager, 'A reply from the browser'],
      ]);
      await parent.getByRole('button', { name: '2 replies' }).waitFor();
    });
  }, 30_000);
});
