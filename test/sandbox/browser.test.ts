import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../src/sandbox/seed.js';
import {
  browserTestsRun,
  message,
  type SandboxSession,
  send,
  startSandboxSession,
  withScreenshotOnFailure,
} from './browser/sandbox-app.js';

/**
 * The product in the browser sandbox, as a person would try it: the real app in local mode, every click sent to
 * its receiver as a signed Slack request by the emulator's driver, the page updated over server-sent events.
 */
let session: SandboxSession;
const COMPOSER = 'Message #deal-acme';
/** The app's clock runs with real time, shifted forward when the scenario lets a decision stall. */
let clockShiftMs = 0;
const DAY_MS = 86_400_000;

const browserRuns = browserTestsRun();

beforeAll(async () => {
  if (!browserRuns) return;
  session = await startSandboxSession({ clock: () => new Date(Date.now() + clockShiftMs) });
  await session.page.goto(`${session.sandboxUrl}?user=${DEMO_IDS.rep}&channel=${DEMO_IDS.dealAcme}`);
  await session.page.locator('#app[data-state=ready]').waitFor();
}, 60_000);

afterAll(async () => {
  await session?.close();
});

describe('browser sandbox: setup -> log -> list -> recap -> draft -> nudge preview in Chromium', () => {
  it('/vision help answers with an ephemeral only the caller sees', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-help', async () => {
      await send(page, COMPOSER, '/vision help');
      const help = message(page, 'helps you build a vision');
      await help.getByText('Only visible to you').waitFor();
      await help.getByRole('button', { name: 'Dismiss' }).click();
      await help.waitFor({ state: 'detached' });
    });
  });

  it('/vision setup: the modal links the channel to a deal', async () => {
    const { page, app } = session;
    await withScreenshotOnFailure(page, 'sandbox-setup', async () => {
      await send(page, COMPOSER, '/vision setup');
      const setup = page.getByRole('dialog', { name: 'Set up this deal' });
      await setup.getByLabel('Customer / account').fill('Acme Corp');
      await setup.getByLabel('Deal name').fill('Platform rollout 2027');
      await expect(setup.getByLabel('Deal owner').inputValue()).resolves.toBe(DEMO_IDS.rep);
      await setup.getByRole('button', { name: 'Save' }).click();
      await setup.waitFor({ state: 'detached' });
      await message(page, 'Deal linked: Acme Corp').waitFor();
      const deal = await app.storage.repos.deals.getByChannel(DEMO_IDS.team, DEMO_IDS.dealAcme);
      expect(deal).toMatchObject({ accountName: 'Acme Corp', dealName: 'Platform rollout 2027' });
    });
  });

  it('/vision driver "quote": a validation error under its input, fixed, then saved', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-log', async () => {
      await send(page, COMPOSER, '/vision driver "We lose a day a week reconciling orders by hand"');
      const log = page.getByRole('dialog', { name: 'Log business driver' });
      await expect(log.getByLabel('Their words (verbatim)').inputValue()).resolves.toBe(
        'We lose a day a week reconciling orders by hand',
      );
      await log.getByLabel('In one line').fill('Manual order reconciliation costs a day a week');
      await log.getByRole('button', { name: 'Save' }).click();
      // The app answers response_action: errors: a quote needs a name.
      const error = log.locator('.block-input.has-error .field-error');
      await error.waitFor();
      await expect(error.textContent()).resolves.toContain('A quote needs a name');
      await log.getByLabel('Who said it?').fill('Dana Diaz');
      await log.getByLabel('Their title or role').fill('VP Operations');
      await log.getByRole('button', { name: 'Save' }).click();
      await log.waitFor({ state: 'detached' });
      await message(page, 'Logged business driver for Acme Corp').waitFor();
    });
  });

  it('/vision list: archive from the overflow menu updates the message; Undo brings it back', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-list', async () => {
      await send(page, COMPOSER, '/vision list');
      const list = message(page, 'Acme Corp: 1 entries');
      await list.getByRole('button', { name: 'More options' }).click();
      await list.getByRole('menuitem', { name: 'Archive' }).click();
      const archived = page.locator('.pane .message', { hasText: 'Archived “Manual order reconciliation' });
      await archived.waitFor();
      const ts = await archived.getAttribute('data-ts');
      await archived.getByRole('button', { name: 'Undo' }).click();
      // Same message (same ts), replaced in place by the app.
      await page
        .locator(`.pane .message[data-ts="${ts}"]`, { hasText: 'Dana Diaz (VP Operations)' })
        .waitFor();
    });
  });

  it('/vision recap: notes become proposals in a thread; Confirm updates the proposal in place', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-recap', async () => {
      await send(page, COMPOSER, '/vision recap');
      const recap = page.getByRole('dialog', { name: 'Meeting recap' });
      await recap.getByLabel('Meeting title').fill('Discovery call');
      await recap
        .getByLabel('Notes')
        .fill('Dana Diaz (VP Ops): "If approvals keep taking two weeks, we miss the Q3 launch."');
      await recap.getByRole('button', { name: 'Post recap' }).click();
      await recap.waitFor({ state: 'detached' });
      const parent = page
        .locator('.pane .message:not(.ephemeral)', { hasText: 'Recap: Discovery call' })
        .last();
      await parent.getByRole('button', { name: /\d+ repl(y|ies)/ }).click();
      const thread = page.getByRole('complementary', { name: 'Thread' });
      const proposal = thread.locator('.message', { hasText: 'approvals keep taking two weeks' }).last();
      await proposal.getByRole('button', { name: 'Confirm' }).click();
      // The notes name no speaker, so the app asks for one (a quote needs a name) in a modal over the thread.
      const confirm = page.getByRole('dialog', { name: 'Edit and confirm' });
      await confirm.getByLabel('…or someone new').fill('Dana Diaz');
      await confirm.getByRole('button', { name: 'Confirm' }).click();
      await confirm.waitFor({ state: 'detached' });
      const ts = await proposal.getAttribute('data-ts');
      await thread.locator(`.message[data-ts="${ts}"]`, { hasText: /confirmed/i }).waitFor();
      await expect(
        thread.locator(`.message[data-ts="${ts}"]`).getByRole('button', { name: 'Confirm' }).count(),
      ).resolves.toBe(0);
      await thread.getByRole('button', { name: 'Close thread' }).click();
    });
  }, 30_000);

  it('/vision draft (offline): the draft goes in a thread; a button updates the parent message', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-draft', async () => {
      await send(page, COMPOSER, '/vision draft');
      const parent = page.locator('.pane .message:not(.ephemeral)', { hasText: 'Status: Draft' }).last();
      await parent.getByRole('button', { name: 'Mark shared with customer' }).waitFor({ timeout: 15_000 });
      const ts = await parent.getAttribute('data-ts');
      await parent.getByRole('button', { name: /\d+ repl(y|ies)/ }).click();
      const thread = page.getByRole('complementary', { name: 'Thread' });
      await thread.getByText('We lose a day a week reconciling orders by hand').first().waitFor();
      await parent.getByRole('button', { name: 'Mark shared with customer' }).click();
      // The app updates the same message (chat.update): the status line changes in place.
      await page
        .locator(`.pane .message[data-ts="${ts}"]`, { hasText: 'Status: Shared with customer' })
        .waitFor();
      await thread.getByRole('button', { name: 'Close thread' }).click();
      await thread.waitFor({ state: 'hidden' });
    });
  }, 30_000);

  it('message shortcut "Log to shared vision" opens the form with the message as the quote', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-shortcut', async () => {
      await send(page, COMPOSER, 'Dana said approvals take two weeks every time');
      // The rep's own message (the app may also answer with an ephemeral capture offer quoting it).
      const said = page
        .locator(`.pane .message[data-user=${DEMO_IDS.rep}]:not(.ephemeral)`, {
          hasText: 'approvals take two weeks',
        })
        .last();
      await said.hover();
      await said.getByRole('button', { name: 'More actions' }).click();
      await said.getByRole('menuitem', { name: 'Log to shared vision' }).click();
      const log = page.getByRole('dialog', { name: 'Log to shared vision' });
      await expect(log.getByLabel('Their words (verbatim)').inputValue()).resolves.toContain(
        'approvals take two weeks every time',
      );
      await log.getByRole('button', { name: 'Cancel' }).click();
      await log.waitFor({ state: 'detached' });
    });
  });

  it('App Home: opening the tab sends app_home_opened; its buttons open the app’s modals', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-home', async () => {
      await page.getByRole('button', { name: 'Vision · Home' }).click();
      const home = page.locator('.home-view');
      await home.getByText('Acme Corp - Platform rollout 2027').waitFor();
      await home.getByRole('button', { name: 'Log an entry' }).click();
      const log = page.getByRole('dialog', { name: 'Log to shared vision' });
      await log.getByRole('button', { name: 'Close' }).click();
      await log.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'deal-acme' }).click();
      await page.getByLabel(COMPOSER, { exact: true }).waitFor();
    });
  });

  it('/vision nudges preview: a decision idle 8 days shows in a preview only the acting user sees', async () => {
    const { page, app } = session;
    await withScreenshotOnFailure(page, 'sandbox-nudge-preview', async () => {
      await send(page, COMPOSER, '/vision decision Pick a pilot region');
      const form = page.getByRole('dialog', { name: 'Log a decision' });
      await expect(form.getByLabel('What must the customer decide?').inputValue()).resolves.toBe(
        'Pick a pilot region',
      );
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      await message(page, 'Pick a pilot region').waitFor();

      clockShiftMs = 8 * DAY_MS; // no activity for 8 days: stalled (default 7)
      const postedBefore = app.localSlack!.emulator.state.messages(DEMO_IDS.dealAcme).length;
      await send(page, COMPOSER, '/vision nudges preview');
      const preview = message(page, 'Preview of the next weekly nudge for Acme Corp');
      await preview.getByText('Only visible to you').waitFor();
      await preview.getByText('Pick a pilot region').waitFor();
      await preview.getByText(/idle 8 days/).waitFor();
      await expect(preview.getByRole('button', { name: 'Mark decided' }).count()).resolves.toBe(0);
      // Nothing posted to the channel, nothing recorded.
      expect(app.localSlack!.emulator.state.messages(DEMO_IDS.dealAcme)).toHaveLength(postedBefore);
      expect(await app.storage.repos.nudges.lastRunKey(DEMO_IDS.team)).toBeNull();

      await page.getByLabel('Switch user').selectOption(DEMO_IDS.manager);
      await page.locator(`#app[data-user=${DEMO_IDS.manager}]`).waitFor();
      await message(page, 'Deal linked: Acme Corp').waitFor();
      await expect(page.getByText('Preview of the next weekly nudge').count()).resolves.toBe(0);
      await page.getByLabel('Switch user').selectOption(DEMO_IDS.rep);
      await page.locator(`#app[data-user=${DEMO_IDS.rep}]`).waitFor();
      await message(page, 'Preview of the next weekly nudge').waitFor();
    });
  }, 30_000);

  it('switching user: the manager sees channel messages but not the rep’s ephemerals', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'sandbox-switch-user', async () => {
      await page.getByLabel('Switch user').selectOption(DEMO_IDS.manager);
      await page.locator(`#app[data-user=${DEMO_IDS.manager}]`).waitFor();
      await message(page, 'Deal linked: Acme Corp').waitFor();
      await expect(page.getByText('Only visible to you').count()).resolves.toBe(0);
      await page.getByLabel('Switch user').selectOption(DEMO_IDS.rep);
      await page.locator(`#app[data-user=${DEMO_IDS.rep}]`).waitFor();
      await message(page, 'Logged business driver').waitFor();
    });
  });
});
