import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { latinFontSubsets } from './tooling/fonts';
import { trimBootstrapItalia } from './tooling/trim';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

const generatedDocuments = fileURLToPath(new URL('src/gql/graphql.ts', import.meta.url));
const DOCUMENT_PREFIX = '\0prossimo-gql:';

/**
 * One module per generated document. graphql.ts holds every operation of the app; as one module
 * it would sit whole in the main chunk (the landing needs a few of its documents), carrying every
 * lazy page's operations. Imports of documents from it become imports of one virtual module each,
 * so that each document lands in the chunk of the page that uses it.
 */
function documentPerModule(): Plugin {
  let documents: Map<string, string> | undefined;
  const documentText = (name: string): string | undefined => {
    documents ??= new Map(
      [
        ...readFileSync(generatedDocuments, 'utf8').matchAll(
          /^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm,
        ),
      ].map((match) => [match[1], match[2]]),
    );
    return documents.get(name);
  };
  return {
    name: 'prossimo-document-per-module',
    enforce: 'post',
    buildStart() {
      documents = undefined;
    },
    transform(code, id) {
      if (id.startsWith(DOCUMENT_PREFIX) || id.includes('/src/gql/') || !code.includes('gql/graphql')) return;
      return code.replace(
        /import\s*\{([^}]*)\}\s*from\s*["']([^"']*\/gql\/graphql)(?:\.ts)?["'];?/g,
        (statement: string, names: string) =>
          names
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean)
            .map((name) => {
              const [imported, local = imported] = name.split(/\s+as\s+/);
              if (!documentText(imported)) throw new Error(`${id}: ${imported} is not a generated document`);
              return `import { ${imported} as ${local} } from ${JSON.stringify(DOCUMENT_PREFIX + imported)};`;
            })
            .join('\n'),
      );
    },
    resolveId(source) {
      return source.startsWith(DOCUMENT_PREFIX) ? source : undefined;
    },
    load(id) {
      if (!id.startsWith(DOCUMENT_PREFIX)) return;
      const name = id.slice(DOCUMENT_PREFIX.length);
      return `export const ${name} = ${documentText(name)};`;
    },
  };
}

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

/**
 * Fonts inlined as data: URLs in a third-party stylesheet become files of their own. Bootstrap
 * Italia's CSS carries video.js's icon font as `url(data:application/font-woff;base64,...)`; our
 * Content-Security-Policy (font-src 'self', apps/api/src/web-app.ts) blocks data: fonts, so the
 * font is emitted as a hashed asset served by us (assetsInlineLimit keeps it a file).
 */
function dataFontsToFiles(): Plugin {
  const DATA_FONT =
    /url\((["']?)data:(?:application\/(?:font-|x-font-)?|font\/)(woff2?|ttf|otf|truetype|opentype)[^,]*;base64,([A-Za-z0-9+/=]+)\1\)/g;
  return {
    name: 'prossimo-data-fonts-to-files',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css(\?|$)/.test(id) || !code.includes(';base64,')) return;
      let count = 0;
      const replaced = code.replace(DATA_FONT, (_match, _quote: string, format: string, base64: string) => {
        const extension = format === 'truetype' ? 'ttf' : format === 'opentype' ? 'otf' : format;
        const name = `${id
          .split('/')
          .pop()
          ?.replace(/\?.*$/, '')
          .replace(/(\.min)?\.css$/, '')}-font-${count++}.${extension}`;
        const referenceId = this.emitFile({ type: 'asset', name, source: Buffer.from(base64, 'base64') });
        // Vite's CSS plugin turns this placeholder into the emitted file's URL.
        return `url(__VITE_ASSET__${referenceId}__)`;
      });
      return count ? { code: replaced, map: null } : undefined;
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
    documentPerModule(),
    // Bootstrap Italia's CSS and icons cut to what the app names (tooling/trim.ts): first paint.
    trimBootstrapItalia(
      root,
      fileURLToPath(new URL('../../node_modules/bootstrap-italia/dist/svg/sprites.svg', import.meta.url)),
    ),
    dataFontsToFiles(),
    latinFontSubsets(),
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
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tooling/**/*.test.ts'],
    environment: 'node',
  },
});
