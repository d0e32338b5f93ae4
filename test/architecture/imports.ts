import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** One import or export-from statement: the module specifier as written and whether it is type-only. */
export interface ImportStatement {
  specifier: string;
  typeOnly: boolean;
}

interface Token {
  kind: 'word' | 'string' | 'punct';
  text: string;
}

const REGEX_MAY_FOLLOW = new Set([
  '(',
  ',',
  '=',
  ':',
  '[',
  '!',
  '&',
  '|',
  '?',
  '{',
  '}',
  ';',
  'return',
  'typeof',
]);

/** Index just past the quoted string, template or regular expression that opens at `start`. */
function skipQuoted(source: string, start: number, closer: string): number {
  let index = start + 1;
  while (index < source.length && source[index] !== closer && !(closer === '/' && source[index] === '\n')) {
    index += source[index] === '\\' ? 2 : 1;
  }
  return index + 1;
}

/** Words, string literals and punctuation of a source file, skipping comments, templates and regexes. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index] as string;
    const next = source[index + 1];
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '/' && next === '/') {
      const end = source.indexOf('\n', index);
      index = end === -1 ? source.length : end;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      index = end === -1 ? source.length : end + 2;
    } else if (char === "'" || char === '"') {
      const end = skipQuoted(source, index, char);
      tokens.push({ kind: 'string', text: source.slice(index + 1, end - 1) });
      index = end;
    } else if (char === '`') {
      index = skipQuoted(source, index, '`');
    } else if (char === '/' && REGEX_MAY_FOLLOW.has(tokens.at(-1)?.text ?? ';')) {
      index = skipQuoted(source, index, '/');
    } else if (/[\w$]/.test(char)) {
      let end = index + 1;
      while (end < source.length && /[\w$]/.test(source[end] as string)) end += 1;
      tokens.push({ kind: 'word', text: source.slice(index, end) });
      index = end;
    } else {
      tokens.push({ kind: 'punct', text: char });
      index += 1;
    }
  }
  return tokens;
}

/** From `start`, the specifier after the statement's `from` (braces skipped), or null at `;` or end. */
function fromClause(tokens: Token[], start: number): string | null {
  let depth = 0;
  for (let index = start; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.text === '{') depth += 1;
    else if (token.text === '}') depth -= 1;
    else if (depth === 0 && token.text === ';') return null;
    else if (depth === 0 && token.kind === 'word' && token.text === 'from') {
      const literal = tokens[index + 1];
      return literal?.kind === 'string' ? literal.text : null;
    } else if (depth === 0 && token.kind === 'word' && (token.text === 'import' || token.text === 'export')) {
      return null;
    }
  }
  return null;
}

/**
 * The static imports and re-exports of a TypeScript file, read in one linear pass: `import … from`,
 * `import type`, `import '…'`, `import('…')`, `export { … } from`, `export * from` and `export type … from`.
 */
export function parseImports(source: string): ImportStatement[] {
  const tokens = tokenize(source);
  const found: ImportStatement[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (token.kind !== 'word' || (token.text !== 'import' && token.text !== 'export')) continue;
    if (tokens[index - 1]?.text === '.') continue;
    let cursor = index + 1;
    const first = tokens[cursor];
    if (!first) break;
    if (token.text === 'import' && first.kind === 'string') {
      found.push({ specifier: first.text, typeOnly: false });
      continue;
    }
    if (token.text === 'import' && first.text === '(') {
      const literal = tokens[cursor + 1];
      if (literal?.kind === 'string') found.push({ specifier: literal.text, typeOnly: false });
      continue;
    }
    const afterType = tokens[cursor + 1];
    const typeOnly =
      first.text === 'type' &&
      afterType !== undefined &&
      (afterType.text === '{' ||
        afterType.text === '*' ||
        (token.text === 'import' && afterType.kind === 'word'));
    if (typeOnly) cursor += 1;
    const opener = tokens[cursor] as Token | undefined;
    if (token.text === 'export' && opener?.text !== '{' && opener?.text !== '*') continue;
    const specifier = fromClause(tokens, cursor);
    if (specifier !== null) found.push({ specifier, typeOnly });
  }
  return found;
}

/** Every .ts file below `root`, as paths relative to `root` with forward slashes. */
export function listTypeScriptFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}

/** A relative specifier resolved against the importing file: a path below the same root, ending in .ts. */
export function resolveRelative(fromFile: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(fromFile), specifier)).replace(/\.js$/, '.ts');
}

export function readImports(root: string, file: string): ImportStatement[] {
  return parseImports(readFileSync(join(root, file), 'utf8'));
}
