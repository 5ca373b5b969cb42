// The JavaScript each console route makes the browser load, gzipped, from the built console's Vite
// manifest: the entry (index.html's script) with everything it imports, the signed-in layout for pages
// behind the login, and the route's own module with its static imports. Code a page loads later on
// demand (ECharts, exceljs, papaparse) is listed apart. Budgets (issue: proof): the login page under
// 250 KB, no route over 450 KB.
//
//   pnpm --filter @society-hub/console run build && node scripts/bundle-size.mjs [--json]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'apps/console/dist');
export const BUDGETS = { login: 250 * 1024, route: 450 * 1024 };

/** Every route module the router loads lazily, with whether it sits behind the signed-in layout. */
const PUBLIC_ROUTES = ['src/app/routes/login.tsx', 'src/app/routes/notices.tsx'];
const LAYOUT = 'src/app/routes/app-layout.tsx';

export function measure() {
  const manifest = JSON.parse(readFileSync(resolve(root, '.vite/manifest.json'), 'utf8'));
  const gzipped = new Map();
  const size = (file) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(resolve(root, file))).length);
    return gzipped.get(file);
  };
  /** The chunks a module pulls in statically (what the browser fetches before it runs). */
  const closure = (key, into = new Set()) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const dependency of chunk.imports ?? []) closure(dependency, into);
    return into;
  };
  const onDemand = (key) => (manifest[key]?.dynamicImports ?? []).filter((k) => !k.startsWith('src/app/routes/'));
  const entry = closure('index.html');
  const routes = Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isDynamicEntry && key.startsWith('src/app/routes/'))
    .map(([key]) => {
      const files = new Set([
        ...entry,
        ...(PUBLIC_ROUTES.includes(key) || key === LAYOUT ? [] : closure(LAYOUT)),
        ...closure(key),
      ]);
      const bytes = [...files].reduce((sum, file) => sum + size(file), 0);
      const later = onDemand(key).reduce(
        (sum, k) => sum + [...closure(k)].filter((f) => !files.has(f)).reduce((s, f) => s + size(f), 0),
        0,
      );
      const name = key.replace('src/app/routes/', '').replace(/\.tsx$/, '');
      const budget = name === 'login' ? BUDGETS.login : BUDGETS.route;
      return { route: name, bytes, onDemandBytes: later, budget, within: bytes <= budget };
    })
    .sort((a, b) => b.bytes - a.bytes);
  return routes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const routes = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(routes, null, 2));
  } else {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log('route'.padEnd(34), 'loads (gzip)'.padStart(13), 'later'.padStart(10), ' budget');
    for (const r of routes) {
      console.log(
        r.route.padEnd(34),
        kb(r.bytes).padStart(13),
        kb(r.onDemandBytes).padStart(10),
        ` ${kb(r.budget)}${r.within ? '' : '  OVER'}`,
      );
    }
  }
  if (routes.some((r) => !r.within)) process.exitCode = 1;
}
