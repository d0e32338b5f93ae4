// npm run build: compiles src/ to dist/ with tsc and copies the files the app reads at run time (sandbox web
// client, prompts). Plain Node, so it also runs where only `typescript` is installed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(dist, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

let assets = 0;
for (const file of readdirSync(src, { recursive: true }).map(String)) {
  if (file.endsWith('.ts')) continue;
  const from = path.join(src, file);
  const to = path.join(dist, file);
  try {
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(from, to, { recursive: false });
    assets += 1;
  } catch (error) {
    if (error?.code !== 'EISDIR' && error?.code !== 'ERR_FS_EISDIR') throw error;
  }
}
writeFileSync(path.join(dist, '.build-info'), `${new Date().toISOString()}\n`);
console.log(`built dist/ (${assets} assets copied)`);
