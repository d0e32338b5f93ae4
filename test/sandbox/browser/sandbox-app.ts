import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import { type RunningApp, startApp } from '../../../src/app.js';
import { parseConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/logger.js';
import { findChromium, type LaunchedBrowser, launchChromium } from './launch.js';

const chromium = findChromium();

/**
 * Call at the top of a browser test file. Without a browser, outside CI, every test of the file is reported as
 * skipped with the reason (the closing summary lists it); in CI (CI=true) the tests run and fail on the missing
 * browser. Returns whether the browser tests run, so `beforeAll` can avoid starting the app for nothing.
 */
export function browserTestsRun(): boolean {
  if (chromium.found || chromium.required) return true;
  const note = `browser test not run: ${chromium.reason}`;
  beforeEach((context) => {
    context.skip(note);
  });
  return false;
}

export interface SandboxSession {
  app: RunningApp;
  browser: LaunchedBrowser;
  page: Page;
  /** http://127.0.0.1:<port>/sandbox */
  sandboxUrl: string;
  logs: string[];
  close(): Promise<void>;
}

/**
 * The real app in local mode (no Slack credentials: built-in emulator + /sandbox), and a Chromium page.
 * `clock` lets a scenario move the app's time forward (e.g. to let a decision stall).
 */
export async function startSandboxSession(options: { clock?: () => Date } = {}): Promise<SandboxSession> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sv-sandbox-'));
  const logs: string[] = [];
  // No Slack variables: local mode. Port 0 (any free port) is a test-only choice the env schema rejects.
  const config = { ...parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }), port: 0 };
  const app = await startApp(config, {
    host: '127.0.0.1',
    logger: createLogger('warn', 'sandbox-test', (line) => logs.push(line)),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let browser: LaunchedBrowser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await app.stop();
    throw error;
  }
  const page = await browser.context.newPage();
  page.setDefaultTimeout(8_000);
  page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`));
  return {
    app,
    browser,
    page,
    sandboxUrl: `${app.url}/sandbox`,
    logs,
    async close() {
      await browser.close();
      await app.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const RESULTS_DIR = path.resolve(import.meta.dirname, '../../../test-results');

/** Runs a step; on failure saves a screenshot to test-results/<name>.png, then rethrows. */
export async function withScreenshotOnFailure<T>(
  page: Page,
  name: string,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    if (error instanceof Error) error.message += `\n(screenshot: ${file})`;
    throw error;
  }
}

/** Types into a composer and presses Enter. */
export async function send(page: Page, composerLabel: string, text: string): Promise<void> {
  const box = page.getByLabel(composerLabel, { exact: true });
  await box.fill(text);
  await box.press('Enter');
  // The composer clears once the app has answered (a failed send keeps the text and shows a toast).
  const deadline = Date.now() + 8_000;
  while ((await box.inputValue()) !== '') {
    const toast = await page.locator('.toast').allTextContents();
    if (toast.length > 0) throw new Error(`sending "${text}" failed: ${toast.join(' | ')}`);
    if (Date.now() > deadline) throw new Error(`sending "${text}" did not finish`);
    await page.waitForTimeout(50);
  }
}

/** The message element whose text contains `text` (newest first). */
export function message(page: Page, text: string | RegExp) {
  return page.locator('.pane .message', { hasText: text }).last();
}
