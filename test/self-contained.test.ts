import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from './sandbox/browser/launch.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  fs
    .readdirSync(path.join(ROOT, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.startsWith('fixtures'))
    .map((f) => path.join(ROOT, dir, f));

/** Relative paths in string literals, resolved from the file's own directory. */
function escapingPaths(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/['"`]((?:\.\.\/)+[\w./-]*)['"`]/g)) {
    const target = path.resolve(path.dirname(file), match[1] ?? '');
    // Paths that leave the repository and exist here (a sibling folder of the checkout): a fresh clone lacks them.
    const outside = target !== ROOT && !target.startsWith(`${ROOT}${path.sep}`);
    if (outside && fs.existsSync(target)) found.push(match[1] ?? '');
  }
  for (const match of text.matchAll(/['"`](\/(?:work|home|Users|srv|opt)\/[^'"`]*)['"`]/g)) {
    found.push(match[1] ?? '');
  }
  return found;
}

describe('a fresh clone has everything the tests read', () => {
  it('no test or benchmark reads a path outside the repository', () => {
    const offenders = [...sources('test'), ...sources('bench')].flatMap((file) =>
      escapingPaths(file).map((p) => `${path.relative(ROOT, file)}: ${p}`),
    );
    expect(offenders).toEqual([]);
  });

  it('every vendor fixture is listed with its source in test/fixtures/README.md', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'test/fixtures/README.md'), 'utf8');
    const files = fs
      .readdirSync(path.join(ROOT, 'test/fixtures'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(60);
    const unlisted = files.filter((f) => {
      const folder = `### \`${path.dirname(f)}/\``;
      const section = readme.split(folder)[1]?.split('\n### ')[0] ?? '';
      return !section.includes(`| \`${path.basename(f)}\` |`) || !/license (MIT|Apache-2\.0)/.test(section);
    });
    expect(unlisted).toEqual([]);
  });
});

describe('finding Chromium for the browser tests', () => {
  it('takes CHROMIUM_PATH first and says why when it is not a browser', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toEqual({
      found: true,
      path: process.execPath,
    });
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toEqual({
      found: false,
      required: false,
      reason: 'CHROMIUM_PATH=/nonexistent/chromium is not an executable file',
    });
  });

  it('is required in CI, so a missing browser fails there instead of being skipped', () => {
    expect(findChromium({ CHROMIUM_PATH: '/nonexistent/chromium', CI: 'true' })).toMatchObject({
      found: false,
      required: true,
    });
  });
});
