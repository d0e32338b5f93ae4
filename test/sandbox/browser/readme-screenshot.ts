/**
 * Regenerates the README screenshot of the browser sandbox: `npx tsx test/sandbox/browser/readme-screenshot.ts`.
 * Runs a short walk-through (setup, logging a quote, a teammate's message, a draft) in Chromium and saves .github/sandbox.png.
 */
import path from 'node:path';
import { DEMO_IDS } from '../../../src/sandbox/seed.js';
import { send, startSandboxSession } from './sandbox-app.js';

const OUTPUT = path.resolve(import.meta.dirname, '../../../.github/sandbox.png');
const COMPOSER = 'Message #deal-acme';

const session = await startSandboxSession();
const { page } = session;
try {
  await page.goto(`${session.sandboxUrl}?user=${DEMO_IDS.rep}&channel=${DEMO_IDS.dealAcme}`);
  await page.locator('#app[data-state=ready]').waitFor();

  await send(page, COMPOSER, '/vision setup');
  const setup = page.getByRole('dialog', { name: 'Set up this deal' });
  await setup.getByLabel('Customer / account').fill('Acme Corp');
  await setup.getByLabel('Deal name').fill('Platform rollout 2027');
  await setup.getByRole('button', { name: 'Save' }).click();
  await setup.waitFor({ state: 'detached' });

  await send(page, COMPOSER, '/vision driver "We lose a day a week reconciling orders by hand"');
  const log = page.getByRole('dialog', { name: 'Log business driver' });
  await log.getByLabel('In one line').fill('Manual order reconciliation costs a day a week');
  await log.getByLabel('Who said it?').fill('Dana Diaz');
  await log.getByLabel('Their title or role').fill('VP Operations');
  await log.getByRole('button', { name: 'Save' }).click();
  await log.waitFor({ state: 'detached' });

  await page.getByLabel('Switch user').selectOption(DEMO_IDS.manager);
  await page.locator(`#app[data-user=${DEMO_IDS.manager}]`).waitFor();
  await send(page, COMPOSER, 'From the call: "if approvals keep taking two weeks, we miss the Q3 launch"');
  await page.getByLabel('Switch user').selectOption(DEMO_IDS.rep);
  await page.locator(`#app[data-user=${DEMO_IDS.rep}]`).waitFor();

  await send(page, COMPOSER, '/vision draft');
  const parent = page.locator('.pane .message:not(.ephemeral)', { hasText: 'Status: Draft' }).last();
  await parent.getByRole('button', { name: /\d+ repl(y|ies)/ }).click();
  await page.getByRole('complementary', { name: 'Thread' }).waitFor();
  await page
    .locator('.messages')
    .first()
    .evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.locator('.thread-messages').evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: OUTPUT });
  process.stdout.write(`saved ${OUTPUT}\n`);
} finally {
  await session.close();
}
