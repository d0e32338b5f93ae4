import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

export interface RegexInventory {
  literals: FoundRegex[];
  /** Files with `new RegExp(...)` at module level: importing them builds those patterns. */
  modulesBuildingPatterns: string[];
  /** `new RegExp(...)` inside a function, as "file:function". */
  builtInFunctions: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

function enclosingFunction(node: ts.Node): string | null {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const name = (current as ts.FunctionLikeDeclaration).name;
      if (name && ts.isIdentifier(name)) return name.text;
      const holder = current.parent;
      if (holder && ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
      return '<anonymous>';
    }
  }
  return null;
}

/** Every regular expression in `root` (literals, and where patterns are built with `new RegExp`). */
export function inventoryRegexes(root: string): RegexInventory {
  const inventory: RegexInventory = { literals: [], modulesBuildingPatterns: [], builtInFunctions: [] };
  for (const file of sourceFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const relative = path.relative(path.dirname(root), file);
    let buildsAtModuleLevel = false;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(source);
        const end = literal.lastIndexOf('/');
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        inventory.literals.push({
          where: `${relative}:${line + 1}`,
          source: literal.slice(1, end),
          flags: literal.slice(end + 1),
        });
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const fn = enclosingFunction(node);
        if (fn === null) buildsAtModuleLevel = true;
        else inventory.builtInFunctions.push(`${relative}:${fn}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (buildsAtModuleLevel) inventory.modulesBuildingPatterns.push(file);
  }
  return inventory;
}
