import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Brotli and gzip copies of every text file, made once at build time at the highest levels: the
 * api serves them to browsers that accept them (apps/api/src/web-app.ts) without compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'prossimo-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (directory: string): string[] =>
        readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(join(directory, entry.name)) : [join(directory, entry.name)],
        );
      for (const file of walk(outDir)) {
        if (!/\.(js|css|svg|html|json|txt)$/.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

// The api serves dist/web (apps/api/src/web-app.ts); `npm run dev:web` proxies the api instead.
export default defineConfig({
  root,
  plugins: [
    react({
      // Each graphql(`...`) call becomes an import of its own generated document, so that a chunk
      // carries only the operations it uses (not gql.ts's map of every operation in the app).
      babel: {
        plugins: [
          [
            babelOptimizerPlugin,
            { artifactDirectory: fileURLToPath(new URL('src/gql', import.meta.url)), gqlTagName: 'graphql' },
          ],
        ],
      },
    }),
    precompress(),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // Fonts and the icon sprite stay files (CSP: no data: fonts), never inlined into the CSS.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/graphql': {
        target: process.env.PROSSIMO_API_URL ?? 'http://127.0.0.1:3000',
        ws: true,
        changeOrigin: false,
      },
    },
  },
  test: {
    root,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
