import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../src/config/schema.js';
import { buildSubcommands } from '../src/slack/listeners/commands/subcommands/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('README', () => {
  it('documents exactly the /vision subcommands that exist', () => {
    const table = readme.slice(readme.indexOf('## What it does'), readme.indexOf('### Capture'));
    const documented = new Set([...table.matchAll(/^\| `\/vision (\w+)/gm)].map((m) => m[1]));
    const existing = new Set(buildSubcommands().map((s) => s.name));
    expect([...documented].sort()).toEqual([...existing].sort());
  });

  it('keeps the two commands a newcomer needs, and they exist', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(packageJson.scripts.start).toBeDefined();
    expect(packageJson.scripts.test).toBeDefined();
  });

  it('only mentions npm scripts that exist', () => {
    const mentioned = new Set([...readme.matchAll(/npm run (\w+)/g)].map((m) => m[1]!));
    for (const script of mentioned) expect(packageJson.scripts, `npm run ${script}`).toHaveProperty(script);
  });

  it('documents every environment variable the app reads, in the Configuration table and .env.example', () => {
    const table = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('## Running against PostgreSQL'),
    );
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const variables = Object.keys(envSchema.shape).filter((name) => /^[A-Z_]+$/.test(name));
    expect(variables.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
    expect(variables.filter((name) => name !== 'NODE_ENV' && !example.includes(`${name}=`))).toEqual([]);
  });
});
