#!/usr/bin/env node
/**
 * Counts the functions longer than a limit (default 80 lines) in the project's own TypeScript —
 * generated files, tests and dependencies left out — and lists the longest. A measure for keeping
 * modules small (issue 18 asks for its drop), printed, never a test: `node scripts/long-functions.mjs [limit]`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('..', import.meta.url).pathname;
const limit = Number(process.argv[2] ?? 80);
const SOURCES = ['apps/api/src', 'apps/console/src', 'packages/domain/src', 'packages/client/src', 'tools/import/src'];
const SKIP = /(^|\/)(node_modules|dist)(\/|$)|\.test\.tsx?$|\.d\.ts$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (SKIP.test(path)) continue;
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

const long = [];
let functions = 0;
for (const base of SOURCES) {
  for (const file of files(join(root, base))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        functions += 1;
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        if (lines > limit) long.push({ where: `${relative(root, file)}:${start + 1}`, lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}
long.sort((a, b) => b.lines - a.lines);
console.log(`${long.length} of ${functions} functions are longer than ${limit} lines`);
for (const { where, lines } of long.slice(0, 15)) console.log(`  ${String(lines).padStart(4)}  ${where}`);
