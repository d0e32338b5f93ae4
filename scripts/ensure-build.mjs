// Runs before `npm start` and the CLIs: builds dist/ when it is missing or older than src/ and TypeScript is
// installed (a fresh clone after `npm install`). A pruned production install (`npm ci --omit=dev`) has no
// TypeScript: it needs a dist/ built beforehand (the Docker image and PaaS builds ship one).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.build-info');
const src = path.join(root, 'src');

function newestSourceMs() {
  if (!existsSync(src)) return 0;
  let newest = 0;
  for (const file of readdirSync(src, { recursive: true }).map(String)) {
    const stat = statSync(path.join(src, file));
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

function typescriptInstalled() {
  try {
    createRequire(import.meta.url).resolve('typescript/bin/tsc');
    return true;
  } catch {
    return false;
  }
}

const built = existsSync(stamp) && existsSync(path.join(root, 'dist', 'main.js'));
const stale = built && newestSourceMs() > statSync(stamp).mtimeMs;
if (built && !stale) process.exit(0);

if (!typescriptInstalled()) {
  if (built) {
    console.warn(
      'shared-vision: src/ changed since dist/ was built, and TypeScript is not installed: running dist/ as built.',
    );
    process.exit(0);
  }
  console.error(
    'shared-vision: dist/ is missing and TypeScript is not installed (production install without dev dependencies).\n' +
      '  Build first: `npm ci && npm run build`, then prune with `npm prune --omit=dev`; or use the Docker image.',
  );
  process.exit(1);
}
console.log(
  built
    ? 'shared-vision: src/ changed since the last build, rebuilding dist/ ...'
    : 'shared-vision: building dist/ ...',
);
const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
process.exit(result.status ?? 1);
