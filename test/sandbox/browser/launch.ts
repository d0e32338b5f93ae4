import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Chromium or Chrome usually lives (Debian/Ubuntu, snap, macOS); CHROMIUM_PATH comes first. */
export const USUAL_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export type ChromiumLookup =
  | { found: true; path: string }
  | {
      found: false /** In CI the browser tests must run: a missing browser fails them. */;
      required: boolean;
      reason: string;
    };

const isExecutable = (file: string): boolean => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Tests never download a browser: CHROMIUM_PATH, else the usual install paths (CI apt-installs Debian's). */
export function findChromium(env: Record<string, string | undefined> = process.env): ChromiumLookup {
  const explicit = env.CHROMIUM_PATH?.trim();
  const required = env.CI === 'true' || env.CI === '1';
  if (explicit) {
    return isExecutable(explicit)
      ? { found: true, path: explicit }
      : { found: false, required, reason: `CHROMIUM_PATH=${explicit} is not an executable file` };
  }
  const path = USUAL_CHROMIUM_PATHS.find(isExecutable);
  if (path) return { found: true, path };
  return {
    found: false,
    required,
    reason:
      'no Chromium found: set CHROMIUM_PATH or install chromium (apt-get install chromium fonts-dejavu-core)',
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile directory, removed on close. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const chromiumPath = findChromium();
  if (!chromiumPath.found) throw new Error(`browser tests cannot run: ${chromiumPath.reason}`);
  const profile = await mkdtemp(path.join(tmpdir(), 'sv-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath.path,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'America/New_York',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
