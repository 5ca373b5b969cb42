#!/usr/bin/env node
/**
 * SQL lives in `<resource>.repository.ts` (issue 18): services decide and call plain repository functions,
 * routes call services. This check scans apps/api/src/modules and fails, listing file:line, when any other
 * module file builds or runs a query — a Kysely builder call (`.selectFrom(`, `.insertInto(`, `.execute(`, …),
 * a `sql` template or helper — or imports a value from 'kysely'.
 *
 * Type-only imports of row shapes (`Selectable`, `Insertable`, `Updateable`) stay allowed everywhere: a service
 * may name the row a repository returns, and a type cannot run a query. Any other name from 'kysely' (a builder
 * or an expression type) means a query is being put together, so it belongs in the repository too.
 *
 * `apps/api/src/lib` is not checked: it holds the shared mechanisms (write, pagination, insert-many, sql) that
 * every repository uses. Comments and string contents are blanked before matching, so prose never counts.
 *
 * `node scripts/sql-in-repositories.mjs` (in `pnpm lint`) prints the count of uses outside repositories and fails
 * on any outside the allow-list; `--summary` adds the count per file. The patterns are deliberately strict (a
 * `.where(` or `.execute(` outside a repository counts even if it were not Kysely's): name such a method otherwise.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const MODULES = join(root, 'apps/api/src/modules');
const MAY_HOLD_SQL = /\.(repository|schemas)\.ts$/;

/**
 * Files allowed to run their own queries for a while (say why, and who empties it). Empty since issue 18
 * moved the last of them into their repositories.
 */
const ALLOWED_FOR_NOW = new Set([]);

const ROW_TYPES = new Set(['Selectable', 'Insertable', 'Updateable']);

const QUERY_PATTERNS = [
  ['query', /\.\s*(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)\s*\(/g],
  [
    'builder',
    /\.\s*(where|whereRef|having|innerJoin|leftJoin|rightJoin|fullJoin|orderBy|groupBy|selectAll|distinctOn|returning|returningAll|onConflict)\s*\(/g,
  ],
  ['builder', /\.\s*(with|withRecursive|withMaterialized)\s*\(\s*['"`]/g],
  ['execute', /\.\s*(execute|executeTakeFirst|executeTakeFirstOrThrow|stream)\s*\(/g],
  ['locking', /\.\s*(forUpdate|forShare|forNoKeyUpdate|forKeyShare|skipLocked|noWait)\s*\(/g],
  ['transaction', /\.\s*(transaction|connection)\s*\(\s*\)/g],
];

/** The `sql` template tag and its helpers, under its own name or the one it was imported as. */
function sqlPatterns(names) {
  const name = `(?<![\\w$.])(${names.join('|')})`;
  return [
    ['query', new RegExp(`${name}\\s*(\`|<)`, 'g')],
    ['sql', new RegExp(`${name}\\s*\\.\\s*(raw|join|ref|lit|id|table|val|value)\\b`, 'g')],
  ];
}

/** Local names `sql` is imported as (`import { sql as raw } from 'kysely'`). */
function sqlAliases(code) {
  const aliases = [];
  for (const match of code.matchAll(/\bimport\s*\{([^}]*)\}\s*from\s*['"]kysely['"]/g)) {
    for (const specifier of match[1].split(',')) {
      const alias = /^\s*sql\s+as\s+([\w$]+)\s*$/.exec(specifier);
      if (alias) aliases.push(alias[1]);
    }
  }
  return aliases;
}

function* moduleFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* moduleFiles(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) yield path;
  }
}

const REGEX_MAY_FOLLOW = /[(,=:[!&|?{};+\-*%<>~^]|^$|\b(return|typeof|case|in|of|delete|void|throw|new|yield|await)$/;

/**
 * The text with comments blanked (`code`) and, in addition, the contents of strings, template literal text and
 * regular expressions blanked (`bare`). Line breaks stay where they were, so offsets give the same line numbers.
 */
function blank(text) {
  const code = [...text];
  const bare = [...text];
  const erase = (target, from, to) => {
    for (let k = from; k < to; k += 1) if (target[k] !== '\n') target[k] = ' ';
  };
  const templates = [];
  let braces = 0;
  let i = 0;
  let previous = '';
  const scanTemplate = () => {
    const start = i;
    while (i < text.length) {
      if (text[i] === '\\') i += 2;
      else if (text[i] === '`') {
        erase(bare, start, i);
        i += 1;
        return;
      } else if (text[i] === '$' && text[i + 1] === '{') {
        erase(bare, start, i);
        i += 2;
        templates.push(braces);
        braces += 1;
        return;
      } else i += 1;
    }
    erase(bare, start, i);
  };
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      erase(code, i, stop);
      erase(bare, i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      erase(code, i, stop);
      erase(bare, i, stop);
      i = stop;
    } else if (c === "'" || c === '"') {
      const start = i + 1;
      i += 1;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      erase(bare, start, i);
      i += 1;
      previous = 'x';
    } else if (c === '`') {
      i += 1;
      scanTemplate();
      previous = 'x';
    } else if (c === '/' && REGEX_MAY_FOLLOW.test(previous)) {
      const start = i + 1;
      i += 1;
      let inClass = false;
      while (i < text.length && text[i] !== '\n' && (inClass || text[i] !== '/')) {
        if (text[i] === '\\') i += 1;
        else if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        i += 1;
      }
      erase(bare, start, i);
      i += 1;
      previous = 'x';
    } else if (c === '{') {
      braces += 1;
      previous = c;
      i += 1;
    } else if (c === '}') {
      braces -= 1;
      i += 1;
      if (templates.length && templates[templates.length - 1] === braces) {
        templates.pop();
        scanTemplate();
        previous = 'x';
      } else previous = c;
    } else {
      if (/\s/.test(c) === false) {
        const word = /[\w$]/.test(c) ? /^[\w$]+/.exec(text.slice(i, i + 40))[0] : c;
        previous = word;
        i += word.length;
      } else i += 1;
    }
  }
  return { code: code.join(''), bare: bare.join('') };
}

function lineOf(text, offset) {
  let line = 1;
  for (let k = 0; k < offset; k += 1) if (text[k] === '\n') line += 1;
  return line;
}

/** Imports and re-exports from 'kysely' that bring in more than row types. */
function kyselyImports(code) {
  const found = [];
  const statement = /\b(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]kysely['"]/g;
  for (const match of code.matchAll(statement)) {
    const typeOnly = Boolean(match[2]);
    const clause = match[3];
    const names = /\{([^}]*)\}/.exec(clause);
    const outsideBraces = clause
      .replace(/\{[^}]*\}/, '')
      .replace(/,/g, '')
      .trim();
    const specifiers = names
      ? names[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    const values = typeOnly ? [] : specifiers.filter((s) => !s.startsWith('type '));
    const types = specifiers
      .filter((s) => !values.includes(s))
      .map((s) => s.replace(/^type\s+/, '').split(/\s+as\s+/)[0]);
    const builderTypes = types.filter((t) => !ROW_TYPES.has(t));
    if (outsideBraces || values.length || builderTypes.length) {
      const what = outsideBraces || [...values, ...builderTypes].join(', ');
      found.push({ offset: match.index, what: `imports ${what} from 'kysely'` });
    }
  }
  for (const match of code.matchAll(/\b(import|require)\s*\(\s*['"]kysely['"]\s*\)/g)) {
    found.push({ offset: match.index, what: "loads 'kysely'" });
  }
  return found;
}

function queryUses(bare, sqlNames) {
  const found = [];
  for (const [kind, pattern] of [...QUERY_PATTERNS, ...sqlPatterns(sqlNames)]) {
    for (const match of bare.matchAll(pattern)) found.push({ offset: match.index, what: `${kind} ${match[0]}` });
  }
  return found;
}

const failures = [];
const counts = new Map();
let queriesStarted = 0;
const cleanButAllowed = [];
for (const file of moduleFiles(MODULES)) {
  const name = relative(MODULES, file);
  if (MAY_HOLD_SQL.test(name)) continue;
  const text = readFileSync(file, 'utf8');
  const { code, bare } = blank(text);
  const sqlNames = ['sql', ...sqlAliases(code)];
  const uses = [...kyselyImports(code), ...queryUses(bare, sqlNames)].sort((a, b) => a.offset - b.offset);
  if (uses.length) counts.set(name, uses.length);
  queriesStarted += uses.filter((use) => use.what.startsWith('query ')).length;
  if (ALLOWED_FOR_NOW.has(name)) {
    if (!uses.length) cleanButAllowed.push(name);
    continue;
  }
  for (const use of uses) {
    failures.push(`${relative(root, file)}:${lineOf(text, use.offset)}  ${use.what.replace(/\s+/g, ' ')}`);
  }
}

const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
const allowed = [...counts].filter(([name]) => ALLOWED_FOR_NOW.has(name)).reduce((sum, [, n]) => sum + n, 0);
console.log(
  `sql-in-repositories: ${total} query-builder uses (${queriesStarted} queries started) outside repositories, ` +
    `${allowed} of the uses in ${ALLOWED_FOR_NOW.size} allow-listed files`,
);
if (process.argv.includes('--summary')) {
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${String(n).padStart(4)}  ${name}${ALLOWED_FOR_NOW.has(name) ? '  (allow-listed)' : ''}`);
  }
}
for (const name of cleanButAllowed) console.log(`  ${name} runs no query now: strike it from ALLOWED_FOR_NOW`);
if (failures.length) {
  console.error('Queries belong in <resource>.repository.ts (docs/architecture.md):');
  for (const failure of failures) console.error(`  ${failure}`);
  process.exit(1);
}
