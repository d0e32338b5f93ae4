import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Docker cannot run where these tests run, so the image is not built here: these check the properties the
 * deployment relies on, as written in the files.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

function stages(dockerfile: string): { from: string; lines: string[] }[] {
  const result: { from: string; lines: string[] }[] = [];
  for (const line of dockerfile.split('\n')) {
    if (line.startsWith('FROM ')) result.push({ from: line, lines: [] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const [build, runtime, ...more] = stages(dockerfile);

  it('has a build stage and a runtime stage on the same Node LTS image that better-sqlite3 supports', () => {
    expect(more).toEqual([]);
    const nodeVersion = /ARG NODE_VERSION=(\d+)/.exec(dockerfile)?.[1];
    expect(Number(nodeVersion) % 2).toBe(0); // even majors are the LTS lines
    const supported = (
      JSON.parse(read('node_modules/better-sqlite3/package.json')) as { engines: { node: string } }
    ).engines.node;
    expect(supported).toContain(`${nodeVersion}.x`);
    expect(build?.from).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim AS build$/);
    expect(runtime?.from).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim AS runtime$/);
  });

  it('compiles TypeScript and better-sqlite3 in the build stage and ships only production dependencies', () => {
    const buildText = build?.lines.join('\n') ?? '';
    expect(buildText).toContain('g++');
    expect(buildText).toContain('RUN npm ci');
    expect(buildText).toContain('npm run build && npm prune --omit=dev');
    const runText = runtime?.lines.join('\n') ?? '';
    expect(runText).not.toMatch(/npm (ci|install)|g\+\+|apt-get/);
    expect(runText).toContain('COPY --from=build --chown=node:node /app/node_modules ./node_modules');
    expect(runText).toContain('COPY --from=build --chown=node:node /app/dist ./dist');
  });

  it('runs as the non-root node user, with DATA_DIR on a volume, a health check and node dist/main.js', () => {
    const runText = runtime?.lines.join('\n') ?? '';
    expect(runText).toMatch(/^USER node$/m);
    expect(runText).toContain('DATA_DIR=/data');
    expect(runText).toContain('VOLUME ["/data"]');
    expect(runText).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
    expect(runText).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
    expect(runText).toContain('NODE_ENV=production');
  });

  it('copies what the built app reads at run time and leaves secrets and local data out of the context', () => {
    expect(dockerfile).toContain('COPY --chown=node:node manifests ./manifests');
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', 'dist', 'data', '.env', '.git']) expect(ignored).toContain(entry);
  });
});

describe('compose.yaml and Procfile', () => {
  it('compose runs the app on PostgreSQL with its data directory on a volume', () => {
    const compose = read('compose.yaml');
    expect(compose).toMatch(/image: postgres:\d+/);
    expect(compose).toContain('DATABASE_URL: postgres://shared_vision:${POSTGRES_PASSWORD');
    expect(compose).toContain('condition: service_healthy');
    expect(compose).toContain('DATA_DIR: /data');
    expect(compose).toContain('- app-data:/data');
  });

  it('the Procfile runs the built app (PaaS builds run npm run build and prune dev dependencies)', () => {
    expect(read('Procfile').trim()).toBe('web: node dist/main.js');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('node scripts/build.mjs');
    expect(pkg.scripts.start).toBe('node dist/main.js');
  });
});
