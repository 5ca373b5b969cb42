import { relative } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://localhost:3000';
const root = new URL('.', import.meta.url).pathname;

/**
 * dist/.vite/dynamic-entries.json: the chunk that holds each module loaded with `import()` (every page,
 * English dictionary and on-demand drawer), for the bundle budget (scripts/bundle-size.mjs). The
 * manifest names a chunk after its module only when nothing else imports from that chunk; a page whose
 * chunk also serves the drawers it opens appears there as `_name-hash.js`, without its path.
 */
function dynamicEntries(): Plugin {
  return {
    name: 'society-hub:dynamic-entries',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, string> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !output.isDynamicEntry) continue;
        for (const id of output.moduleIds) {
          if (this.getModuleInfo(id)?.dynamicImporters.length) chunks[relative(root, id)] = output.fileName;
        }
      }
      this.emitFile({ type: 'asset', fileName: '.vite/dynamic-entries.json', source: JSON.stringify(chunks, null, 2) });
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [react(), dynamicEntries()],
  resolve: {
    alias: [
      { find: '@', replacement: new URL('./src', import.meta.url).pathname },
      // react-router's package exports name its development build for every bundle (remix-run/react-router
      // #12532): the built console takes the production one, without the development warnings.
      ...(command === 'build'
        ? [
            {
              find: /^react-router$/,
              replacement: new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url).pathname,
            },
          ]
        : []),
    ],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/v1': api,
      '/healthz': api,
      '/docs': api,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: what each chunk imports, for the bundle budget (scripts/bundle-size.mjs).
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
}));
