// The JavaScript each console route makes the browser load, gzipped, from the built console's Vite
// manifest: the entry (index.html's script) with everything it imports, the signed-in layout for pages
// behind the login, and the route's own module with its static imports. A reader who chose English
// also loads, before the page renders, the English of every dictionary those chunks register
// (`*.en.ts`, next to each dictionary); that is counted in its own column and the budget holds for it too.
// Code a page loads later on demand (ECharts, exceljs, papaparse, a form drawer, an error page) is
// listed apart. Budgets (issue: proof): the login page under 250 KB, no route over 450 KB.
//
//   pnpm --filter @society-hub/console run build && node scripts/bundle-size.mjs [--json]
//
// Exits with 1 when a route is over its budget.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'apps/console/dist');
export const BUDGETS = { login: 250 * 1024, route: 450 * 1024 };

/** The route modules the router loads lazily outside the signed-in layout; every other one sits behind it. */
const PUBLIC_ROUTES = [
  'src/app/routes/login.tsx',
  'src/app/routes/notices.tsx',
  'src/app/routes/directory.tsx',
  'src/app/routes/directory-society.tsx',
];
const LAYOUT = 'src/app/routes/app-layout.tsx';
const ROUTE = /^src\/app\/routes\//;
const ENGLISH = /^src\/.+\.en\.ts$/;

export function measure() {
  const read = (file) => JSON.parse(readFileSync(resolve(root, file), 'utf8'));
  const manifest = read('.vite/manifest.json');
  /** Module → chunk file for every module loaded with `import()` (vite.config.ts writes it). */
  const dynamicEntries = Object.entries(read('.vite/dynamic-entries.json'));
  const modulesOf = new Map();
  for (const [module, file] of dynamicEntries) modulesOf.set(file, [...(modulesOf.get(file) ?? []), module]);
  const isRoute = (file) => (modulesOf.get(file) ?? []).some((module) => ROUTE.test(module));
  const isEnglish = (file) => modulesOf.get(file)?.every((module) => ENGLISH.test(module)) ?? false;
  const chunkOf = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));

  const gzipped = new Map();
  const size = (file) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(resolve(root, file))).length);
    return gzipped.get(file);
  };
  const sum = (files) => [...files].reduce((total, file) => total + size(file), 0);
  /** The chunks a chunk pulls in statically (what the browser fetches before it runs). */
  const closure = (file, into = new Set()) => {
    const chunk = chunkOf.get(file);
    if (!chunk || into.has(file)) return into;
    into.add(file);
    for (const key of chunk.imports ?? []) closure(manifest[key].file, into);
    return into;
  };
  /** The chunks the given chunks import dynamically, other pages aside. */
  const dynamicImports = (files) =>
    [...files]
      .flatMap((file) => chunkOf.get(file)?.dynamicImports ?? [])
      .map((key) => manifest[key].file)
      .filter((file) => !isRoute(file));
  /** Chunks fetched on demand from `files`, and from those in turn, that `files` does not hold already. */
  const onDemand = (files, pick) => {
    const found = new Set();
    let frontier = dynamicImports(files).filter(pick);
    while (frontier.length > 0) {
      const next = [];
      for (const start of frontier) {
        const added = [...closure(start)].filter((file) => !files.has(file) && !found.has(file));
        for (const file of added) found.add(file);
        next.push(...dynamicImports(added).filter(pick));
      }
      frontier = next;
    }
    return found;
  };

  const entry = closure(manifest['index.html'].file);
  const layout = dynamicEntries.find(([module]) => module === LAYOUT)?.[1];
  if (!layout) throw new Error(`${LAYOUT} is not among the dynamically imported modules`);
  const routes = dynamicEntries
    .filter(([module]) => ROUTE.test(module))
    .map(([module, file]) => {
      const files = new Set([
        ...entry,
        ...(PUBLIC_ROUTES.includes(module) || module === LAYOUT ? [] : closure(layout)),
        ...closure(file),
      ]);
      const bytes = sum(files);
      const english = onDemand(files, isEnglish);
      const englishBytes = sum(english);
      const laterBytes = sum(onDemand(new Set([...files, ...english]), (file) => !isEnglish(file)));
      const name = module.replace('src/app/routes/', '').replace(/\.tsx$/, '');
      const budget = name === 'login' ? BUDGETS.login : BUDGETS.route;
      return {
        route: name,
        bytes,
        englishBytes,
        onDemandBytes: laterBytes,
        budget,
        within: bytes + englishBytes <= budget,
      };
    })
    .sort((a, b) => b.bytes + b.englishBytes - (a.bytes + a.englishBytes));
  return routes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const routes = measure();
  const over = routes.filter((r) => !r.within);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(routes, null, 2));
  } else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      'route'.padEnd(30),
      'loads (gzip)'.padStart(13),
      'in English'.padStart(12),
      'later'.padStart(10),
      ' budget',
    );
    for (const r of routes) {
      console.log(
        r.route.padEnd(30),
        kb(r.bytes).padStart(13),
        kb(r.bytes + r.englishBytes).padStart(12),
        kb(r.onDemandBytes).padStart(10),
        ` ${kb(r.budget)}${r.within ? '' : '  OVER'}`,
      );
    }
    console.log(
      over.length === 0
        ? `\nAll ${routes.length} routes are within budget.`
        : `\n${over.length} of ${routes.length} routes are over budget: ${over.map((r) => r.route).join(', ')}`,
    );
  }
  if (over.length > 0) process.exitCode = 1;
}
