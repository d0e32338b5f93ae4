import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listTypeScriptFiles, parseImports, readImports } from './imports.js';
import { checkImport, layerOf } from './layers.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Imports that break the rule but are tolerated for now, as "file -> specifier". Keep it empty. */
const ALLOWLIST: readonly string[] = [];

describe('the import parser', () => {
  it('reads imports, type imports, side-effect imports, re-exports and dynamic imports', () => {
    const source = [
      "import { a, type B } from './a.js';",
      "import type {\n  C,\n  D,\n} from '../c.js';",
      "import './side-effect.js';",
      "export { e } from './e.js';",
      "export type { F } from './f.js';",
      "export * from './g.js';",
      "const h = await import('./h.js');",
    ].join('\n');
    expect(parseImports(source)).toEqual([
      { specifier: './a.js', typeOnly: false },
      { specifier: '../c.js', typeOnly: true },
      { specifier: './side-effect.js', typeOnly: false },
      { specifier: './e.js', typeOnly: false },
      { specifier: './f.js', typeOnly: true },
      { specifier: './g.js', typeOnly: false },
      { specifier: './h.js', typeOnly: false },
    ]);
  });

  it('ignores look-alikes in comments, strings, templates, regexes and local exports', () => {
    const source = [
      "// import { x } from './comment.js';",
      "/* export * from './block.js'; */",
      'const s = "import { y } from \'./string.js\'";',
      "const t = `export { z } from './template.js'`;",
      "const r = /from '/;",
      'export const from = 1;',
      'export { s, t };',
      "export type Local = { from: 'x' };",
    ].join('\n');
    expect(parseImports(source)).toEqual([]);
  });
});

describe('the layer rule', () => {
  const violation = (file: string, specifier: string, typeOnly = false) =>
    checkImport(file, { specifier, typeOnly })?.reason ?? null;

  it('refuses imports that point up the layers', () => {
    expect(violation('services/capture.ts', '../slack/views/entry-form.js')).toMatch(
      /services may not import slack\/views/,
    );
    expect(violation('services/capture.ts', '@slack/web-api', true)).toMatch(
      /services may not import @slack\/web-api/,
    );
    expect(violation('domain/entries.ts', '../services/capture.js')).toMatch(
      /domain may not import services/,
    );
    expect(violation('domain/entries.ts', 'node:fs')).toMatch(/domain may not import node:fs/);
    expect(violation('slack/views/home.ts', '../flows/home-publish.js')).toMatch(
      /slack\/views may not import slack\/flows/,
    );
    expect(violation('slack/views/home.ts', '../../services/home.js')).toMatch(/only types/);
    expect(
      violation('slack/listeners/commands/subcommands/x.ts', '../../../../scheduling/run-weekly-nudges.js'),
    ).toMatch(/slack\/listeners may not import scheduling/);
    expect(violation('scheduling/scheduler.ts', '../slack/views/nudge-blocks.js')).toMatch(
      /scheduling may not import slack\/views/,
    );
    expect(violation('services/deals.ts', '../storage/sql/deals.js')).toMatch(
      /services may not import storage /,
    );
  });

  it('allows imports that point down the layers, and roots that compose everything', () => {
    expect(violation('slack/flows/drafts.ts', '../views/draft-blocks.js')).toBeNull();
    expect(violation('slack/views/home.ts', '../../services/home.js', true)).toBeNull();
    expect(violation('scheduling/scheduler.ts', '../slack/flows/recap-prompts.js')).toBeNull();
    expect(violation('services/deals.ts', '../storage/ports.js', true)).toBeNull();
    expect(violation('app.ts', './storage/index.js')).toBeNull();
  });

  it('puts every file of src/ in a layer', () => {
    expect(() => layerOf('newfolder/thing.ts')).toThrow(/in no layer/);
    for (const file of listTypeScriptFiles(SRC)) expect(() => layerOf(file)).not.toThrow();
  });

  it('holds for every import in src/, with an empty allowlist', () => {
    const broken: string[] = [];
    for (const file of listTypeScriptFiles(SRC)) {
      for (const statement of readImports(SRC, file)) {
        const found = checkImport(file, statement);
        const key = `${file} -> ${statement.specifier}`;
        if (found && !ALLOWLIST.includes(key)) broken.push(`${key}: ${found.reason}`);
      }
    }
    expect(broken).toEqual([]);
    expect(ALLOWLIST).toEqual([]);
  });
});
