import { type ImportStatement, resolveRelative } from './imports.js';

/**
 * The layer rule of /work/shared/architecture.md, as code: each layer and the layers it may import (besides
 * itself). Roots (app.ts, main.ts, cli/) compose everything and may import anything.
 */
export type Layer =
  | 'domain'
  | 'config'
  | 'logger'
  | 'storage/ports'
  | 'storage'
  | 'llm'
  | 'crm'
  | 'nlp'
  | 'services'
  | 'slack/views'
  | 'slack/deps'
  | 'slack/flows'
  | 'slack/guards'
  | 'slack/middleware'
  | 'slack/listeners'
  | 'slack/install'
  | 'slack/bolt'
  | 'scheduling'
  | 'http'
  | 'sandbox'
  | 'root';

const ALLOWED: Record<Exclude<Layer, 'root'>, readonly Layer[]> = {
  domain: [],
  config: [],
  logger: ['config'],
  'storage/ports': ['domain'],
  storage: ['storage/ports', 'domain', 'config', 'logger'],
  llm: ['domain', 'config', 'logger'],
  crm: ['domain', 'storage/ports', 'config', 'logger'],
  nlp: ['domain'],
  services: ['domain', 'storage/ports', 'llm', 'crm', 'nlp', 'config', 'logger'],
  'slack/views': ['domain', 'services'],
  'slack/deps': ['domain', 'storage/ports', 'llm', 'crm', 'services', 'logger'],
  'slack/flows': [
    'slack/views',
    'services',
    'crm',
    'slack/deps',
    'domain',
    'storage/ports',
    'llm',
    'config',
    'logger',
  ],
  'slack/guards': ['slack/views', 'services', 'slack/deps', 'domain', 'storage/ports', 'logger'],
  'slack/middleware': ['logger', 'config', 'http'],
  'slack/listeners': [
    'slack/flows',
    'slack/guards',
    'slack/views',
    'services',
    'slack/deps',
    'domain',
    'storage/ports',
    'config',
    'logger',
  ],
  'slack/install': ['slack/flows', 'storage/ports', 'domain', 'logger', 'config'],
  'slack/bolt': [
    'slack/listeners',
    'slack/middleware',
    'slack/install',
    'slack/flows',
    'slack/deps',
    'http',
    'logger',
    'config',
  ],
  scheduling: ['slack/flows', 'services', 'slack/deps', 'domain', 'storage/ports', 'llm', 'config', 'logger'],
  http: ['logger', 'config'],
  sandbox: ['http', 'slack/views', 'config', 'logger'],
};

/** Packages a layer may not import: the domain stays pure, services and views never see a Slack client. */
const PACKAGE_RULES: Partial<Record<Layer, (specifier: string) => boolean>> = {
  domain: (specifier) => specifier === 'zod',
  services: (specifier) => !specifier.startsWith('@slack/'),
  'slack/views': (specifier) => specifier === 'zod' || specifier === '@slack/types',
};

/** Layers that another layer may only import types from (views render service results, never call them). */
const TYPE_ONLY: Partial<Record<Layer, readonly Layer[]>> = {
  'slack/views': ['services'],
};

/** The layer of a file, by its path below src/. */
export function layerOf(file: string): Layer {
  if (file === 'app.ts' || file === 'main.ts' || file === 'banner.ts' || file.startsWith('cli/'))
    return 'root';
  if (file === 'logger.ts' || file === 'log-format.ts') return 'logger';
  if (
    [
      'storage/ports.ts',
      'storage/install-ports.ts',
      'storage/crm-ports.ts',
      'storage/nudge-ports.ts',
    ].includes(file)
  )
    return 'storage/ports';
  if (file === 'slack/deps.ts') return 'slack/deps';
  if (file === 'slack/bolt.ts') return 'slack/bolt';
  const [top, second] = file.split('/');
  if (top === 'slack' && second) {
    const layer = `slack/${second}`;
    if (layer in ALLOWED) return layer as Layer;
  }
  if (top && top in ALLOWED) return top as Layer;
  throw new Error(
    `src/${file} is in no layer: add its folder to test/architecture/layers.ts and src/README.md`,
  );
}

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

/** Why `file` may not import `statement`, or null when the layer rule allows it. */
export function checkImport(file: string, statement: ImportStatement): Violation | null {
  const from = layerOf(file);
  const { specifier } = statement;
  if (from === 'root') return null;
  if (!specifier.startsWith('.')) {
    if (specifier.startsWith('node:') && from !== 'domain') return null;
    const allowed = PACKAGE_RULES[from];
    return allowed && !allowed(specifier)
      ? { file, specifier, reason: `${from} may not import ${specifier}` }
      : null;
  }
  const target = resolveRelative(file, specifier);
  if (target.startsWith('..')) return { file, specifier, reason: `${from} imports from outside src/` };
  const to = layerOf(target);
  if (to === from) return null;
  if (!ALLOWED[from].includes(to))
    return { file, specifier, reason: `${from} may not import ${to} (${target})` };
  if (TYPE_ONLY[from]?.includes(to) && !statement.typeOnly) {
    return { file, specifier, reason: `${from} may import only types from ${to} (${target})` };
  }
  return null;
}
